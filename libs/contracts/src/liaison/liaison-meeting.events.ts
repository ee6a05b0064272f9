import type { IsoDate, IsoDateTime, Sector } from '../common';

export const MEETING_STATUSES = ['SCHEDULED', 'HELD', 'CANCELLED'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** In rising order: a `CRITICAL` concern is an early warning. */
export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A local party the liaison office meets: a community leader, a women's or youth group, … */
export interface Stakeholder {
  readonly name: string;
  /** The kind of group, free text as entered (`women's association`, `religious leaders`, …). */
  readonly group: string;
}

export type LiaisonMeetingScheduled = Readonly<{
  type: 'LiaisonMeetingScheduled';
  data: {
    meetingId: string;
    /** The organisation whose liaison office holds the meeting; the scheduling officer's own. */
    hostId: string;
    title: string;
    /** P-code of where the meeting takes place. */
    location: string;
    startsAt: IsoDateTime;
    stakeholders: readonly Stakeholder[];
    scheduledAt: IsoDateTime;
  };
}>;

export type LiaisonMeetingHeld = Readonly<{
  type: 'LiaisonMeetingHeld';
  data: {
    meetingId: string;
    attendanceWomen: number;
    attendanceMen: number;
    /** Youth among the women and men, when counted. */
    attendanceYouth: number | null;
    heldAt: IsoDateTime;
  };
}>;

export type ConcernRaised = Readonly<{
  type: 'ConcernRaised';
  data: {
    meetingId: string;
    concernId: string;
    sector: Sector;
    severity: Severity;
    /** P-code of the place the concern is about; may differ from the meeting's. */
    location: string;
    /** What was said, as entered. Shown to outsiders only when `sensitive` is false. */
    text: string;
    sensitive: boolean;
    raisedAt: IsoDateTime;
  };
}>;

export type FollowUpAssigned = Readonly<{
  type: 'FollowUpAssigned';
  data: {
    meetingId: string;
    followUpId: string;
    concernId: string;
    /** The organisation that is to act; it alone completes the follow-up. */
    assigneeId: string;
    dueDate: IsoDate;
    assignedAt: IsoDateTime;
  };
}>;

export type FollowUpCompleted = Readonly<{
  type: 'FollowUpCompleted';
  data: {
    meetingId: string;
    followUpId: string;
    note: string | null;
    completedAt: IsoDateTime;
  };
}>;

export type LiaisonMeetingCancelled = Readonly<{
  type: 'LiaisonMeetingCancelled';
  data: { meetingId: string; reason: string; cancelledAt: IsoDateTime };
}>;

export type LiaisonMeetingEvent =
  | LiaisonMeetingScheduled
  | LiaisonMeetingHeld
  | ConcernRaised
  | FollowUpAssigned
  | FollowUpCompleted
  | LiaisonMeetingCancelled;

export const LIAISON_MEETING_EVENT_TYPES = [
  'LiaisonMeetingScheduled',
  'LiaisonMeetingHeld',
  'ConcernRaised',
  'FollowUpAssigned',
  'FollowUpCompleted',
  'LiaisonMeetingCancelled',
] as const satisfies readonly LiaisonMeetingEvent['type'][];

export const LIAISON_MEETING_STREAM = 'LiaisonMeeting';
