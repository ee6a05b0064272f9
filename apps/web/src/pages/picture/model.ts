import type { DeliveryStatus, PictureDimension, PictureGapsAndOverlapsQuery, Sector, WhoWhatWhereQuery } from '../../generated/graphql';

// Records keyed by the schema's enums: the compiler fails when the schema gains a value the page
// does not offer.
const SECTOR_SET: Record<Sector, true> = {
  FOOD_SECURITY: true, HEALTH: true, WASH: true, SHELTER: true, EDUCATION: true, PROTECTION: true,
  NUTRITION: true, LOGISTICS: true, LIVELIHOODS: true, SECURITY: true, GOVERNANCE: true,
};
const STATUS_SET: Record<DeliveryStatus, true> = { PLANNED: true, DISPATCHED: true, DELIVERED: true, CONFIRMED: true, FAILED: true, CANCELLED: true };
const DIMENSION_SET: Record<PictureDimension, true> = { ORGANIZATION: true, SECTOR: true, ADM1: true, ADM2: true, ADM3: true, MONTH: true, STATUS: true };

export const SECTORS = Object.keys(SECTOR_SET) as Sector[];
export const STATUSES = Object.keys(STATUS_SET) as DeliveryStatus[];
export const DIMENSIONS = Object.keys(DIMENSION_SET) as PictureDimension[];

/** The countries the platform is deployed in (gazetteer adm0 P-codes) and the prefix of their areas. */
export const COUNTRIES = ['CAF', 'HTI', 'MLI'] as const;
export type Country = (typeof COUNTRIES)[number];
export const COUNTRY_PREFIX: Record<Country, string> = { CAF: 'CF', HTI: 'HT', MLI: 'ML' };
/** Mali's current-version boundaries are not in the repository (see public/boundaries/README.md). */
export const MAPPED_COUNTRIES = new Set<Country>(['CAF', 'HTI']);

export const countryOf = (pcode: string | null | undefined): Country | null => {
  if (!pcode) return null;
  if ((COUNTRIES as readonly string[]).includes(pcode)) return pcode as Country;
  return COUNTRIES.find((country) => pcode.startsWith(COUNTRY_PREFIX[country])) ?? null;
};

export type Measure = 'deliveries' | 'reached' | 'organizations' | 'gaps';
export const MEASURES: Measure[] = ['deliveries', 'reached', 'organizations', 'gaps'];

export type PictureRow = WhoWhatWhereQuery['whoWhatWhere'][number];
export type Gap = PictureGapsAndOverlapsQuery['gaps'][number];
export type Overlap = PictureGapsAndOverlapsQuery['overlaps'][number];

/**
 * P-codes nest by prefix (CF121 is in CF12): one place contains the other, either way. A country
 * code (CAF) contains everything of its own prefix.
 */
export const related = (a: string, b: string): boolean => {
  const widen = (code: string) => {
    const country = (COUNTRIES as readonly string[]).includes(code) ? (code as Country) : null;
    return country ? COUNTRY_PREFIX[country] : code;
  };
  const x = widen(a);
  const y = widen(b);
  return x.startsWith(y) || y.startsWith(x);
};

/** The finest place a row was grouped by, if any. */
export const rowPlace = (row: PictureRow): string | null => row.adm3?.pcode ?? row.adm2?.pcode ?? row.adm1?.pcode ?? null;

/**
 * The overlaps whose deliveries are inside a row: every dimension the row is grouped by agrees (a
 * row not grouped by a dimension spans all its values).
 */
export const overlapsOfRow = (row: PictureRow, overlaps: readonly Overlap[]): Overlap[] => {
  const place = rowPlace(row);
  return overlaps.filter(
    (overlap) =>
      (row.sector == null || row.sector === overlap.sector) &&
      (row.month == null || row.month === overlap.month) &&
      (row.organization == null || overlap.organizations.some((organization) => organization.id === row.organization?.id)) &&
      (place == null || related(place, overlap.location.pcode)),
  );
};

/** The value of each drawn area for a measure, from rows grouped by that admin level and organisation. */
export const areaValues = (rows: readonly PictureRow[], level: 1 | 2, measure: Exclude<Measure, 'gaps'>): Map<string, number> => {
  const values = new Map<string, number>();
  const organizations = new Map<string, Set<string>>();
  for (const row of rows) {
    const area = (level === 1 ? row.adm1 : row.adm2)?.pcode;
    if (!area) continue;
    if (measure === 'organizations') {
      if (row.organization && row.deliveries + row.presences + row.actions > 0) {
        const present = organizations.get(area) ?? new Set<string>();
        present.add(row.organization.id);
        organizations.set(area, present);
      }
    } else {
      values.set(area, (values.get(area) ?? 0) + (measure === 'deliveries' ? row.deliveries : row.reached));
    }
  }
  for (const [area, present] of organizations) values.set(area, present.size);
  return values;
};

/** `<input type="datetime-local">` holds local wall time; the API takes an instant. */
export const instantOf = (local: string): string | null => {
  if (!local) return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};
