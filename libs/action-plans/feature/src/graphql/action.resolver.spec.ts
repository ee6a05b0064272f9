import { FixedClock } from '@coord/kernel';
import type { ActionPlanQueries, ActionView } from '@coord/read-model';
import { ActionPlanQueriesResolver } from './action-plan-queries.resolver';
import { ActionResolver } from './action.resolver';

const action: ActionView = {
  id: 'a-1',
  planId: 'ActionPlan-1',
  description: 'Rehabilitate the boreholes of Ansongo',
  responsibleId: 'org-wfp',
  sector: 'WASH',
  locationPcode: 'ML0701',
  startDate: '2026-03-01',
  dueDate: '2026-06-30',
  status: 'IN_PROGRESS',
  indicator: null,
  sourceDecisionId: null,
  note: null,
  progressReportedAt: null,
};

describe('overdue actions, from the injected clock', () => {
  it('given the clock on the due date, an action is not overdue; a day later, it is, with no event in between', () => {
    const clock = new FixedClock(new Date('2026-06-30T18:00:00.000Z'));
    const resolver = new ActionResolver(clock);
    expect(resolver.overdue(action)).toBe(false);

    clock.advance(24 * 60 * 60 * 1000);

    expect(resolver.overdue(action)).toBe(true);
    expect(resolver.overdue({ ...action, status: 'DONE' })).toBe(false);
  });

  it('asks the read model for the actions due before the clock’s UTC day', async () => {
    const asked: unknown[] = [];
    const plans = { overdueActions: async (filter: unknown) => (asked.push(filter), []) } as unknown as ActionPlanQueries;
    // 00:30 on 1 July in Bangui (UTC+1) is still 30 June in UTC.
    const resolver = new ActionPlanQueriesResolver(plans, new FixedClock(new Date('2026-07-01T00:30:00+01:00')));
    await resolver.overdueActions('ML07');
    expect(asked).toEqual([{ adminCode: 'ML07', today: '2026-06-30' }]);
  });
});
