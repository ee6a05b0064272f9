import { specFor } from '@coord/kernel/testing';
import { actionPlanDecider } from './action-plan.decider';
import {
  HISTORIES,
  HistoryName,
  added,
  drafted,
  governmentCounterpart,
  missionObserver,
  remove,
  removed,
  wfpOfficer,
} from './testing/action-plan.fixtures';

const given = specFor(actionPlanDecider);

describe('RemoveAction', () => {
  it('removes an action from a draft plan, with a reason', () => {
    given(HISTORIES['DRAFT with an action']).when(remove()).then([removed()]);
  });

  it('removes an action without saying why', () => {
    given(HISTORIES['DRAFT with an action']).when(remove({ reason: null })).then([removed({ reason: null })]);
  });

  it('removes an action of a plan whose changes were requested', () => {
    given(HISTORIES.CHANGES_REQUESTED).when(remove()).then([removed()]);
  });

  it.each([
    ['an observer of the lead', missionObserver],
    ['the responsible agency', wfpOfficer],
    ['the counterpart', governmentCounterpart],
  ])('refuses %s, in every state', (_, actor) => {
    for (const state of Object.keys(HISTORIES) as HistoryName[]) {
      given(HISTORIES[state]).when(remove({ actor })).thenThrows('FORBIDDEN');
    }
  });

  it('cannot remove from a plan that does not exist', () => {
    given([]).when(remove()).thenThrows('NOT_FOUND', { field: 'planId' });
  });

  it('removes an action once', () => {
    given([drafted(), added(), removed()]).when(remove()).thenThrows('NOT_FOUND', { field: 'actionId' });
  });

  it.each(['SUBMITTED', 'APPROVED', 'CLOSED'] as const)('removes no action of a %s plan', (state) => {
    given(HISTORIES[state]).when(remove()).thenThrows('INVALID_TRANSITION');
  });

  it('refuses a blank reason', () => {
    given(HISTORIES['DRAFT with an action']).when(remove({ reason: '  ' })).thenThrows('BAD_USER_INPUT', { field: 'reason' });
  });
});
