import type { Actor } from '@coord/kernel';
import type { IsoDate, Sector, Severity, Stakeholder } from '@coord/contracts';

/** Time and actor travel with the command: decide never reads a clock and never makes ids. */
interface MeetingCommandBase {
  readonly meetingId: string;
  readonly actor: Actor;
  readonly at: Date;
}

export type ScheduleLiaisonMeeting = MeetingCommandBase &
  Readonly<{
    type: 'ScheduleLiaisonMeeting';
    /** The host; must be the actor's own organisation. */
    hostId: string;
    title: string;
    /** P-code of the venue (`adminCode` in the GraphQL input). */
    location: string;
    startsAt: Date;
    stakeholders: readonly Stakeholder[];
  }>;

export type RecordMeetingHeld = MeetingCommandBase &
  Readonly<{
    type: 'RecordMeetingHeld';
    attendanceWomen: number;
    attendanceMen: number;
    attendanceYouth?: number | null;
  }>;

export type RaiseConcern = MeetingCommandBase &
  Readonly<{
    type: 'RaiseConcern';
    /** Made by the caller, since the command answers it. */
    concernId: string;
    sector: Sector;
    severity: Severity;
    /** P-code of the place the concern is about (`adminCode` in the GraphQL input). */
    location: string;
    text: string;
    sensitive: boolean;
  }>;

export type AssignFollowUp = MeetingCommandBase &
  Readonly<{
    type: 'AssignFollowUp';
    /** Made by the caller, since the command answers it. */
    followUpId: string;
    concernId: string;
    assigneeId: string;
    dueDate: IsoDate;
  }>;

export type CompleteFollowUp = MeetingCommandBase &
  Readonly<{ type: 'CompleteFollowUp'; followUpId: string; note?: string | null }>;

export type CancelLiaisonMeeting = MeetingCommandBase & Readonly<{ type: 'CancelLiaisonMeeting'; reason: string }>;

export type LiaisonMeetingCommand =
  | ScheduleLiaisonMeeting
  | RecordMeetingHeld
  | RaiseConcern
  | AssignFollowUp
  | CompleteFollowUp
  | CancelLiaisonMeeting;
