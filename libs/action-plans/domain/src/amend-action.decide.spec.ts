import { specFor } from '@coord/kernel/testing';
import { actionPlanDecider } from './action-plan.decider';
import {
  HISTORIES,
  HistoryName,
  INDICATOR,
  NGO,
  WFP,
  added,
  amend,
  amended,
  drafted,
  governmentCounterpart,
  missionObserver,
  removed,
  wfpOfficer,
} from './testing/action-plan.fixtures';

const given = specFor(actionPlanDecider);

describe('AmendAction', () => {
  it('moves an action’s due date, keeping the one it replaces', () => {
    given(HISTORIES['DRAFT with an action']).when(amend()).then([amended()]);
  });

  it('hands an action to another organisation and retargets its indicator', () => {
    const indicator = { ...INDICATOR, target: 15 };
    given(HISTORIES['DRAFT with an action'])
      .when(amend({ dueDate: null, responsibleId: NGO, indicator }))
      .then([amended({ changes: { responsibleId: NGO, indicator }, previous: { responsibleId: WFP, indicator: INDICATOR } })]);
  });

  it('gives an action without an indicator its first one', () => {
    given([drafted(), added({ indicator: null })])
      .when(amend({ dueDate: null, indicator: INDICATOR }))
      .then([amended({ changes: { indicator: INDICATOR }, previous: { indicator: null } })]);
  });

  it('records nothing when nothing changes', () => {
    given(HISTORIES['DRAFT with an action']).when(amend({ dueDate: '2026-06-30', indicator: { ...INDICATOR } })).then([]);
  });

  it('revises an action of a plan whose changes were requested', () => {
    given(HISTORIES.CHANGES_REQUESTED).when(amend()).then([amended()]);
  });

  it.each([
    ['an observer of the lead', missionObserver],
    ['the responsible agency', wfpOfficer],
    ['the counterpart', governmentCounterpart],
  ])('refuses %s, in every state', (_, actor) => {
    for (const state of Object.keys(HISTORIES) as HistoryName[]) {
      given(HISTORIES[state]).when(amend({ actor })).thenThrows('FORBIDDEN');
    }
  });

  it('cannot amend in a plan that does not exist', () => {
    given([]).when(amend()).thenThrows('NOT_FOUND', { field: 'planId' });
  });

  it('cannot amend an action the plan does not have, or no longer has', () => {
    given(HISTORIES.DRAFT).when(amend()).thenThrows('NOT_FOUND', { field: 'actionId' });
    given([drafted(), added(), removed()]).when(amend()).thenThrows('NOT_FOUND', { field: 'actionId' });
  });

  it.each(['SUBMITTED', 'APPROVED', 'CLOSED'] as const)('changes no action of a %s plan', (state) => {
    given(HISTORIES[state]).when(amend()).thenThrows('INVALID_TRANSITION');
  });

  describe('values, judged on the amended action as a whole', () => {
    it('refuses a new start after the due date it keeps', () => {
      given(HISTORIES['DRAFT with an action'])
        .when(amend({ dueDate: null, startDate: '2026-07-01' }))
        .thenThrows('BAD_USER_INPUT', { field: 'dueDate', reason: 'DUE_BEFORE_START' });
    });

    it('refuses a due date past the plan’s period', () => {
      given(HISTORIES['DRAFT with an action']).when(amend({ dueDate: '2027-01-15' })).thenThrows('BAD_USER_INPUT', { field: 'dueDate', reason: 'OUTSIDE_PERIOD' });
    });

    it('refuses an empty description', () => {
      given(HISTORIES['DRAFT with an action']).when(amend({ description: ' ' })).thenThrows('BAD_USER_INPUT', { field: 'description' });
    });

    it('refuses a negative target', () => {
      given(HISTORIES['DRAFT with an action'])
        .when(amend({ indicator: { ...INDICATOR, target: -3 } }))
        .thenThrows('BAD_USER_INPUT', { field: 'indicator.target' });
    });
  });
});
