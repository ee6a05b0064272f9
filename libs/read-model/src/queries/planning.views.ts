import type { ActionItem, SessionStatus } from '@coord/contracts';

export interface CommitteeView {
  /** The stream id `Committee-<uuid>`. */
  readonly id: string;
  readonly name: string;
  readonly chairId: string;
  readonly memberIds: readonly string[];
  readonly adminCode: string | null;
  readonly formedAt: string;
  readonly version: number;
  readonly position: string;
  readonly updatedAt: string;
}

export interface SessionView {
  readonly id: string;
  readonly committeeId: string;
  /** ISO-8601 UTC. */
  readonly startsAt: string;
  readonly endsAt: string;
  readonly venue: string;
  readonly agenda: readonly string[];
  readonly status: SessionStatus;
  readonly attendeeIds: readonly string[];
  readonly cancellationReason: string | null;
  readonly scheduledAt: string;
}

export interface DecisionView {
  readonly id: string;
  readonly committeeId: string;
  readonly sessionId: string;
  readonly text: string;
  readonly actionItem: ActionItem | null;
  readonly recordedAt: string;
}

/** A session as the calendar knows it, with every member organisation it books. */
export interface BookedSessionView {
  readonly committeeId: string;
  readonly sessionId: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly memberIds: readonly string[];
}
