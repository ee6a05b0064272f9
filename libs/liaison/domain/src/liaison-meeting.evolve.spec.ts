import { fold } from '@coord/kernel';
import { liaisonMeetingDecider } from './liaison-meeting.decider';
import { CONCERN_ID, FOLLOW_UP_ID, HISTORIES, MISSION, NGO, held } from './testing/liaison-meeting.fixtures';

describe('evolve', () => {
  it('refuses a stream that does not start with LiaisonMeetingScheduled: it is not a liaison meeting', () => {
    expect(() => fold(liaisonMeetingDecider, [held()])).toThrow(/before it was scheduled/);
  });

  it('remembers the host, the attendance, the concerns and which follow-ups are done', () => {
    expect(fold(liaisonMeetingDecider, HISTORIES['HELD with a completed follow-up'])).toMatchObject({
      status: 'HELD',
      hostId: MISSION,
      attendance: { women: 14, men: 9, youth: 6 },
      concerns: [{ concernId: CONCERN_ID, severity: 'CRITICAL', sensitive: true }],
      followUps: [{ followUpId: FOLLOW_UP_ID, assigneeId: NGO, done: true }],
    });
  });
});
