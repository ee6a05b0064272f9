import type { IsoDate, IsoDateTime, Sector } from '../common';

export const SESSION_STATUSES = ['SCHEDULED', 'CANCELLED', 'CONCLUDED'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/**
 * What a decision asks of one organisation. The action-plan context turns it into an action of the
 * committee's shared action plan, so it carries everything an action needs but its indicator.
 */
export interface ActionItem {
  readonly description: string;
  /** The responsible organisation, always a member of the committee. */
  readonly responsibleId: string;
  readonly dueDate: IsoDate;
  readonly sector: Sector | null;
  /** P-code of the location the action concerns. */
  readonly adminCode: string | null;
}

/**
 * A session of another committee that books some of this committee's members at an overlapping
 * time, as the read model knew it when the command was decided.
 */
export interface MemberClash {
  readonly committeeId: string;
  readonly sessionId: string;
  readonly startsAt: IsoDateTime;
  readonly endsAt: IsoDateTime;
  /** The organisations booked into both sessions. */
  readonly memberIds: readonly string[];
}

export type CommitteeFormed = Readonly<{
  type: 'CommitteeFormed';
  data: {
    committeeId: string;
    name: string;
    chairId: string;
    /** Every member organisation, the chair included, in the order given. */
    memberIds: readonly string[];
    adminCode: string | null;
    formedAt: IsoDateTime;
  };
}>;

export type SessionScheduled = Readonly<{
  type: 'SessionScheduled';
  data: {
    committeeId: string;
    sessionId: string;
    startsAt: IsoDateTime;
    endsAt: IsoDateTime;
    venue: string;
    agenda: readonly string[];
    /** The scheduler knowingly double-booked members (`allowMemberClash` in the input). */
    allowMemberClash: boolean;
    /** The double bookings accepted; empty when there were none. */
    memberClashes: readonly MemberClash[];
    scheduledAt: IsoDateTime;
  };
}>;

export type SessionRescheduled = Readonly<{
  type: 'SessionRescheduled';
  data: {
    committeeId: string;
    sessionId: string;
    startsAt: IsoDateTime;
    endsAt: IsoDateTime;
    previousStartsAt: IsoDateTime;
    previousEndsAt: IsoDateTime;
    allowMemberClash: boolean;
    memberClashes: readonly MemberClash[];
    rescheduledAt: IsoDateTime;
  };
}>;

export type SessionCancelled = Readonly<{
  type: 'SessionCancelled';
  data: { committeeId: string; sessionId: string; reason: string; cancelledAt: IsoDateTime };
}>;

/** The complete attendance of the session: it replaces any attendance recorded before. */
export type AttendanceRecorded = Readonly<{
  type: 'AttendanceRecorded';
  data: { committeeId: string; sessionId: string; organizationIds: readonly string[]; recordedAt: IsoDateTime };
}>;

export type DecisionRecorded = Readonly<{
  type: 'DecisionRecorded';
  data: {
    committeeId: string;
    sessionId: string;
    decisionId: string;
    text: string;
    actionItem: ActionItem | null;
    recordedAt: IsoDateTime;
  };
}>;

export type SessionConcluded = Readonly<{
  type: 'SessionConcluded';
  data: { committeeId: string; sessionId: string; concludedAt: IsoDateTime };
}>;

export type CommitteeEvent =
  | CommitteeFormed
  | SessionScheduled
  | SessionRescheduled
  | SessionCancelled
  | AttendanceRecorded
  | DecisionRecorded
  | SessionConcluded;

export const COMMITTEE_EVENT_TYPES = [
  'CommitteeFormed',
  'SessionScheduled',
  'SessionRescheduled',
  'SessionCancelled',
  'AttendanceRecorded',
  'DecisionRecorded',
  'SessionConcluded',
] as const satisfies readonly CommitteeEvent['type'][];

/** One stream per committee holds the committee and all its sessions. */
export const COMMITTEE_STREAM = 'Committee';
