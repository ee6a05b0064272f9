import { Inject, Injectable } from '@nestjs/common';
import { locationStreamId } from '@coord/contracts';
import { EVENT_STORE, EventStore } from '@coord/event-store';
import { Actor } from '@coord/kernel';
import { CommandExecutor, DomainErrorWithDetails } from '@coord/runtime';
import { locationDecider } from './location.decider';
import type { LocationRow, RowRejection } from './location-rows';

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
    const ordered = [...rows].sort((a, b) => a.level - b.level);
    let registered = 0;
    let updated = 0;
    for (const row of ordered) {
      const result = await this.executor.execute(
        'ImportLocation',
        locationStreamId(row.pcode),
        locationDecider,
        {
          type: 'ImportLocation',
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
        { actor },
      );
      for (const event of result.events) {
        if (event.type === 'LocationRegistered') registered += 1;
        if (event.type === 'LocationUpdated') updated += 1;
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
