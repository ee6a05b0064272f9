import { Inject, Injectable } from '@nestjs/common';
import { locationStreamId } from '@coord/contracts';
import { EVENT_STORE, EventStore } from '@coord/event-store';
import { Actor } from '@coord/kernel';
import { CommandExecutor, DomainErrorWithDetails } from '@coord/runtime';
import { locationDecider } from './location.decider';
import type { LocationRow, RowRejection } from './location-rows';

const PLACES_PER_CHUNK = 2_000;

export interface LocationImportReport {
  readonly rows: number;
  readonly registered: number;
  readonly updated: number;
  readonly unchanged: number;
}

@Injectable()
export class LocationImportService {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /**
   * All or nothing: every row is checked (format, levels, parents) before the first is recorded, so
   * a bad file changes nothing. Parents go first so the read model can file each place under its
   * ancestors as it arrives.
   */
  async importRows(rows: readonly LocationRow[], rejections: readonly RowRejection[], actor: Actor, source: string): Promise<LocationImportReport> {
    const problems = [...rejections, ...(await this.checkHierarchy(rows))];
    if (problems.length > 0) {
      throw new DomainErrorWithDetails('BAD_USER_INPUT', `${problems.length} row(s) rejected; nothing was imported`, {
        rejections: problems.sort((a, b) => a.row - b.row),
      });
    }
    let registered = 0;
    let updated = 0;
    // Level by level, parents first, so the read model files each place under its ancestors as it
    // arrives; within a level, in chunks that the store commits at once (one fsync per chunk, where
    // one per place made the global gazetteer take minutes).
    for (const level of [...new Set(rows.map((row) => row.level))].sort((a, b) => a - b)) {
      const places = rows.filter((row) => row.level === level);
      for (let start = 0; start < places.length; start += PLACES_PER_CHUNK) {
        const outcomes = await this.executor.executeAll(
          'ImportLocation',
          locationDecider,
          places.slice(start, start + PLACES_PER_CHUNK).map((row) => ({
            streamId: locationStreamId(row.pcode),
            command: {
              type: 'ImportLocation' as const,
              pcode: row.pcode,
              name: row.name,
              level: row.level,
              parentPcode: row.parentPcode,
              latitude: row.latitude,
              longitude: row.longitude,
              validFrom: row.validFrom,
              source,
              actor,
            },
            options: { actor },
          })),
        );
        for (const outcome of outcomes) {
          // The hierarchy was checked beforehand; what fails here (a place that cannot move, a
          // non-admin) fails the whole import as it did one place at a time.
          if (outcome.status === 'rejected') throw outcome.reason;
          for (const event of outcome.value.events) {
            if (event.type === 'LocationRegistered') registered += 1;
            if (event.type === 'LocationUpdated') updated += 1;
          }
        }
      }
    }
    return { rows: rows.length, registered, updated, unchanged: rows.length - registered - updated };
  }

  private async checkHierarchy(rows: readonly LocationRow[]): Promise<RowRejection[]> {
    const inFile = new Map<string, LocationRow>();
    const problems: RowRejection[] = [];
    for (const row of rows) {
      if (inFile.has(row.pcode)) problems.push({ row: row.row, reason: `pcode ${row.pcode} appears twice (first on row ${inFile.get(row.pcode)!.row})` });
      else inFile.set(row.pcode, row);
    }
    for (const row of rows) {
      if (row.level === 0) {
        if (row.parentPcode) problems.push({ row: row.row, reason: 'a country (level 0) has no parent' });
        continue;
      }
      if (!row.parentPcode) {
        problems.push({ row: row.row, reason: `parentPcode is required at level ${row.level}` });
        continue;
      }
      const parentLevel = inFile.get(row.parentPcode)?.level ?? (await this.knownLevel(row.parentPcode));
      if (parentLevel === null) problems.push({ row: row.row, reason: `parent ${row.parentPcode} is neither in the file nor known` });
      else if (parentLevel !== row.level - 1) {
        problems.push({ row: row.row, reason: `parent ${row.parentPcode} is level ${parentLevel}, not ${row.level - 1}` });
      }
    }
    return problems;
  }

  private async knownLevel(pcode: string): Promise<number | null> {
    const events = await this.store.readStream(locationStreamId(pcode));
    const registered = events.find((event) => event.type === 'LocationRegistered');
    return registered ? (registered.data as { level: number }).level : null;
  }
}
