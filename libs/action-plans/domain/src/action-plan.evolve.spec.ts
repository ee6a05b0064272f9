import { fold } from '@coord/kernel';
import { actionPlanDecider } from './action-plan.decider';
import { liveActions, type ActionPlan } from './action-plan.state';
import {
  ACTION_ID,
  GOVERNMENT,
  INDICATOR,
  MISSION,
  NGO,
  SECOND_ACTION_ID,
  added,
  amended,
  approved,
  changesRequested,
  drafted,
  planAmended,
  removed,
  reported,
  submitted,
} from './testing/action-plan.fixtures';

describe('evolve', () => {
  it('refuses a stream that does not start with ActionPlanDrafted: it is not an action plan', () => {
    expect(() => fold(actionPlanDecider, [submitted()])).toThrow(/before it was drafted/);
  });

  it('remembers the plan, its revisions, its actions (removed ones marked) and their progress', () => {
    const plan = fold(actionPlanDecider, [
      drafted(),
      added(),
      added({ actionId: SECOND_ACTION_ID, responsibleId: NGO, indicator: null }),
      submitted(),
      changesRequested(),
      planAmended(),
      amended(),
      removed({ actionId: SECOND_ACTION_ID }),
      submitted(),
      approved(),
      reported(),
      reported({ status: 'BLOCKED', actual: null, previousStatus: 'IN_PROGRESS', previousActual: 4 }),
    ]) as ActionPlan;
    expect(plan).toMatchObject({ status: 'APPROVED', leadId: MISSION, counterpartId: GOVERNMENT, periodEnd: '2027-03-31' });
    expect(plan.actions).toEqual([
      expect.objectContaining({ actionId: ACTION_ID, dueDate: '2026-07-31', indicator: INDICATOR, status: 'BLOCKED', actual: 4, removed: false }),
      expect.objectContaining({ actionId: SECOND_ACTION_ID, removed: true }),
    ]);
    expect(liveActions(plan).map((action) => action.actionId)).toEqual([ACTION_ID]);
  });
});
