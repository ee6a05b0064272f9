export const SECTORS = [
  'FOOD_SECURITY',
  'HEALTH',
  'WASH',
  'SHELTER',
  'EDUCATION',
  'PROTECTION',
  'NUTRITION',
  'LOGISTICS',
  'LIVELIHOODS',
  'SECURITY',
  'GOVERNANCE',
] as const;
export type Sector = (typeof SECTORS)[number];

export const ORGANIZATION_KINDS = [
  'PEACEKEEPING_MISSION',
  'UN_AGENCY',
  'NGO',
  'HOST_GOVERNMENT',
  'CIVIL_SOCIETY',
  'COMMUNITY',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** ISO-8601 calendar date `YYYY-MM-DD`. */
export type IsoDate = string;
/** ISO-8601 instant in UTC, `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export type IsoDateTime = string;
