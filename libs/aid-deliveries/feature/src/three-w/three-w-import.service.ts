import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { importRunStreamId, presenceStreamId, type OrganizationEvent, type PresenceSource } from '@coord/contracts';
import { importRunDecider, operationalPresenceDecider, type ReportPresence } from '@coord/aid-deliveries-domain';
import { EVENT_STORE, EventStore } from '@coord/event-store';
import { Actor, badInput, isDomainError } from '@coord/kernel';
import { ExchangeQueries, ProjectionRunner } from '@coord/read-model';
import { organizationDecider, type OrganizationCommand } from '@coord/reference-data-domain';
import { CommandExecutor, LOGGER } from '@coord/runtime';
import { Gazetteer } from './gazetteer';
import type { ImportFix, ImportRejection, ImportReport } from './import-report';
import { OrganizationMatcher } from './organization-matcher';
import { readCsvRecords, UnreadableCsvError } from './three-w-file';
import { LayoutError, readLayout, type NumberedRecord, type ThreeWLayout } from './three-w-layout';
import { PresenceDraft, ThreeWRowReader } from './three-w-row';

/** Who registers the organisations a file names that the platform did not know (issue 5). */
export const SYSTEM_IMPORT_ACTOR: Actor = { userId: 'system:3w-import', organizationId: 'system', roles: ['ADMIN'] };

const PRESENCES_PER_CHUNK = 1_000;
// A report lists every fix (one per row of the Mali file): a few megabytes each at most.
const REPORTS_KEPT = 20;

export interface ImportProgress {
  readonly totalRows: number;
  readonly processedRows: number;
}

interface Job {
  readonly importId: string;
  readonly file: string;
  readonly sha256: string;
  readonly actor: Actor;
  /** Released once the run ends: only the report outlives it. */
  records: readonly NumberedRecord[];
  readonly layout: ThreeWLayout;
  readonly onProgress?: (progress: ImportProgress) => void;
  report: ImportReport;
}

/** A presence to record: the drafts of every row of the file with the same key, summed. */
interface PresenceGroup {
  readonly streamId: string;
  readonly organizationId: string;
  readonly rows: number[];
  readonly draft: PresenceDraft;
  readonly fixes: readonly ImportFix[];
  activities: string[];
  targeted: number | null;
  reached: number | null;
}

interface OrganizationWrites {
  readonly organizationId: string;
  readonly commands: OrganizationCommand[];
  readonly rows: Set<number>;
}

const sum = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : a + b);

/**
 * The 3W import (DOMAIN.md "Exchange", CONTRACT.md `POST /imports/3w`): reads the file at once, so a
 * file the platform cannot read is refused before anything runs, then records it in the background,
 * one import at a time (each sees the organisations the previous one registered). Every data row ends
 * up imported or rejected with a reason; every fix is reported. Re-importing a file records nothing:
 * organisations are matched, presences land in the stream of their key and record only changed figures.
 */
@Injectable()
export class ThreeWImportService {
  private readonly reports = new Map<string, Job>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly executor: CommandExecutor,
    private readonly queries: ExchangeQueries,
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Starts an import; answers its id at once and, for the CLI, a promise of the final report. */
  start(content: string, file: string, actor: Actor, onProgress?: (progress: ImportProgress) => void): { importId: string; done: Promise<ImportReport> } {
    let records: NumberedRecord[];
    let layout: ThreeWLayout;
    try {
      records = readCsvRecords(content);
      layout = readLayout(records);
    } catch (error) {
      if (error instanceof UnreadableCsvError || error instanceof LayoutError) throw badInput('file', error.message);
      throw error;
    }
    const importId = randomUUID();
    const sha256 = createHash('sha256').update(content).digest('hex');
    const data = records.slice(layout.dataStart);
    const blank = data.filter((record) => record.cells.every((cell) => cell.trim() === '')).length;
    const job: Job = {
      importId,
      file,
      sha256,
      actor,
      records: data.filter((record) => record.cells.some((cell) => cell.trim() !== '')),
      layout,
      onProgress,
      report: {
        importId,
        status: 'RUNNING',
        totalRows: data.length - blank,
        processedRows: 0,
        imported: 0,
        rejected: 0,
        fixes: [],
        rejections: [],
        file,
        sha256,
        hashtagRow: layout.hashtagRow,
        columns: layout.columns.map((column) => ({ column: column.index + 1, header: column.header, tag: column.tag, field: column.field })),
        emptyLines: blank,
        presences: { reported: 0, updated: 0, unchanged: 0 },
        merged: [],
        organizationsRegistered: [],
        aliasesAdded: [],
        startedAt: this.executor.now().toISOString(),
        finishedAt: null,
        error: null,
      },
    };
    this.keep(job);
    const done = this.queue.then(() => this.run(job));
    this.queue = done.catch(() => undefined);
    return { importId, done };
  }

  report(importId: string): ImportReport | undefined {
    return this.reports.get(importId)?.report;
  }

  private keep(job: Job): void {
    this.reports.set(job.importId, job);
    for (const [importId, kept] of this.reports) {
      if (this.reports.size <= REPORTS_KEPT) break;
      if (kept.report.status !== 'RUNNING') this.reports.delete(importId);
    }
  }

  private async run(job: Job): Promise<ImportReport> {
    const started = Date.now();
    try {
      await this.record(job);
      await this.untilVisible(job);
      this.update(job, { status: 'DONE', finishedAt: this.executor.now().toISOString() });
    } catch (error) {
      this.logger.error({ err: error, importId: job.importId }, '3W import failed');
      this.update(job, {
        status: 'FAILED',
        finishedAt: this.executor.now().toISOString(),
        error: isDomainError(error) ? error.message : 'internal error; the rows recorded before it stay recorded',
      });
    } finally {
      job.records = [];
    }
    const { report } = job;
    this.logger.info(
      { importId: job.importId, file: job.file, totalRows: report.totalRows, imported: report.imported, rejected: report.rejected, ms: Date.now() - started },
      '3W import finished',
    );
    return report;
  }

  /**
   * DONE promises what a user does next: open the picture or export the 3W and find the rows. In the
   * distributed shape the read model is a Kafka hop away, so wait until it has applied this import.
   * Past the bound the import is still DONE (every row is recorded); the picture shows it moments later.
   */
  private async untilVisible(job: Job): Promise<void> {
    const head = await this.store.headPosition();
    if (!head) return;
    try {
      await this.runner.waitFor(head, 60_000);
    } catch (error) {
      this.logger.warn({ err: error, importId: job.importId }, '3W import recorded; the read model has not applied it yet');
    }
  }

  private update(job: Job, changes: Partial<ImportReport>): void {
    job.report = { ...job.report, ...changes };
    job.onProgress?.({ totalRows: job.report.totalRows, processedRows: job.report.processedRows });
  }

  private async record(job: Job): Promise<void> {
    const head = await this.store.headPosition();
    // Organisations and places are matched against the read model: it must hold everything recorded
    // so far, the previous import's registrations included.
    if (head) await this.runner.waitFor(head, 60_000);
    const [directory, places] = await Promise.all([this.queries.organizationDirectory(), this.queries.gazetteer()]);
    const reader = new ThreeWRowReader(job.layout, new Gazetteer(places));
    const matcher = new OrganizationMatcher(directory);

    const rejections = new Map<number, string>();
    const fixesByRow = new Map<number, ImportFix[]>();
    const groups = new Map<string, PresenceGroup>();
    const organizations = new Map<string, OrganizationWrites>();
    const merged: { row: number; into: number }[] = [];
    const writesFor = (organizationId: string) => {
      const writes = organizations.get(organizationId) ?? { organizationId, commands: [], rows: new Set<number>() };
      organizations.set(organizationId, writes);
      return writes;
    };
    const source = `import:${job.importId}`;

    for (const record of job.records) {
      const outcome = reader.read(record);
      if (outcome.kind === 'rejected') {
        rejections.set(record.line, outcome.reason);
        continue;
      }
      const matches = outcome.presences.map((draft) => ({ draft, match: matcher.match(draft.organization) }));
      const ambiguous = matches.find(({ match }) => match.kind === 'ambiguous');
      if (ambiguous && ambiguous.match.kind === 'ambiguous') {
        rejections.set(record.line, ambiguous.match.reason);
        continue;
      }
      fixesByRow.set(record.line, [...outcome.fixes]);
      for (const { draft, match } of matches) {
        if (match.kind === 'ambiguous') continue;
        const { organizationId } = match;
        const writes = writesFor(organizationId);
        writes.rows.add(record.line);
        if (match.kind === 'new') {
          writes.commands.push({
            type: 'RegisterOrganization',
            organizationId,
            name: match.name,
            acronym: match.acronym,
            kind: match.organizationKind,
            actor: SYSTEM_IMPORT_ACTOR,
            at: this.executor.now(),
          });
        }
        const aliases = match.kind === 'new' ? match.aliases : match.newAliases;
        for (const alias of aliases) {
          writes.commands.push({ type: 'AddOrganizationAlias', organizationId, alias, source, actor: SYSTEM_IMPORT_ACTOR });
        }
        const streamId = presenceStreamId({ organizationId, ...draft });
        const group = groups.get(streamId);
        if (group) {
          if (group.rows.at(-1) !== record.line) merged.push({ row: record.line, into: group.rows[0] });
          group.rows.push(record.line);
          if (draft.activity && !group.activities.includes(draft.activity)) group.activities.push(draft.activity);
          group.targeted = sum(group.targeted, draft.targeted);
          group.reached = sum(group.reached, draft.reached);
        } else {
          groups.set(streamId, {
            streamId,
            organizationId,
            rows: [record.line],
            draft,
            fixes: outcome.fixes,
            activities: draft.activity ? [draft.activity] : [],
            targeted: draft.targeted,
            reached: draft.reached,
          });
        }
      }
    }
    this.update(job, { processedRows: rejections.size, merged });

    const organizationEvents = await this.recordOrganizations(organizations, rejections);
    this.update(job, {
      organizationsRegistered: organizationEvents.flatMap((event) =>
        event.type === 'OrganizationRegistered'
          ? [{ id: event.data.organizationId, name: event.data.name, acronym: event.data.acronym, kind: event.data.kind }]
          : [],
      ),
      aliasesAdded: organizationEvents.flatMap((event) =>
        event.type === 'OrganizationAliasAdded' ? [{ organizationId: event.data.organizationId, alias: event.data.alias }] : [],
      ),
    });
    const recorded = { organizationEvents: organizationEvents.length, reported: 0, updated: 0, unchanged: 0 };
    const failedGroups = [...groups.values()].filter((group) => group.rows.some((row) => rejections.has(row)));
    for (const group of failedGroups) groups.delete(group.streamId);
    const live = [...groups.values()];
    const rowsDone = new Set(rejections.keys());
    for (let start = 0; start < live.length; start += PRESENCES_PER_CHUNK) {
      const chunk = live.slice(start, start + PRESENCES_PER_CHUNK);
      const outcomes = await this.executor.executeAll(
        'ReportPresence',
        operationalPresenceDecider,
        chunk.map((group) => ({ streamId: group.streamId, command: this.presenceCommand(job, group), options: { actor: job.actor } })),
      );
      outcomes.forEach((outcome, index) => {
        const group = chunk[index];
        if (outcome.status === 'rejected') {
          const error = outcome.reason;
          if (!isDomainError(error)) throw error;
          const reason = error.details.field ? `${error.details.field}: ${error.message}` : error.message;
          for (const row of group.rows) rejections.set(row, reason);
        } else {
          const [event] = outcome.value.events;
          if (event?.type === 'OperationalPresenceReported') recorded.reported += 1;
          else if (event?.type === 'OperationalPresenceUpdated') recorded.updated += 1;
          else recorded.unchanged += 1;
        }
        for (const row of group.rows) rowsDone.add(row);
      });
      this.update(job, { processedRows: rowsDone.size });
    }

    const fixes = [...fixesByRow]
      .filter(([row]) => !rejections.has(row))
      .flatMap(([, rowFixes]) => rowFixes);
    const rejected = [...rejections].map(([row, reason]): ImportRejection => ({ row, reason })).sort((a, b) => a.row - b.row);
    this.update(job, {
      processedRows: job.report.totalRows,
      imported: job.report.totalRows - rejected.length,
      rejected: rejected.length,
      fixes: [...job.layout.fixes, ...fixes],
      rejections: rejected,
      presences: { reported: recorded.reported, updated: recorded.updated, unchanged: recorded.unchanged },
    });
    if (recorded.organizationEvents + recorded.reported + recorded.updated > 0) await this.recordRun(job, recorded);
  }

  /**
   * Each organisation's writes in order (registration, then aliases); organisations side by side, so
   * the store commits their first writes together, then their second. Answers the events written;
   * the rows of an organisation that could not be written are rejected.
   */
  private async recordOrganizations(
    organizations: ReadonlyMap<string, OrganizationWrites>,
    rejections: Map<number, string>,
  ): Promise<OrganizationEvent[]> {
    const written: OrganizationEvent[] = [];
    await Promise.all(
      [...organizations.values()].map(async (writes) => {
        for (const command of writes.commands) {
          try {
            const result = await this.executor.execute(command.type, writes.organizationId, organizationDecider, command, { actor: SYSTEM_IMPORT_ACTOR });
            written.push(...(result.events as OrganizationEvent[]));
          } catch (error) {
            // Registered meanwhile under the same name-based id (another process): it is the one meant.
            if (isDomainError(error) && error.details.reason === 'ALREADY_EXISTS') continue;
            if (!isDomainError(error)) throw error;
            for (const row of writes.rows) rejections.set(row, `organisation ${writes.organizationId}: ${error.message}`);
            return;
          }
        }
      }),
    );
    return written;
  }

  private presenceCommand(job: Job, group: PresenceGroup): ReportPresence {
    const { draft } = group;
    const source: PresenceSource = { kind: 'IMPORT', importId: job.importId, file: job.file, row: group.rows[0] };
    return {
      type: 'ReportPresence',
      actor: job.actor,
      presenceId: group.streamId,
      organizationId: group.organizationId,
      organizationLabel: draft.organization.names[0] ?? draft.organization.acronyms[0],
      sector: draft.sector,
      sectorLabel: draft.sectorLabel,
      location: draft.location,
      locationLevel: draft.locationLevel,
      parentLocation: draft.parentLocation,
      locationUnknown: draft.locationUnknown,
      boundaryVersion: draft.boundaryVersion,
      role: draft.role,
      activity: group.activities.length > 0 ? group.activities.join('; ') : null,
      periodStart: draft.periodStart,
      periodEnd: draft.periodEnd,
      targeted: group.targeted,
      reached: group.reached,
      source,
      fixes: group.fixes.map(({ field, from, to, rule }) => ({ field, from, to, rule })),
    };
  }

  private async recordRun(job: Job, recorded: { organizationEvents: number; reported: number; updated: number }): Promise<void> {
    const { report } = job;
    await this.executor.execute(
      'RecordImportRun',
      importRunStreamId(job.importId),
      importRunDecider,
      {
        type: 'RecordImportRun',
        actor: job.actor,
        importId: job.importId,
        format: '3W',
        file: job.file,
        sha256: job.sha256,
        totalRows: report.totalRows,
        imported: report.imported,
        rejected: report.rejected,
        fixes: report.fixes.length,
        presencesReported: recorded.reported,
        presencesUpdated: recorded.updated,
        organizationsRegistered: report.organizationsRegistered.length,
        aliasesAdded: report.aliasesAdded.length,
        completedAt: this.executor.now().toISOString(),
      },
      { actor: job.actor },
    );
  }
}
