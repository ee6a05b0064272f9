import type { ActionItem, CommitteeEvent, MemberClash } from '@coord/contracts';

/** Joint-planning events for read-model tests; payloads as the planning domain writes them. */

export const committeeFormed = (committeeId: string, chairId: string, memberIds: readonly string[], name = 'Comité de Gao'): CommitteeEvent => ({
  type: 'CommitteeFormed',
  data: { committeeId, name, chairId, memberIds, adminCode: 'ML07', formedAt: '2026-03-01T08:00:00.000Z' },
});

export const sessionScheduled = (
  committeeId: string,
  sessionId: string,
  startsAt: string,
  endsAt: string,
  memberClashes: readonly MemberClash[] = [],
): CommitteeEvent => ({
  type: 'SessionScheduled',
  data: {
    committeeId,
    sessionId,
    startsAt,
    endsAt,
    venue: 'Gouvernorat de Gao',
    agenda: ['Plan de réponse', 'Accès'],
    allowMemberClash: memberClashes.length > 0,
    memberClashes,
    scheduledAt: '2026-03-01T09:00:00.000Z',
  },
});

export const sessionRescheduled = (
  committeeId: string,
  sessionId: string,
  moved: { startsAt: string; endsAt: string },
  previous: { startsAt: string; endsAt: string },
): CommitteeEvent => ({
  type: 'SessionRescheduled',
  data: {
    committeeId,
    sessionId,
    ...moved,
    previousStartsAt: previous.startsAt,
    previousEndsAt: previous.endsAt,
    allowMemberClash: false,
    memberClashes: [],
    rescheduledAt: '2026-03-02T09:00:00.000Z',
  },
});

export const sessionCancelled = (committeeId: string, sessionId: string, reason = 'Road closed'): CommitteeEvent => ({
  type: 'SessionCancelled',
  data: { committeeId, sessionId, reason, cancelledAt: '2026-03-02T10:00:00.000Z' },
});

export const attendanceRecorded = (committeeId: string, sessionId: string, organizationIds: readonly string[]): CommitteeEvent => ({
  type: 'AttendanceRecorded',
  data: { committeeId, sessionId, organizationIds, recordedAt: '2026-03-10T10:00:00.000Z' },
});

export const decisionRecorded = (
  committeeId: string,
  sessionId: string,
  decisionId: string,
  text: string,
  actionItem: ActionItem | null = null,
): CommitteeEvent => ({
  type: 'DecisionRecorded',
  data: { committeeId, sessionId, decisionId, text, actionItem, recordedAt: '2026-03-10T11:00:00.000Z' },
});

export const sessionConcluded = (committeeId: string, sessionId: string): CommitteeEvent => ({
  type: 'SessionConcluded',
  data: { committeeId, sessionId, concludedAt: '2026-03-10T12:00:00.000Z' },
});
