import type { LiaisonMeetingEvent, Sector, Severity } from '@coord/contracts';

/** Event builders for the liaison-meeting projection and query specs. */
export const meetingScheduled = (
  meetingId: string,
  overrides: { hostId?: string; location?: string; startsAt?: string; title?: string } = {},
): LiaisonMeetingEvent => ({
  type: 'LiaisonMeetingScheduled',
  data: {
    meetingId,
    hostId: overrides.hostId ?? 'org-mission',
    title: overrides.title ?? 'Liaison meeting',
    location: overrides.location ?? 'ML010101',
    startsAt: overrides.startsAt ?? '2026-03-02T08:00:00.000Z',
    stakeholders: [
      { name: 'Village chief', group: 'community leaders' },
      { name: 'Women’s association', group: "women's group" },
    ],
    scheduledAt: '2026-02-20T10:00:00.000Z',
  },
});

export const meetingHeld = (meetingId: string, youth: number | null = 4): LiaisonMeetingEvent => ({
  type: 'LiaisonMeetingHeld',
  data: { meetingId, attendanceWomen: 12, attendanceMen: 9, attendanceYouth: youth, heldAt: '2026-03-02T11:00:00.000Z' },
});

export const concernRaised = (
  meetingId: string,
  concernId: string,
  overrides: { severity?: Severity; sensitive?: boolean; location?: string; sector?: Sector; text?: string } = {},
): LiaisonMeetingEvent => ({
  type: 'ConcernRaised',
  data: {
    meetingId,
    concernId,
    sector: overrides.sector ?? 'PROTECTION',
    severity: overrides.severity ?? 'HIGH',
    location: overrides.location ?? 'ML010101',
    text: overrides.text ?? `What was said (${concernId})`,
    sensitive: overrides.sensitive ?? false,
    raisedAt: '2026-03-02T11:05:00.000Z',
  },
});

export const followUpAssigned = (
  meetingId: string,
  followUpId: string,
  concernId: string,
  assigneeId = 'org-ngo',
  dueDate = '2026-03-20',
): LiaisonMeetingEvent => ({
  type: 'FollowUpAssigned',
  data: { meetingId, followUpId, concernId, assigneeId, dueDate, assignedAt: '2026-03-02T11:10:00.000Z' },
});

export const followUpCompleted = (meetingId: string, followUpId: string, note: string | null = 'Done'): LiaisonMeetingEvent => ({
  type: 'FollowUpCompleted',
  data: { meetingId, followUpId, note, completedAt: '2026-03-10T09:00:00.000Z' },
});

export const meetingCancelled = (meetingId: string): LiaisonMeetingEvent => ({
  type: 'LiaisonMeetingCancelled',
  data: { meetingId, reason: 'Road closed', cancelledAt: '2026-03-01T09:00:00.000Z' },
});
