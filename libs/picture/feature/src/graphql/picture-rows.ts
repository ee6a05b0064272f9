import type { LocationView, OrganizationView, PictureRowView } from '@coord/read-model';
import type { Loaders } from '@coord/runtime';

export interface PictureRowWithPlaces extends PictureRowView {
  readonly organization: OrganizationView | null;
  readonly location: LocationView | null;
  readonly country: LocationView | null;
  readonly adm1: LocationView | null;
  readonly adm2: LocationView | null;
  readonly adm3: LocationView | null;
}

const found = <T>(value: T | Error | null | undefined): T | null => (value instanceof Error || value === undefined ? null : value);

/**
 * Attaches each row's organisation and places, looked up once for all rows through the request's
 * loaders (two queries whatever the number of rows). Done here rather than by a field resolver per
 * row: a matrix of a thousand rows would otherwise cost thousands of resolver calls.
 */
export const withOrganizationsAndPlaces = async (rows: readonly PictureRowView[], loaders: Loaders): Promise<PictureRowWithPlaces[]> => {
  const organizationIds = [...new Set(rows.flatMap((row) => (row.organizationId ? [row.organizationId] : [])))];
  const pcodes = [
    ...new Set(rows.flatMap((row) => [row.locationPcode, row.countryPcode, row.adm1Pcode, row.adm2Pcode, row.adm3Pcode]).filter((pcode): pcode is string => pcode !== null)),
  ];
  const [organizations, places] = await Promise.all([loaders.organization.loadMany(organizationIds), loaders.location.loadMany(pcodes)]);
  const organizationById = new Map(organizationIds.map((id, index) => [id, found(organizations[index])]));
  const placeByPcode = new Map(pcodes.map((pcode, index) => [pcode, found(places[index])]));
  const place = (pcode: string | null) => (pcode === null ? null : (placeByPcode.get(pcode) ?? null));
  // Each row is written out field by field: spreading a thousand rows shows in a profile.
  return rows.map((row) => ({
    organizationId: row.organizationId,
    sector: row.sector,
    countryPcode: row.countryPcode,
    adm1Pcode: row.adm1Pcode,
    adm2Pcode: row.adm2Pcode,
    adm3Pcode: row.adm3Pcode,
    locationPcode: row.locationPcode,
    month: row.month,
    status: row.status,
    deliveries: row.deliveries,
    targeted: row.targeted,
    reached: row.reached,
    actionsInProgress: row.actionsInProgress,
    presences: row.presences,
    actions: row.actions,
    organization: row.organizationId === null ? null : (organizationById.get(row.organizationId) ?? null),
    location: place(row.locationPcode),
    country: place(row.countryPcode),
    adm1: place(row.adm1Pcode),
    adm2: place(row.adm2Pcode),
    adm3: place(row.adm3Pcode),
  }));
};
