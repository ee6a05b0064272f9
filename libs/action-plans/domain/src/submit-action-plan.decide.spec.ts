import { specFor } from '@coord/kernel/testing';
import { actionPlanDecider } from './action-plan.decider';
import {
  HISTORIES,
  HistoryName,
  added,
  amended,
  changesRequested,
  drafted,
  governmentCounterpart,
  missionAgencyOfficer,
  missionObserver,
  removed,
  submit,
  submitted,
  wfpOfficer,
} from './testing/action-plan.fixtures';

const given = specFor(actionPlanDecider);

describe('SubmitActionPlan', () => {
  it('submits a draft plan with an action', () => {
    given(HISTORIES['DRAFT with an action']).when(submit()).then([submitted()]);
  });

  it('resubmits a plan revised after changes were requested', () => {
    given([drafted(), added(), submitted(), changesRequested(), amended()]).when(submit()).then([submitted()]);
  });

  it('lets the lead’s agency officers submit it', () => {
    given(HISTORIES['DRAFT with an action']).when(submit({ actor: missionAgencyOfficer })).then([submitted()]);
  });

  it.each([
    ['an observer of the lead', missionObserver],
    ['the responsible agency', wfpOfficer],
    ['the counterpart', governmentCounterpart],
  ])('refuses %s, in every state', (_, actor) => {
    for (const state of Object.keys(HISTORIES) as HistoryName[]) {
      given(HISTORIES[state]).when(submit({ actor })).thenThrows('FORBIDDEN');
    }
  });

  it('cannot submit a plan that does not exist', () => {
    given([]).when(submit()).thenThrows('NOT_FOUND', { field: 'planId' });
  });

  it('cannot submit a plan without actions, nor one whose only action was removed', () => {
    given(HISTORIES.DRAFT).when(submit()).thenThrows('INVALID_TRANSITION');
    given([drafted(), added(), removed()]).when(submit()).thenThrows('INVALID_TRANSITION');
  });

  it.each(['SUBMITTED', 'APPROVED', 'CLOSED'] as const)('cannot submit a %s plan', (state) => {
    given(HISTORIES[state]).when(submit()).thenThrows('INVALID_TRANSITION');
  });
});
