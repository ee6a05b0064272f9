import type { EntityManager } from 'typeorm';
import { selectWhereIn } from '../projection/batch-sql';
import type { Ancestors } from './picture-fact';

export interface Place extends Ancestors {
  readonly pcode: string;
  readonly level: number;
}

/**
 * A location's country is the parent of its region (or itself at level 0): `locations` keeps the
 * ancestors from level 1 down, and one join adds the country, so that an area filter at any level,
 * the country included, is an equality on one column.
 */
export const PLACE_SELECT =
  'SELECT l."pcode", l."level", CASE WHEN l."level" = 0 THEN l."pcode" ELSE r."parent_pcode" END AS "adm0_pcode", ' +
  'l."adm1_pcode", l."adm2_pcode", l."adm3_pcode" FROM "locations" l LEFT JOIN "locations" r ON r."pcode" = l."adm1_pcode"';

export const placesByPcode = async (manager: EntityManager, pcodes: readonly string[]): Promise<Map<string, Place>> => {
  if (pcodes.length === 0) return new Map();
  const rows = await selectWhereIn<Place>(manager, `${PLACE_SELECT} WHERE l."pcode" IN (?)`, pcodes);
  return new Map(rows.map((row) => [row.pcode, { ...row, level: Number(row.level) }]));
};

export const ancestorsOfPlace = (place: Place | undefined): Ancestors => ({
  adm0_pcode: place?.adm0_pcode ?? null,
  adm1_pcode: place?.adm1_pcode ?? null,
  adm2_pcode: place?.adm2_pcode ?? null,
  adm3_pcode: place?.adm3_pcode ?? null,
});

/** The place and every area above it, nearest first; empty for a P-code the gazetteer does not know. */
export const areasOfPlace = (pcode: string, place: Place | undefined): string[] => {
  if (!place) return [];
  const areas = [pcode, place.adm3_pcode, place.adm2_pcode, place.adm1_pcode, place.adm0_pcode];
  return [...new Set(areas.filter((area): area is string => area !== null))];
};
