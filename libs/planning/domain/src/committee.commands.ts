import type { Actor } from '@coord/kernel';
import type { ActionItem, IsoDateTime } from '@coord/contracts';

/** Time and actor travel with the command: decide never reads a clock and never makes ids. */
interface CommitteeCommandBase {
  /** The stream id `Committee-<uuid>`. */
  readonly committeeId: string;
  readonly actor: Actor;
  readonly at: Date;
}

/**
 * A session of another committee, as the read model knows it, that overlaps the slot asked for.
 * The resolver looks these up; decide keeps the ones that book this committee's members.
 */
export interface BookedSession {
  readonly committeeId: string;
  readonly sessionId: string;
  readonly startsAt: IsoDateTime;
  readonly endsAt: IsoDateTime;
  /** Every member organisation of that session's committee. */
  readonly memberIds: readonly string[];
}

export type FormCommittee = CommitteeCommandBase &
  Readonly<{
    type: 'FormCommittee';
    name: string;
    /** Must be the actor's own organisation. */
    chairId: string;
    memberIds: readonly string[];
    adminCode?: string | null;
  }>;

/** The slot of a session and how to treat members booked elsewhere at that time. */
interface SlotRequest {
  readonly sessionId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** Schedule even though members are booked into overlapping sessions of other committees. */
  readonly allowMemberClash: boolean;
  readonly bookedElsewhere: readonly BookedSession[];
}

export type ScheduleSession = CommitteeCommandBase &
  SlotRequest &
  Readonly<{ type: 'ScheduleSession'; venue: string; agenda: readonly string[] }>;

export type RescheduleSession = CommitteeCommandBase & SlotRequest & Readonly<{ type: 'RescheduleSession' }>;

export type CancelSession = CommitteeCommandBase & Readonly<{ type: 'CancelSession'; sessionId: string; reason: string }>;

export type RecordAttendance = CommitteeCommandBase &
  Readonly<{ type: 'RecordAttendance'; sessionId: string; organizationIds: readonly string[] }>;

export type RecordDecision = CommitteeCommandBase &
  Readonly<{
    type: 'RecordDecision';
    sessionId: string;
    decisionId: string;
    text: string;
    actionItem?: ActionItem | null;
  }>;

export type ConcludeSession = CommitteeCommandBase & Readonly<{ type: 'ConcludeSession'; sessionId: string }>;

export type CommitteeCommand =
  | FormCommittee
  | ScheduleSession
  | RescheduleSession
  | CancelSession
  | RecordAttendance
  | RecordDecision
  | ConcludeSession;
