import type { IsoDate, IsoDateTime, OrganizationKind } from '../common';

export type OrganizationRegistered = Readonly<{
  type: 'OrganizationRegistered';
  data: { organizationId: string; name: string; acronym: string | null; kind: OrganizationKind; registeredAt: IsoDateTime };
}>;

export type OrganizationEvent = OrganizationRegistered;

/** One stream per P-code (`Location-<pcode>`), so re-importing a gazetteer is idempotent per place. */
export type LocationRegistered = Readonly<{
  type: 'LocationRegistered';
  data: {
    pcode: string;
    name: string;
    level: number;
    parentPcode: string | null;
    latitude: number | null;
    longitude: number | null;
    /** The boundary version (valid-from date) the code belongs to, when the source says. */
    validFrom: IsoDate | null;
    source: string;
  };
}>;

export type LocationUpdated = Readonly<{
  type: 'LocationUpdated';
  data: {
    pcode: string;
    name: string;
    latitude: number | null;
    longitude: number | null;
    previousName: string;
    source: string;
  };
}>;

export type LocationEvent = LocationRegistered | LocationUpdated;

export const ORGANIZATION_STREAM = 'Organization';
export const LOCATION_STREAM = 'Location';
export const locationStreamId = (pcode: string): string => `${LOCATION_STREAM}-${pcode}`;
