import type { MeetingStatus, Sector, Severity, Stakeholder } from '@coord/contracts';

/** What the liaison queries answer: plain objects, independent of table and column names. */
export interface FollowUpView {
  readonly id: string;
  readonly meetingId: string;
  readonly concernId: string;
  readonly assigneeId: string;
  readonly dueDate: string;
  readonly done: boolean;
  readonly note: string | null;
  readonly completedAt: string | null;
}

/** The whole concern, text included: whoever hands it to a reader redacts it for that reader. */
export interface ConcernView {
  readonly id: string;
  readonly meetingId: string;
  readonly hostId: string;
  readonly sector: Sector;
  readonly severity: Severity;
  readonly locationPcode: string;
  readonly text: string;
  readonly sensitive: boolean;
  readonly raisedAt: string;
  readonly followUps: readonly FollowUpView[];
}

export interface LiaisonMeetingView {
  readonly id: string;
  readonly hostId: string;
  readonly title: string;
  readonly locationPcode: string;
  readonly startsAt: string;
  readonly status: MeetingStatus;
  readonly stakeholders: readonly Stakeholder[];
  readonly attendanceWomen: number | null;
  readonly attendanceMen: number | null;
  readonly attendanceYouth: number | null;
  readonly cancellationReason: string | null;
  readonly concerns: readonly ConcernView[];
  readonly version: number;
  readonly position: string;
  readonly updatedAt: string;
}

/** Absent or null fields do not filter. */
export interface LiaisonMeetingFilter {
  /** A P-code at any admin level: meetings held there or anywhere below it. */
  readonly adminCode?: string | null;
  /** Inclusive bounds on the meeting's UTC start date, `YYYY-MM-DD`. */
  readonly from?: string | null;
  readonly to?: string | null;
}
