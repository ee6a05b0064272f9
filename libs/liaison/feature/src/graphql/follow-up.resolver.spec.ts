import { FixedClock } from '@coord/kernel';
import type { FollowUpView } from '@coord/read-model';
import { FollowUpResolver } from './follow-up.resolver';

const followUp: FollowUpView = {
  id: 'f-1',
  meetingId: 'LiaisonMeeting-1',
  concernId: 'c-1',
  assigneeId: 'org-ngo',
  dueDate: '2026-03-16',
  done: false,
  note: null,
  completedAt: null,
};

describe('FollowUp.overdue, from the injected clock', () => {
  it('given the clock on the due date, it is not overdue; a day later, it is, with no event in between', () => {
    const clock = new FixedClock(new Date('2026-03-16T18:00:00.000Z'));
    const resolver = new FollowUpResolver(clock);
    expect(resolver.overdue(followUp)).toBe(false);

    clock.advance(24 * 60 * 60 * 1000);

    expect(resolver.overdue(followUp)).toBe(true);
  });

  it('given a completed follow-up, it is never overdue', () => {
    const resolver = new FollowUpResolver(new FixedClock(new Date('2027-01-01T00:00:00.000Z')));
    expect(resolver.overdue({ ...followUp, done: true, completedAt: '2026-03-20T10:00:00.000Z' })).toBe(false);
  });
});
