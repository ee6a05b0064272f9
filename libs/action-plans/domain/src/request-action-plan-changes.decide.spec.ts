import { specFor } from '@coord/kernel/testing';
import { actionPlanDecider } from './action-plan.decider';
import {
  HISTORIES,
  HistoryName,
  changesRequested,
  governmentObserver,
  missionLiaison,
  otherCounterpart,
  requestChanges,
  wfpOfficer,
} from './testing/action-plan.fixtures';

const given = specFor(actionPlanDecider);

describe('RequestActionPlanChanges', () => {
  it('sends a submitted plan back with the counterpart’s comment', () => {
    given(HISTORIES.SUBMITTED).when(requestChanges()).then([changesRequested()]);
  });

  it.each([
    ['the lead', missionLiaison],
    ['a responsible agency', wfpOfficer],
    ['a government counterpart of another government', otherCounterpart],
    ['an observer of the counterpart', governmentObserver],
  ])('refuses %s, in every state', (_, actor) => {
    for (const state of Object.keys(HISTORIES) as HistoryName[]) {
      given(HISTORIES[state]).when(requestChanges({ actor })).thenThrows('FORBIDDEN');
    }
  });

  it('cannot review a plan that does not exist', () => {
    given([]).when(requestChanges()).thenThrows('NOT_FOUND', { field: 'planId' });
  });

  it.each(['DRAFT with an action', 'CHANGES_REQUESTED', 'APPROVED', 'CLOSED'] as const)('cannot send back a plan in %s', (state) => {
    given(HISTORIES[state]).when(requestChanges()).thenThrows('INVALID_TRANSITION');
  });

  it.each(['', '   '])('needs a comment, not %p', (comment) => {
    given(HISTORIES.SUBMITTED).when(requestChanges({ comment })).thenThrows('BAD_USER_INPUT', { field: 'comment' });
  });
});
