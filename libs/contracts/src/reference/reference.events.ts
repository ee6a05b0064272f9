import type { IsoDate, IsoDateTime, OrganizationKind } from '../common';

export type OrganizationRegistered = Readonly<{
  type: 'OrganizationRegistered';
  data: { organizationId: string; name: string; acronym: string | null; kind: OrganizationKind; registeredAt: IsoDateTime };
}>;

/**
 * Another spelling by which an organisation is known (`PAM` for WFP, a French name beside the
 * English one), so an import matches it. An alias is a merge that can be undone: see below.
 */
export type OrganizationAliasAdded = Readonly<{
  type: 'OrganizationAliasAdded';
  data: {
    organizationId: string;
    alias: string;
    /** The alias as matched: lower case, accents, punctuation and repeated spaces removed. */
    normalized: string;
    /** Where it came from: `import:<importId>` or `admin`. */
    source: string;
  };
}>;

/** Undoes a merge: the spelling no longer leads to this organisation. */
export type OrganizationAliasRemoved = Readonly<{
  type: 'OrganizationAliasRemoved';
  data: { organizationId: string; alias: string; normalized: string; reason: string };
}>;

export type OrganizationEvent = OrganizationRegistered | OrganizationAliasAdded | OrganizationAliasRemoved;

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
