import type { OperationalPresenceEvent, Sector } from '@coord/contracts';

/** Event builders for the operational presences the picture counts. */
export interface ReportedPresence {
  readonly presenceId: string;
  readonly organizationId?: string;
  readonly sector?: Sector | null;
  readonly location: string;
  readonly parentLocation?: string | null;
  readonly locationUnknown?: boolean;
  readonly periodStart?: string | null;
  readonly periodEnd?: string | null;
  readonly targeted?: number | null;
  readonly reached?: number | null;
}

export const presenceReported = (presence: ReportedPresence): OperationalPresenceEvent => ({
  type: 'OperationalPresenceReported',
  data: {
    presenceId: presence.presenceId,
    organizationId: presence.organizationId ?? 'org-ngo',
    organizationLabel: presence.organizationId ?? 'org-ngo',
    sector: presence.sector === undefined ? 'WASH' : presence.sector,
    sectorLabel: null,
    location: presence.location,
    locationLevel: 2,
    parentLocation: presence.parentLocation ?? null,
    locationUnknown: presence.locationUnknown ?? false,
    boundaryVersion: null,
    role: 'IMPLEMENTING',
    activity: 'Water trucking',
    periodStart: presence.periodStart === undefined ? '2026-01-01' : presence.periodStart,
    periodEnd: presence.periodEnd === undefined ? '2026-06-30' : presence.periodEnd,
    targeted: presence.targeted === undefined ? 500 : presence.targeted,
    reached: presence.reached === undefined ? 120 : presence.reached,
    source: { kind: 'DIRECT' },
    fixes: [],
  },
});

export const presenceUpdated = (presenceId: string, targeted: number | null, reached: number | null): OperationalPresenceEvent => ({
  type: 'OperationalPresenceUpdated',
  data: {
    presenceId,
    activity: 'Water trucking',
    targeted,
    reached,
    previous: { activity: 'Water trucking', targeted: 500, reached: 120 },
    source: { kind: 'DIRECT' },
  },
});

export const presenceWithdrawn = (presenceId: string): OperationalPresenceEvent => ({
  type: 'OperationalPresenceWithdrawn',
  data: { presenceId, reason: 'ended early' },
});
