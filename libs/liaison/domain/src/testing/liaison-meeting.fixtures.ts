import type { Actor, Role } from '@coord/kernel';
import type {
  ConcernRaised,
  FollowUpAssigned,
  FollowUpCompleted,
  LiaisonMeetingCancelled,
  LiaisonMeetingEvent,
  LiaisonMeetingHeld,
  LiaisonMeetingScheduled,
} from '@coord/contracts';
import type {
  AssignFollowUp,
  CancelLiaisonMeeting,
  CompleteFollowUp,
  RaiseConcern,
  RecordMeetingHeld,
  ScheduleLiaisonMeeting,
} from '../liaison-meeting.commands';

/** Shared cast and history: the mission's Gao liaison office meets community leaders in Ansongo. */
export const MEETING_ID = 'LiaisonMeeting-3c9d2f60-1b7e-4c55-9e0a-7d4b8a2f1c11';
export const MISSION = 'org-mission';
export const OTHER_MISSION = 'org-other-mission';
export const NGO = 'org-ngo';
export const GOVERNMENT = 'org-gov';
export const CONCERN_ID = 'c0ffee00-0000-4000-8000-000000000001';
export const FOLLOW_UP_ID = 'f0110000-0000-4000-8000-000000000001';
export const STARTS_AT = new Date('2026-03-02T08:00:00.000Z');
export const AT = new Date('2026-03-02T11:30:00.000Z');

const actor = (userId: string, organizationId: string, ...roles: Role[]): Actor => ({ userId, organizationId, roles });

export const liaisonOfficer = actor('u-liaison', MISSION, 'LIAISON_OFFICER');
export const missionObserver = actor('u-mission-observer', MISSION, 'OBSERVER');
export const missionAdmin = actor('u-mission-admin', MISSION, 'ADMIN');
export const otherLiaisonOfficer = actor('u-other-liaison', OTHER_MISSION, 'LIAISON_OFFICER');
export const ngoOfficer = actor('u-ngo', NGO, 'AGENCY_OFFICER');
export const ngoObserver = actor('u-ngo-observer', NGO, 'OBSERVER');
export const governmentCounterpart = actor('u-gov', GOVERNMENT, 'GOVERNMENT_COUNTERPART');

export const STAKEHOLDERS = [
  { name: 'Chef de village de Tin-Hama', group: 'community leaders' },
  { name: 'Association des femmes d’Ansongo', group: "women's group" },
] as const;

const base = { meetingId: MEETING_ID, actor: liaisonOfficer, at: AT };

export const schedule = (overrides: Partial<ScheduleLiaisonMeeting> = {}): ScheduleLiaisonMeeting => ({
  ...base,
  type: 'ScheduleLiaisonMeeting',
  hostId: MISSION,
  title: 'Monthly liaison meeting, Ansongo',
  location: 'ML0701',
  startsAt: STARTS_AT,
  stakeholders: STAKEHOLDERS,
  ...overrides,
});
export const recordHeld = (overrides: Partial<RecordMeetingHeld> = {}): RecordMeetingHeld => ({
  ...base,
  type: 'RecordMeetingHeld',
  attendanceWomen: 14,
  attendanceMen: 9,
  attendanceYouth: 6,
  ...overrides,
});
export const raise = (overrides: Partial<RaiseConcern> = {}): RaiseConcern => ({
  ...base,
  type: 'RaiseConcern',
  concernId: CONCERN_ID,
  sector: 'PROTECTION',
  severity: 'CRITICAL',
  location: 'ML0701',
  text: 'Armed men seen near the well at night',
  sensitive: true,
  ...overrides,
});
export const assign = (overrides: Partial<AssignFollowUp> = {}): AssignFollowUp => ({
  ...base,
  type: 'AssignFollowUp',
  followUpId: FOLLOW_UP_ID,
  concernId: CONCERN_ID,
  assigneeId: NGO,
  dueDate: '2026-03-16',
  ...overrides,
});
export const complete = (overrides: Partial<CompleteFollowUp> = {}): CompleteFollowUp => ({
  ...base,
  actor: ngoOfficer,
  type: 'CompleteFollowUp',
  followUpId: FOLLOW_UP_ID,
  note: 'Patrol schedule agreed with the village committee',
  ...overrides,
});
export const cancel = (overrides: Partial<CancelLiaisonMeeting> = {}): CancelLiaisonMeeting => ({
  ...base,
  type: 'CancelLiaisonMeeting',
  reason: 'Road to Ansongo closed',
  ...overrides,
});

const iso = AT.toISOString();

export const scheduled = (overrides: Partial<LiaisonMeetingScheduled['data']> = {}): LiaisonMeetingScheduled => ({
  type: 'LiaisonMeetingScheduled',
  data: {
    meetingId: MEETING_ID,
    hostId: MISSION,
    title: 'Monthly liaison meeting, Ansongo',
    location: 'ML0701',
    startsAt: STARTS_AT.toISOString(),
    stakeholders: STAKEHOLDERS,
    scheduledAt: iso,
    ...overrides,
  },
});
export const held = (overrides: Partial<LiaisonMeetingHeld['data']> = {}): LiaisonMeetingHeld => ({
  type: 'LiaisonMeetingHeld',
  data: { meetingId: MEETING_ID, attendanceWomen: 14, attendanceMen: 9, attendanceYouth: 6, heldAt: iso, ...overrides },
});
export const raised = (overrides: Partial<ConcernRaised['data']> = {}): ConcernRaised => ({
  type: 'ConcernRaised',
  data: {
    meetingId: MEETING_ID,
    concernId: CONCERN_ID,
    sector: 'PROTECTION',
    severity: 'CRITICAL',
    location: 'ML0701',
    text: 'Armed men seen near the well at night',
    sensitive: true,
    raisedAt: iso,
    ...overrides,
  },
});
export const assigned = (overrides: Partial<FollowUpAssigned['data']> = {}): FollowUpAssigned => ({
  type: 'FollowUpAssigned',
  data: {
    meetingId: MEETING_ID,
    followUpId: FOLLOW_UP_ID,
    concernId: CONCERN_ID,
    assigneeId: NGO,
    dueDate: '2026-03-16',
    assignedAt: iso,
    ...overrides,
  },
});
export const completed = (overrides: Partial<FollowUpCompleted['data']> = {}): FollowUpCompleted => ({
  type: 'FollowUpCompleted',
  data: {
    meetingId: MEETING_ID,
    followUpId: FOLLOW_UP_ID,
    note: 'Patrol schedule agreed with the village committee',
    completedAt: iso,
    ...overrides,
  },
});
export const cancelled = (overrides: Partial<LiaisonMeetingCancelled['data']> = {}): LiaisonMeetingCancelled => ({
  type: 'LiaisonMeetingCancelled',
  data: { meetingId: MEETING_ID, reason: 'Road to Ansongo closed', cancelledAt: iso, ...overrides },
});

/** One history per place in the lifecycle, and the steps inside a held meeting. */
export const HISTORIES = {
  SCHEDULED: [scheduled()],
  HELD: [scheduled(), held()],
  'HELD with a concern': [scheduled(), held(), raised()],
  'HELD with a follow-up': [scheduled(), held(), raised(), assigned()],
  'HELD with a completed follow-up': [scheduled(), held(), raised(), assigned(), completed()],
  CANCELLED: [scheduled(), cancelled()],
} satisfies Record<string, LiaisonMeetingEvent[]>;
export type HistoryName = keyof typeof HISTORIES;
