import { SMALL_COUNT_THRESHOLD, visiblePeople } from './redaction';

describe('visiblePeople', () => {
  const few = { women: 2, men: 1, girls: 2, boys: 0 };
  const many = { women: 40, men: 30, girls: 20, boys: 10 };

  it('shows the organisation itself every breakdown', () => {
    expect(visiblePeople(few, true)).toEqual({ ...few, total: 5, breakdownRedacted: false });
  });

  it('hides a small breakdown from outsiders but keeps the total', () => {
    expect(visiblePeople(few, false)).toEqual({ women: 0, men: 0, girls: 0, boys: 0, total: 5, breakdownRedacted: true });
  });

  it('shows outsiders a breakdown at or above the threshold', () => {
    const atThreshold = { women: SMALL_COUNT_THRESHOLD, men: 0, girls: 0, boys: 0 };
    expect(visiblePeople(atThreshold, false).breakdownRedacted).toBe(false);
    expect(visiblePeople(many, false)).toEqual({ ...many, total: 100, breakdownRedacted: false });
  });
});
