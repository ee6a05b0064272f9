/**
 * DOMAIN.md "Who may do what": small beneficiary counts are not broken down below a threshold for
 * readers outside the organisation — with a handful of people, "2 girls reached in this village"
 * can identify them.
 */
export const SMALL_COUNT_THRESHOLD = 10;

export interface PeopleBreakdown {
  readonly women: number;
  readonly men: number;
  readonly girls: number;
  readonly boys: number;
}

export interface VisiblePeople extends PeopleBreakdown {
  readonly total: number;
  readonly breakdownRedacted: boolean;
}

export const visiblePeople = (people: PeopleBreakdown, readerIsInvolved: boolean): VisiblePeople => {
  const total = people.women + people.men + people.girls + people.boys;
  if (readerIsInvolved || total >= SMALL_COUNT_THRESHOLD) return { ...people, total, breakdownRedacted: false };
  return { women: 0, men: 0, girls: 0, boys: 0, total, breakdownRedacted: true };
};
