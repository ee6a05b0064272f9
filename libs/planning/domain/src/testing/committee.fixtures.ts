import type { Actor, Role } from '@coord/kernel';
import type {
  ActionItem,
  AttendanceRecorded,
  CommitteeEvent,
  CommitteeFormed,
  DecisionRecorded,
  SessionCancelled,
  SessionConcluded,
  SessionRescheduled,
  SessionScheduled,
} from '@coord/contracts';
import type {
  BookedSession,
  CancelSession,
  ConcludeSession,
  FormCommittee,
  RecordAttendance,
  RecordDecision,
  RescheduleSession,
  ScheduleSession,
} from '../committee.commands';

/**
 * Shared cast and history for the decide specs: the mission chairs the Gao regional committee with
 * OCHA, WFP and the regional government; an NGO and UNICEF sit elsewhere.
 */
export const COMMITTEE_ID = 'Committee-3b0e8d64-0a8c-4f4e-9d0e-6c1e2f3a4b5c';
export const OTHER_COMMITTEE_ID = 'Committee-9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f';
export const SESSION_ID = '0d6f5e4c-3b2a-4190-8f7e-6d5c4b3a2910';
export const SECOND_SESSION_ID = '1e7a6f5d-4c3b-42a1-9087-7e6d5c4b3a21';
export const DECISION_ID = '2f8b7a6e-5d4c-43b2-a198-8f7e6d5c4b32';
export const MISSION = 'Organization-mission';
export const OCHA = 'Organization-ocha';
export const WFP = 'Organization-wfp';
export const GOVERNMENT = 'Organization-gov-gao';
export const NGO = 'Organization-ngo';
export const UNICEF = 'Organization-unicef';
export const MEMBERS = [MISSION, OCHA, WFP, GOVERNMENT] as const;

/** When the session is planned, moved or cancelled: a week before it. */
export const AT = new Date('2026-03-02T09:30:00.000Z');
export const STARTS_AT = new Date('2026-03-10T09:00:00.000Z');
export const ENDS_AT = new Date('2026-03-10T12:00:00.000Z');
/** While the session sits: when attendance and decisions are recorded. */
export const DURING = new Date('2026-03-10T10:00:00.000Z');

const actor = (userId: string, organizationId: string, ...roles: Role[]): Actor => ({ userId, organizationId, roles });

export const chairLiaison = actor('u-mission-liaison', MISSION, 'LIAISON_OFFICER');
export const chairAdmin = actor('u-mission-admin', MISSION, 'ADMIN');
export const chairObserver = actor('u-mission-observer', MISSION, 'OBSERVER');
export const chairAgencyOfficer = actor('u-mission-officer', MISSION, 'AGENCY_OFFICER');
export const memberLiaison = actor('u-wfp-liaison', WFP, 'LIAISON_OFFICER');
export const memberAdmin = actor('u-ocha-admin', OCHA, 'ADMIN', 'LIAISON_OFFICER');
export const outsiderLiaison = actor('u-ngo-liaison', NGO, 'LIAISON_OFFICER');

const base = { committeeId: COMMITTEE_ID, actor: chairLiaison, at: AT };

export const form = (overrides: Partial<FormCommittee> = {}): FormCommittee => ({
  ...base,
  type: 'FormCommittee',
  name: 'Comité régional de planification conjointe de Gao',
  chairId: MISSION,
  memberIds: MEMBERS,
  adminCode: 'ML07',
  ...overrides,
});
export const schedule = (overrides: Partial<ScheduleSession> = {}): ScheduleSession => ({
  ...base,
  type: 'ScheduleSession',
  sessionId: SESSION_ID,
  startsAt: STARTS_AT,
  endsAt: ENDS_AT,
  venue: 'Salle de conférence du gouvernorat',
  agenda: ['Plan de réponse', 'Accès humanitaire'],
  allowMemberClash: false,
  bookedElsewhere: [],
  ...overrides,
});
export const reschedule = (overrides: Partial<RescheduleSession> = {}): RescheduleSession => ({
  ...base,
  type: 'RescheduleSession',
  sessionId: SESSION_ID,
  startsAt: new Date('2026-03-11T09:00:00.000Z'),
  endsAt: new Date('2026-03-11T12:00:00.000Z'),
  allowMemberClash: false,
  bookedElsewhere: [],
  ...overrides,
});
export const cancel = (overrides: Partial<CancelSession> = {}): CancelSession => ({
  ...base,
  type: 'CancelSession',
  sessionId: SESSION_ID,
  reason: 'Road to Gao closed',
  ...overrides,
});
export const recordAttendance = (overrides: Partial<RecordAttendance> = {}): RecordAttendance => ({
  ...base,
  at: DURING,
  type: 'RecordAttendance',
  sessionId: SESSION_ID,
  organizationIds: [MISSION, OCHA, GOVERNMENT],
  ...overrides,
});
export const ACTION_ITEM: ActionItem = {
  description: 'Pre-position food stocks in Ansongo',
  responsibleId: WFP,
  dueDate: '2026-04-15',
  sector: 'FOOD_SECURITY',
  adminCode: 'ML0702',
};
export const recordDecision = (overrides: Partial<RecordDecision> = {}): RecordDecision => ({
  ...base,
  at: DURING,
  type: 'RecordDecision',
  sessionId: SESSION_ID,
  decisionId: DECISION_ID,
  text: 'Open a second distribution site in Ansongo',
  actionItem: ACTION_ITEM,
  ...overrides,
});
export const conclude = (overrides: Partial<ConcludeSession> = {}): ConcludeSession => ({
  ...base,
  at: new Date('2026-03-10T12:05:00.000Z'),
  type: 'ConcludeSession',
  sessionId: SESSION_ID,
  ...overrides,
});

/** A session of the other committee, where WFP and UNICEF sit, overlapping the slot by an hour. */
export const bookedElsewhere = (overrides: Partial<BookedSession> = {}): BookedSession => ({
  committeeId: OTHER_COMMITTEE_ID,
  sessionId: '3a9c8b7f-6e5d-44c3-b2a1-90f8e7d6c5b4',
  startsAt: '2026-03-10T11:00:00.000Z',
  endsAt: '2026-03-10T13:00:00.000Z',
  memberIds: [UNICEF, WFP, NGO],
  ...overrides,
});

const iso = AT.toISOString();

export const formed = (overrides: Partial<CommitteeFormed['data']> = {}): CommitteeFormed => ({
  type: 'CommitteeFormed',
  data: {
    committeeId: COMMITTEE_ID,
    name: 'Comité régional de planification conjointe de Gao',
    chairId: MISSION,
    memberIds: MEMBERS,
    adminCode: 'ML07',
    formedAt: iso,
    ...overrides,
  },
});
export const scheduled = (overrides: Partial<SessionScheduled['data']> = {}): SessionScheduled => ({
  type: 'SessionScheduled',
  data: {
    committeeId: COMMITTEE_ID,
    sessionId: SESSION_ID,
    startsAt: STARTS_AT.toISOString(),
    endsAt: ENDS_AT.toISOString(),
    venue: 'Salle de conférence du gouvernorat',
    agenda: ['Plan de réponse', 'Accès humanitaire'],
    allowMemberClash: false,
    memberClashes: [],
    scheduledAt: iso,
    ...overrides,
  },
});
export const rescheduled = (overrides: Partial<SessionRescheduled['data']> = {}): SessionRescheduled => ({
  type: 'SessionRescheduled',
  data: {
    committeeId: COMMITTEE_ID,
    sessionId: SESSION_ID,
    startsAt: '2026-03-11T09:00:00.000Z',
    endsAt: '2026-03-11T12:00:00.000Z',
    previousStartsAt: STARTS_AT.toISOString(),
    previousEndsAt: ENDS_AT.toISOString(),
    allowMemberClash: false,
    memberClashes: [],
    rescheduledAt: iso,
    ...overrides,
  },
});
export const cancelled = (overrides: Partial<SessionCancelled['data']> = {}): SessionCancelled => ({
  type: 'SessionCancelled',
  data: { committeeId: COMMITTEE_ID, sessionId: SESSION_ID, reason: 'Road to Gao closed', cancelledAt: iso, ...overrides },
});
export const attendanceRecorded = (overrides: Partial<AttendanceRecorded['data']> = {}): AttendanceRecorded => ({
  type: 'AttendanceRecorded',
  data: {
    committeeId: COMMITTEE_ID,
    sessionId: SESSION_ID,
    organizationIds: [MISSION, OCHA, GOVERNMENT],
    recordedAt: DURING.toISOString(),
    ...overrides,
  },
});
export const decisionRecorded = (overrides: Partial<DecisionRecorded['data']> = {}): DecisionRecorded => ({
  type: 'DecisionRecorded',
  data: {
    committeeId: COMMITTEE_ID,
    sessionId: SESSION_ID,
    decisionId: DECISION_ID,
    text: 'Open a second distribution site in Ansongo',
    actionItem: ACTION_ITEM,
    recordedAt: DURING.toISOString(),
    ...overrides,
  },
});
export const concluded = (overrides: Partial<SessionConcluded['data']> = {}): SessionConcluded => ({
  type: 'SessionConcluded',
  data: { committeeId: COMMITTEE_ID, sessionId: SESSION_ID, concludedAt: '2026-03-10T12:05:00.000Z', ...overrides },
});

/** One history per place in a session's lifecycle (the session is `SESSION_ID`). */
export const HISTORIES = {
  FORMED: [formed()],
  SCHEDULED: [formed(), scheduled()],
  RESCHEDULED: [formed(), scheduled(), rescheduled()],
  'with attendance': [formed(), scheduled(), attendanceRecorded()],
  CANCELLED: [formed(), scheduled(), cancelled()],
  CONCLUDED: [formed(), scheduled(), attendanceRecorded(), decisionRecorded(), concluded()],
} satisfies Record<string, CommitteeEvent[]>;
export type HistoryName = keyof typeof HISTORIES;
