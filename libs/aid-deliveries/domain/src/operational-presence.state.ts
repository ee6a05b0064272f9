import type { IsoDate, PresenceRole, Sector } from '@coord/contracts';

/** A presence on record: what the next report is compared with. */
export interface ActivePresence {
  readonly status: 'Active';
  readonly organizationId: string;
  readonly sector: Sector | null;
  readonly location: string;
  readonly role: PresenceRole;
  readonly periodStart: IsoDate | null;
  readonly periodEnd: IsoDate | null;
  readonly activity: string | null;
  readonly targeted: number | null;
  readonly reached: number | null;
}

export type OperationalPresenceState = { readonly status: 'None' } | ActivePresence | { readonly status: 'Withdrawn' };

export const initialPresenceState = (): OperationalPresenceState => ({ status: 'None' });
