import { specFor } from '@coord/kernel/testing';
import type { ActionStatus } from '@coord/contracts';
import { actionPlanDecider } from './action-plan.decider';
import {
  HISTORIES,
  HistoryName,
  NGO,
  SECOND_ACTION_ID,
  added,
  approved,
  drafted,
  governmentCounterpart,
  missionLiaison,
  ngoOfficer,
  report,
  reported,
  submitted,
  wfpObserver,
} from './testing/action-plan.fixtures';

const given = specFor(actionPlanDecider);

describe('ReportActionProgress', () => {
  it('records the responsible organisation’s progress on an approved plan', () => {
    given(HISTORIES.APPROVED).when(report()).then([reported()]);
  });

  it('keeps the status and value it replaces', () => {
    given([...HISTORIES.APPROVED, reported()])
      .when(report({ status: 'DONE', actual: 12, note: null }))
      .then([reported({ status: 'DONE', previousStatus: 'IN_PROGRESS', actual: 12, previousActual: 4, note: null })]);
  });

  it('reports a status without a value: the last value stands', () => {
    given([...HISTORIES.APPROVED, reported()])
      .when(report({ status: 'BLOCKED', actual: null, note: 'Road cut' }))
      .then([reported({ status: 'BLOCKED', previousStatus: 'IN_PROGRESS', actual: null, previousActual: 4, note: 'Road cut' })]);
  });

  it.each(['PLANNED', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'CANCELLED'] as const)('moves a planned action to %s', (status) => {
    given(HISTORIES.APPROVED).when(report({ status })).then([reported({ status })]);
  });

  it('accepts zero as an actual value', () => {
    given(HISTORIES.APPROVED).when(report({ actual: 0 })).then([reported({ actual: 0 })]);
  });

  it('reports on an action without an indicator, with no value', () => {
    const history = [drafted(), added({ indicator: null }), submitted(), approved()];
    given(history).when(report({ actual: null })).then([reported({ actual: null })]);
  });

  describe('only the responsible organisation reports', () => {
    it.each([
      ['the lead', missionLiaison],
      ['an agency that is not responsible', ngoOfficer],
      ['the counterpart', governmentCounterpart],
      ['an observer of the responsible agency', wfpObserver],
    ])('refuses %s, in every state that has the action', (_, actor) => {
      // The action is looked up first, since who may report is its responsible organisation.
      for (const state of (Object.keys(HISTORIES) as HistoryName[]).filter((name) => name !== 'DRAFT')) {
        given(HISTORIES[state]).when(report({ actor })).thenThrows('FORBIDDEN');
      }
    });

    it('lets each organisation report on its own action', () => {
      const history = [drafted(), added(), added({ actionId: SECOND_ACTION_ID, responsibleId: NGO }), submitted(), approved()];
      given(history)
        .when(report({ actor: ngoOfficer, actionId: SECOND_ACTION_ID }))
        .then([reported({ actionId: SECOND_ACTION_ID })]);
    });
  });

  it('cannot report on a plan that does not exist', () => {
    given([]).when(report()).thenThrows('NOT_FOUND', { field: 'planId' });
  });

  it('cannot report on an action the plan does not have', () => {
    given(HISTORIES.APPROVED).when(report({ actionId: SECOND_ACTION_ID })).thenThrows('NOT_FOUND', { field: 'actionId' });
  });

  it.each(['DRAFT with an action', 'SUBMITTED', 'CHANGES_REQUESTED', 'CLOSED'] as const)('reports nothing on a plan in %s', (state) => {
    given(HISTORIES[state]).when(report()).thenThrows('INVALID_TRANSITION');
  });

  it.each(['DONE', 'CANCELLED'] as const)('reports nothing more once an action is %s', (status) => {
    given([...HISTORIES.APPROVED, reported({ status })]).when(report()).thenThrows('INVALID_TRANSITION');
  });

  describe('values', () => {
    it.each([-1, -0.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses the actual value %p', (actual) => {
      given(HISTORIES.APPROVED).when(report({ actual })).thenThrows('BAD_USER_INPUT', { field: 'actual' });
    });

    it('refuses an actual value for an action without an indicator', () => {
      const history = [drafted(), added({ indicator: null }), submitted(), approved()];
      given(history).when(report({ actual: 3 })).thenThrows('BAD_USER_INPUT', { field: 'actual', reason: 'NO_INDICATOR' });
    });

    it('refuses an unknown status', () => {
      given(HISTORIES.APPROVED).when(report({ status: 'STARTED' as ActionStatus })).thenThrows('BAD_USER_INPUT', { field: 'status' });
    });

    it('refuses a blank note', () => {
      given(HISTORIES.APPROVED).when(report({ note: ' ' })).thenThrows('BAD_USER_INPUT', { field: 'note' });
    });
  });
});
