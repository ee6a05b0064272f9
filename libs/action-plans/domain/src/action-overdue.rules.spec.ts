import { FixedClock } from '@coord/kernel';
import { ACTION_STATUSES } from '@coord/contracts';
import { isActionOverdue } from './action-overdue.rules';

describe('an action is overdue when past its due date and neither done nor cancelled', () => {
  const clock = new FixedClock(new Date('2026-06-30T23:59:59.999Z'));
  const open = { dueDate: '2026-06-30', status: 'IN_PROGRESS' as const };

  it('given its due date is today (UTC), it is not overdue yet', () => {
    expect(isActionOverdue(open, clock.now())).toBe(false);
  });

  it('given the day after its due date, it is overdue, whatever its open status', () => {
    clock.advance(1);
    expect(ACTION_STATUSES.filter((status) => isActionOverdue({ ...open, status }, clock.now()))).toEqual(['PLANNED', 'IN_PROGRESS', 'BLOCKED']);
  });

  it('given it is done or cancelled, it is never overdue', () => {
    clock.set(new Date('2030-01-01T00:00:00.000Z'));
    expect(isActionOverdue({ ...open, status: 'DONE' }, clock.now())).toBe(false);
    expect(isActionOverdue({ ...open, status: 'CANCELLED' }, clock.now())).toBe(false);
  });

  it('reads the day in UTC whatever offset the clock was set with', () => {
    // 00:30 on 1 July in Bangui (UTC+1) is still 30 June in UTC.
    clock.set(new Date('2026-07-01T00:30:00+01:00'));
    expect(isActionOverdue(open, clock.now())).toBe(false);
  });
});
