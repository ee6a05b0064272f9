import { specFor } from '@coord/kernel/testing';
import { actionPlanDecider } from './action-plan.decider';
import {
  HISTORIES,
  HistoryName,
  approve,
  approved,
  governmentLiaison,
  governmentObserver,
  missionCounterpart,
  missionLiaison,
  otherCounterpart,
} from './testing/action-plan.fixtures';

const given = specFor(actionPlanDecider);

describe('ApproveActionPlan', () => {
  it('approves a submitted plan on behalf of the counterpart organisation', () => {
    given(HISTORIES.SUBMITTED).when(approve()).then([approved()]);
  });

  it('approves with a comment', () => {
    given(HISTORIES.SUBMITTED).when(approve({ comment: 'Good plan' })).then([approved({ comment: 'Good plan' })]);
  });

  describe('only the counterpart’s government counterparts approve', () => {
    it.each([
      ['the lead', missionLiaison],
      ['a government counterpart of another government', otherCounterpart],
      ['an observer of the counterpart', governmentObserver],
      ['a liaison officer of the counterpart', governmentLiaison],
      ['a user of the lead with the counterpart role', missionCounterpart],
    ])('refuses %s, in every state', (_, actor) => {
      for (const state of Object.keys(HISTORIES) as HistoryName[]) {
        given(HISTORIES[state]).when(approve({ actor })).thenThrows('FORBIDDEN');
      }
    });
  });

  it('cannot approve a plan that does not exist', () => {
    given([]).when(approve()).thenThrows('NOT_FOUND', { field: 'planId' });
  });

  it.each(['DRAFT', 'DRAFT with an action', 'CHANGES_REQUESTED', 'APPROVED', 'CLOSED'] as const)('cannot approve a plan in %s', (state) => {
    given(HISTORIES[state]).when(approve()).thenThrows('INVALID_TRANSITION');
  });

  it('refuses a blank comment', () => {
    given(HISTORIES.SUBMITTED).when(approve({ comment: ' ' })).thenThrows('BAD_USER_INPUT', { field: 'comment' });
  });
});
