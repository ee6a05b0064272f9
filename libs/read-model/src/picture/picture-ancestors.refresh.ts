import type { EntityManager } from 'typeorm';
import { selectWhereIn } from '../projection/batch-sql';
import { ancestorsOfPlace, placesByPcode } from './picture-ancestors';
import type { Ancestors, PictureFactRow } from './picture-fact';
import { applyRollupDeltas, RollupDeltas } from './picture-rollups';
import { isPostgres, SqlParameters } from './picture-sql';

type StoredPlace = Ancestors & { location_pcode: string };

const ANCESTOR_COLUMNS = ['adm0_pcode', 'adm1_pcode', 'adm2_pcode', 'adm3_pcode'] as const;

/**
 * Places registered in a batch may be, or be above, P-codes that records already name (a gazetteer
 * imported after the 3W file that uses it, a region after its districts): their facts take the
 * ancestors the gazetteer now gives, in every version (the gazetteer is reference data, not history),
 * and the rollups move them to their cells.
 */
export const refreshPictureAncestors = async (manager: EntityManager, registered: readonly string[]): Promise<void> => {
  const affected = await selectWhereIn<{ pcode: string }>(
    manager,
    'SELECT l."pcode" FROM "locations" l LEFT JOIN "locations" r ON r."pcode" = l."adm1_pcode" WHERE l."pcode" IN (?) ' +
      'OR l."adm1_pcode" IN (?) OR l."adm2_pcode" IN (?) OR l."adm3_pcode" IN (?) OR r."parent_pcode" IN (?)',
    registered,
  );
  const stored = await selectWhereIn<StoredPlace>(
    manager,
    'SELECT DISTINCT "location_pcode", "adm0_pcode", "adm1_pcode", "adm2_pcode", "adm3_pcode" FROM "picture_facts" WHERE "location_pcode" IN (?)',
    affected.map((row) => row.pcode),
  );
  if (stored.length === 0) return;
  const places = await placesByPcode(manager, [...new Set(stored.map((row) => row.location_pcode))]);
  const fresh = new Map<string, Ancestors>();
  for (const row of stored) {
    const ancestors = ancestorsOfPlace(places.get(row.location_pcode));
    if (ANCESTOR_COLUMNS.some((column) => row[column] !== ancestors[column])) fresh.set(row.location_pcode, ancestors);
  }
  if (fresh.size === 0) return;

  const current = await selectWhereIn<PictureFactRow>(
    manager,
    'SELECT * FROM "picture_facts" WHERE "valid_to" IS NULL AND "location_pcode" IN (?)',
    [...fresh.keys()],
  );
  const deltas = new RollupDeltas();
  for (const fact of current) {
    deltas.add(fact, -1);
    deltas.add({ ...fact, ...fresh.get(fact.location_pcode) }, 1);
  }
  for (const [pcode, ancestors] of fresh) {
    const parameters = new SqlParameters(isPostgres(manager));
    const assignments = ANCESTOR_COLUMNS.map((column) => `"${column}" = ${parameters.add(ancestors[column])}`).join(', ');
    await manager.query(`UPDATE "picture_facts" SET ${assignments} WHERE "location_pcode" = ${parameters.add(pcode)}`, parameters.values);
  }
  await applyRollupDeltas(manager, deltas);
};
