import type { IsoDateTime, SessionStatus } from '@coord/contracts';

/** A session as far as deciding goes: its slot, its place in the lifecycle and what it recorded. */
export interface Session {
  readonly sessionId: string;
  readonly status: SessionStatus;
  /** UTC instants, as the events carry them. */
  readonly startsAt: IsoDateTime;
  readonly endsAt: IsoDateTime;
  readonly attendeeIds: readonly string[];
  readonly decisionIds: readonly string[];
}

/** A committee that exists, with every session it ever scheduled (cancelled ones included). */
export interface Committee {
  readonly status: 'FORMED';
  readonly committeeId: string;
  readonly name: string;
  readonly chairId: string;
  readonly memberIds: readonly string[];
  readonly adminCode: string | null;
  /** In the order they were scheduled. */
  readonly sessions: readonly Session[];
}

export type CommitteeState = { readonly status: 'None' } | Committee;

export const initialState = (): CommitteeState => ({ status: 'None' });
