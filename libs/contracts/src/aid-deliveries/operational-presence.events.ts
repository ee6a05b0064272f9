import type { IsoDate, Sector } from '../common';

export const PRESENCE_ROLES = ['REPORTING', 'IMPLEMENTING', 'FUNDING'] as const;
export type PresenceRole = (typeof PRESENCE_ROLES)[number];

/** Where a record came from: reported in the platform, or a row of an imported 3W file. */
export type PresenceSource =
  | { readonly kind: 'DIRECT' }
  | { readonly kind: 'IMPORT'; readonly importId: string; readonly file: string; readonly row: number };

/**
 * DOMAIN.md "Operational presence": organisation X works in sector S in location L over a period, in
 * a role, with people targeted and reached when known. One stream per (organisation, sector,
 * location, period, role): `Presence-<deterministic uuid of that key>`, so a re-imported row finds its
 * stream and records nothing new.
 */
export type OperationalPresenceReported = Readonly<{
  type: 'OperationalPresenceReported';
  data: {
    presenceId: string;
    organizationId: string;
    sector: Sector;
    /** P-code as recorded; may be unknown to the gazetteer (an older boundary version), see below. */
    location: string;
    /** True when the P-code is not in the gazetteer: kept and traceable, never dropped. */
    locationUnknown: boolean;
    /** The gazetteer boundary version (valid-from date) the P-code was matched against, if known. */
    boundaryVersion: IsoDate | null;
    role: PresenceRole;
    activity: string | null;
    periodStart: IsoDate | null;
    periodEnd: IsoDate | null;
    targeted: number | null;
    reached: number | null;
    source: PresenceSource;
  };
}>;

/** The figures of a presence changed (a newer report or file for the same key). */
export type OperationalPresenceUpdated = Readonly<{
  type: 'OperationalPresenceUpdated';
  data: {
    presenceId: string;
    activity: string | null;
    targeted: number | null;
    reached: number | null;
    previous: { activity: string | null; targeted: number | null; reached: number | null };
    source: PresenceSource;
  };
}>;

export type OperationalPresenceWithdrawn = Readonly<{
  type: 'OperationalPresenceWithdrawn';
  data: { presenceId: string; reason: string };
}>;

export type OperationalPresenceEvent = OperationalPresenceReported | OperationalPresenceUpdated | OperationalPresenceWithdrawn;

export const OPERATIONAL_PRESENCE_EVENT_TYPES = [
  'OperationalPresenceReported',
  'OperationalPresenceUpdated',
  'OperationalPresenceWithdrawn',
] as const satisfies readonly OperationalPresenceEvent['type'][];

export const PRESENCE_STREAM = 'Presence';
