import { specFor } from '@coord/kernel/testing';
import { actionPlanDecider } from './action-plan.decider';
import {
  HISTORIES,
  HistoryName,
  close,
  closed,
  governmentCounterpart,
  missionAgencyOfficer,
  missionObserver,
  wfpOfficer,
} from './testing/action-plan.fixtures';

const given = specFor(actionPlanDecider);

describe('CloseActionPlan', () => {
  it('closes an approved plan', () => {
    given(HISTORIES.APPROVED).when(close()).then([closed()]);
  });

  it('closes an approved plan whose actions are done, by an agency officer of the lead', () => {
    given(HISTORIES['APPROVED with the action done']).when(close({ actor: missionAgencyOfficer })).then([closed()]);
  });

  it.each([
    ['an observer of the lead', missionObserver],
    ['a responsible agency', wfpOfficer],
    ['the counterpart', governmentCounterpart],
  ])('refuses %s, in every state', (_, actor) => {
    for (const state of Object.keys(HISTORIES) as HistoryName[]) {
      given(HISTORIES[state]).when(close({ actor })).thenThrows('FORBIDDEN');
    }
  });

  it('cannot close a plan that does not exist', () => {
    given([]).when(close()).thenThrows('NOT_FOUND', { field: 'planId' });
  });

  it.each(['DRAFT', 'DRAFT with an action', 'SUBMITTED', 'CHANGES_REQUESTED', 'CLOSED'] as const)('cannot close a plan in %s', (state) => {
    given(HISTORIES[state]).when(close()).thenThrows('INVALID_TRANSITION');
  });
});
