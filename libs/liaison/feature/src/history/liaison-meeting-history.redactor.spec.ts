import type { Actor } from '@coord/kernel';
import type { HistoryEntryView } from '@coord/read-model';
import { redactLiaisonMeetingHistory } from './liaison-meeting-history.redactor';

let version = 0;
const entry = (type: string, data: Record<string, unknown>): HistoryEntryView => {
  version += 1;
  return {
    streamId: 'LiaisonMeeting-1',
    version,
    position: `${version}:${version}`,
    type,
    occurredAt: '2026-03-02T11:00:00.000Z',
    actorUserId: 'u-liaison',
    actorOrganizationId: 'org-mission',
    commandId: null,
    data: JSON.stringify(data),
  };
};
const reader = (organizationId: string): Actor => ({ userId: 'u', organizationId, roles: ['OBSERVER'] });

const HISTORY = [
  entry('LiaisonMeetingScheduled', { meetingId: 'LiaisonMeeting-1', hostId: 'org-mission' }),
  entry('LiaisonMeetingHeld', { meetingId: 'LiaisonMeeting-1', attendanceWomen: 3, attendanceMen: 4 }),
  entry('ConcernRaised', { meetingId: 'LiaisonMeeting-1', concernId: 'c-open', text: 'Dry borehole', sensitive: false }),
  entry('ConcernRaised', { meetingId: 'LiaisonMeeting-1', concernId: 'c-secret', text: 'Armed men near the well', sensitive: true }),
  entry('FollowUpAssigned', { meetingId: 'LiaisonMeeting-1', followUpId: 'f-1', concernId: 'c-secret', assigneeId: 'org-ngo' }),
  entry('FollowUpAssigned', { meetingId: 'LiaisonMeeting-1', followUpId: 'f-2', concernId: 'c-open', assigneeId: 'org-gov' }),
];
const texts = (entries: readonly HistoryEntryView[]) =>
  entries.filter((candidate) => candidate.type === 'ConcernRaised').map((candidate) => JSON.parse(candidate.data).text);

describe('history of a liaison meeting, per reader', () => {
  it('given the host, shows every text', () => {
    expect(texts(redactLiaisonMeetingHistory(HISTORY, reader('org-mission')))).toEqual(['Dry borehole', 'Armed men near the well']);
  });

  it('given the organisation assigned a follow-up on the sensitive concern — later in the stream — shows it too', () => {
    expect(texts(redactLiaisonMeetingHistory(HISTORY, reader('org-ngo')))).toEqual(['Dry borehole', 'Armed men near the well']);
  });

  it('given an organisation assigned only another concern, or none, nulls the sensitive text and keeps the rest', () => {
    for (const outsider of ['org-gov', 'org-unicef']) {
      const redacted = redactLiaisonMeetingHistory(HISTORY, reader(outsider));
      expect(texts(redacted)).toEqual(['Dry borehole', null]);
      expect(JSON.parse(redacted[3].data)).toEqual({ meetingId: 'LiaisonMeeting-1', concernId: 'c-secret', text: null, sensitive: true });
      expect(redacted.filter((candidate) => candidate.type !== 'ConcernRaised')).toEqual(HISTORY.filter((candidate) => candidate.type !== 'ConcernRaised'));
    }
  });

  it('given a history without its scheduling event, shows a sensitive text to nobody but assignees', () => {
    const headless = HISTORY.slice(1);
    expect(texts(redactLiaisonMeetingHistory(headless, reader('org-mission')))).toEqual(['Dry borehole', null]);
    expect(texts(redactLiaisonMeetingHistory(headless, reader('org-ngo')))).toEqual(['Dry borehole', 'Armed men near the well']);
  });
});
