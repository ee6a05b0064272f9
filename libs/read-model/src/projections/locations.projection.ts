import type { EventEnvelope, LocationRegistered, LocationUpdated } from '@coord/contracts';
import type { EntityManager } from 'typeorm';
import { selectWhereIn, upsertRows } from '../projection/batch-sql';
import type { Projection } from '../projection/projection';

export interface LocationRow {
  pcode: string;
  name: string;
  level: number;
  parent_pcode: string | null;
  adm1_pcode: string | null;
  adm2_pcode: string | null;
  adm3_pcode: string | null;
  latitude: number | null;
  longitude: number | null;
  valid_from: string | null;
}

const LOCATIONS = {
  table: 'locations',
  columns: [
    'pcode',
    'name',
    'level',
    'parent_pcode',
    'adm1_pcode',
    'adm2_pcode',
    'adm3_pcode',
    'latitude',
    'longitude',
    'valid_from',
  ],
  key: ['pcode'],
  onConflict: 'update',
} as const;

/** The admin levels whose codes are copied onto every descendant. */
const ANCESTOR_LEVELS = [1, 2, 3] as const;
const admColumn = (level: number) => `adm${level}_pcode` as 'adm1_pcode' | 'adm2_pcode' | 'adm3_pcode';

const registeredRow = (data: LocationRegistered['data'], parent: LocationRow | undefined): LocationRow => {
  const row: LocationRow = {
    pcode: data.pcode,
    name: data.name,
    level: data.level,
    parent_pcode: data.parentPcode,
    adm1_pcode: null,
    adm2_pcode: null,
    adm3_pcode: null,
    latitude: data.latitude,
    longitude: data.longitude,
    valid_from: data.validFrom,
  };
  for (const level of ANCESTOR_LEVELS) {
    if (level < data.level) row[admColumn(level)] = parent?.[admColumn(level)] ?? null;
  }
  // A gazetteer may list a child before its parent: the parent code is known all the same, and the
  // levels above it are filled in by `repairAncestors` once the parent arrives.
  if (!parent && data.parentPcode && data.level - 1 >= 1 && data.level - 1 <= 3) {
    row[admColumn(data.level - 1)] = data.parentPcode;
  }
  if (data.level >= 1 && data.level <= 3) row[admColumn(data.level)] = data.pcode;
  return row;
};

const ORPHANS = ANCESTOR_LEVELS.map((level) => `("level" > ${level} AND "adm${level}_pcode" IS NULL)`).join(' OR ');

/**
 * Fills the missing ancestors of locations registered before their parents. Each pass climbs one
 * level, so as many passes as ancestor levels settle any order of arrival.
 */
const repairAncestors = async (manager: EntityManager): Promise<void> => {
  const [{ orphans }] = await manager.query(`SELECT COUNT(*) AS "orphans" FROM "locations" WHERE ${ORPHANS}`);
  if (Number(orphans) === 0) return;
  const assignments = ANCESTOR_LEVELS.map(
    (level) =>
      `"adm${level}_pcode" = CASE WHEN "level" > ${level} AND "adm${level}_pcode" IS NULL ` +
      `THEN (SELECT p."adm${level}_pcode" FROM "locations" p WHERE p."pcode" = "locations"."parent_pcode") ` +
      `ELSE "adm${level}_pcode" END`,
  ).join(', ');
  for (const _level of ANCESTOR_LEVELS) {
    await manager.query(`UPDATE "locations" SET ${assignments} WHERE ${ORPHANS}`);
  }
};

/** The gazetteer (DOMAIN.md "Reference data"), with every location's ancestors precomputed. */
export class LocationsProjection implements Projection {
  readonly name = 'locations';
  readonly version = 1;
  readonly handles = ['LocationRegistered', 'LocationUpdated'] as const;
  readonly tables = [LOCATIONS.table];

  apply(event: EventEnvelope, manager: EntityManager): Promise<void> {
    return this.applyBatch([event], manager);
  }

  async applyBatch(events: readonly EventEnvelope[], manager: EntityManager): Promise<void> {
    const wanted = events.flatMap((event) => {
      const data = event.data as Partial<LocationRegistered['data']>;
      return data.parentPcode ? [data.pcode, data.parentPcode] : [data.pcode];
    });
    const known = await selectWhereIn<LocationRow>(manager, 'SELECT * FROM "locations" WHERE "pcode" IN (?)', wanted);
    const rows = new Map(known.map((row) => [row.pcode, row]));
    const changed = new Set<string>();
    let registered = false;
    for (const event of events) {
      if (event.type === 'LocationRegistered') {
        const data = event.data as LocationRegistered['data'];
        rows.set(data.pcode, registeredRow(data, data.parentPcode ? rows.get(data.parentPcode) : undefined));
        changed.add(data.pcode);
        registered = true;
      } else if (event.type === 'LocationUpdated') {
        const data = event.data as LocationUpdated['data'];
        const row = rows.get(data.pcode);
        // Same stream as the registration, so never seen before it; nothing to update otherwise.
        if (!row) continue;
        rows.set(data.pcode, { ...row, name: data.name, latitude: data.latitude, longitude: data.longitude });
        changed.add(data.pcode);
      }
    }
    await upsertRows(
      manager,
      LOCATIONS,
      [...changed].map((pcode) => rows.get(pcode) as LocationRow),
    );
    if (registered) await repairAncestors(manager);
  }
}
