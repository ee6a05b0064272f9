import type { IsoDate, IsoDateTime, MeetingStatus, Sector, Severity, Stakeholder } from '@coord/contracts';

export interface Attendance {
  readonly women: number;
  readonly men: number;
  readonly youth: number | null;
}

/** What decide needs of a concern; its text never matters to a decision. */
export interface ConcernState {
  readonly concernId: string;
  readonly sector: Sector;
  readonly severity: Severity;
  readonly location: string;
  readonly sensitive: boolean;
}

export interface FollowUpState {
  readonly followUpId: string;
  readonly concernId: string;
  readonly assigneeId: string;
  readonly dueDate: IsoDate;
  readonly done: boolean;
}

/** A meeting that exists: everything `decide` needs to judge the next command. */
export interface LiaisonMeeting {
  readonly status: MeetingStatus;
  readonly meetingId: string;
  /** The organisation whose liaison office holds the meeting and owns its stream. */
  readonly hostId: string;
  readonly title: string;
  /** P-code of the venue. */
  readonly location: string;
  readonly startsAt: IsoDateTime;
  readonly stakeholders: readonly Stakeholder[];
  /** Null until the meeting is held. */
  readonly attendance: Attendance | null;
  readonly concerns: readonly ConcernState[];
  readonly followUps: readonly FollowUpState[];
}

export type LiaisonMeetingState = { readonly status: 'None' } | LiaisonMeeting;

export const initialState = (): LiaisonMeetingState => ({ status: 'None' });
