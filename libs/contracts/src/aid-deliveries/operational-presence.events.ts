import { nameBasedUuid } from '@coord/kernel';
import type { IsoDate, Sector } from '../common';

export const PRESENCE_ROLES = ['REPORTING', 'IMPLEMENTING', 'FUNDING'] as const;
export type PresenceRole = (typeof PRESENCE_ROLES)[number];

/** Where a record came from: reported in the platform, or a row of an imported 3W file. */
export type PresenceSource =
  | { readonly kind: 'DIRECT' }
  | { readonly kind: 'IMPORT'; readonly importId: string; readonly file: string; readonly row: number };

/** A correction the importer made to a value of the source row before recording it (never silently). */
export interface PresenceFix {
  /** The column, by its HXL hashtag (`#adm1+code`). */
  readonly field: string;
  readonly from: string;
  readonly to: string;
  /** Which rule: `trim`, `country-prefix`, `adm1-from-adm2`, `upper-case`, `sector-vocabulary`, `date-format`, `number-format`. */
  readonly rule: string;
}

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
    /** The organisation as the source wrote it (`Educo`, `CATHOLIC RELIEF SERVICES`), before matching. */
    organizationLabel: string;
    /** Null when the source names no sector (the Mali 5W has none). */
    sector: Sector | null;
    /** The sector as the source wrote it (`EHA`, `Abris&BNA`), before mapping to `sector`. */
    sectorLabel: string | null;
    /** P-code as recorded; may be unknown to the gazetteer (an older boundary version), see below. */
    location: string;
    /** The admin level the source gave the code at (the column it came from: 1 for `#adm1+code`, …). */
    locationLevel: number;
    /** The code one level up as the source gave it: files an unknown P-code under a known parent. */
    parentLocation: string | null;
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
    /** What the importer corrected in the source row; empty for a direct report. */
    fixes: readonly PresenceFix[];
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

/** What identifies a presence: the same key from any file or report is the same record. */
export interface PresenceKey {
  readonly organizationId: string;
  readonly sector: Sector | null;
  readonly location: string;
  readonly periodStart: IsoDate | null;
  readonly periodEnd: IsoDate | null;
  readonly role: PresenceRole;
}

export const presenceStreamId = (key: PresenceKey): string =>
  `${PRESENCE_STREAM}-${nameBasedUuid(
    ['presence', key.organizationId, key.sector ?? '', key.location, key.periodStart ?? '', key.periodEnd ?? '', key.role].join('\u001f'),
  )}`;
