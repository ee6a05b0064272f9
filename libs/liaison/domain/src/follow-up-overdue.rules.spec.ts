import { FixedClock } from '@coord/kernel';
import { isFollowUpOverdue } from './follow-up-overdue.rules';

describe('a follow-up is overdue when past its due date and not done', () => {
  const clock = new FixedClock(new Date('2026-03-16T23:59:59.999Z'));
  const open = { dueDate: '2026-03-16', done: false };

  it('given its due date is today (UTC), it is not overdue yet', () => {
    expect(isFollowUpOverdue(open, clock.now())).toBe(false);
  });

  it('given the day after its due date, it is overdue', () => {
    clock.advance(1);
    expect(isFollowUpOverdue(open, clock.now())).toBe(true);
  });

  it('given it is done, it is never overdue', () => {
    clock.set(new Date('2027-01-01T00:00:00.000Z'));
    expect(isFollowUpOverdue({ ...open, done: true }, clock.now())).toBe(false);
  });

  it('reads the day in UTC whatever offset the clock was set with', () => {
    // 00:30 on 17 March in Bangui (UTC+1) is still 16 March in UTC.
    clock.set(new Date('2026-03-17T00:30:00+01:00'));
    expect(isFollowUpOverdue(open, clock.now())).toBe(false);
  });
});
