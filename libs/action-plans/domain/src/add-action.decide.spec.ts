import { specFor } from '@coord/kernel/testing';
import type { Sector } from '@coord/contracts';
import { actionPlanDecider } from './action-plan.decider';
import {
  ACTION_ID,
  DECISION_ID,
  HISTORIES,
  HistoryName,
  INDICATOR,
  NGO,
  SECOND_ACTION_ID,
  add,
  added,
  drafted,
  governmentCounterpart,
  missionAdmin,
  missionObserver,
  removed,
  wfpOfficer,
} from './testing/action-plan.fixtures';

const given = specFor(actionPlanDecider);

describe('AddAction', () => {
  it('adds an action with its indicator to a draft plan', () => {
    given(HISTORIES.DRAFT).when(add()).then([added()]);
  });

  it('adds an action without an indicator', () => {
    given(HISTORIES.DRAFT).when(add({ indicator: null })).then([added({ indicator: null })]);
  });

  it('adds a second action, for another organisation', () => {
    given(HISTORIES['DRAFT with an action'])
      .when(add({ actionId: SECOND_ACTION_ID, responsibleId: NGO }))
      .then([added({ actionId: SECOND_ACTION_ID, responsibleId: NGO })]);
  });

  it('adds an action to a plan whose changes were requested', () => {
    given(HISTORIES.CHANGES_REQUESTED)
      .when(add({ actionId: SECOND_ACTION_ID }))
      .then([added({ actionId: SECOND_ACTION_ID })]);
  });

  it('keeps the decision an action carries out', () => {
    given(HISTORIES.DRAFT).when(add({ sourceDecisionId: DECISION_ID })).then([added({ sourceDecisionId: DECISION_ID })]);
  });

  it('accepts an action on the first and last days of the period', () => {
    given(HISTORIES.DRAFT)
      .when(add({ startDate: '2026-03-01', dueDate: '2026-12-31' }))
      .then([added({ startDate: '2026-03-01', dueDate: '2026-12-31' })]);
  });

  it('accepts an action due the day it starts', () => {
    given(HISTORIES.DRAFT).when(add({ dueDate: '2026-03-15' })).then([added({ dueDate: '2026-03-15' })]);
  });

  describe('only the lead’s officers add actions', () => {
    it.each([
      ['an observer of the lead', missionObserver],
      ['an admin of the lead', missionAdmin],
      ['the responsible agency', wfpOfficer],
      ['the counterpart', governmentCounterpart],
    ])('refuses %s, in every state', (_, actor) => {
      for (const state of Object.keys(HISTORIES) as HistoryName[]) {
        given(HISTORIES[state]).when(add({ actor, actionId: SECOND_ACTION_ID })).thenThrows('FORBIDDEN');
      }
    });
  });

  it('cannot add to a plan that does not exist', () => {
    given([]).when(add()).thenThrows('NOT_FOUND', { field: 'planId' });
  });

  it.each(['SUBMITTED', 'APPROVED', 'APPROVED with the action done', 'CLOSED'] as const)('changes no structure of a %s plan', (state) => {
    given(HISTORIES[state]).when(add({ actionId: SECOND_ACTION_ID })).thenThrows('INVALID_TRANSITION');
  });

  it('refuses an action id already used, even by a removed action', () => {
    given(HISTORIES['DRAFT with an action']).when(add()).thenThrows('CONFLICT', { reason: 'ALREADY_EXISTS' });
    given([drafted(), added(), removed()]).when(add({ actionId: ACTION_ID })).thenThrows('CONFLICT', { reason: 'ALREADY_EXISTS' });
  });

  it('plans a decision once, even after its action was removed', () => {
    const history = [drafted(), added({ sourceDecisionId: DECISION_ID }), removed()];
    given(history)
      .when(add({ actionId: SECOND_ACTION_ID, sourceDecisionId: DECISION_ID }))
      .thenThrows('CONFLICT', { reason: 'DECISION_ALREADY_PLANNED' });
  });

  describe('values', () => {
    it.each(['', '  '])('refuses the description %p', (description) => {
      given(HISTORIES.DRAFT).when(add({ description })).thenThrows('BAD_USER_INPUT', { field: 'description' });
    });

    it('refuses an empty responsible organisation', () => {
      given(HISTORIES.DRAFT).when(add({ responsibleId: '' })).thenThrows('BAD_USER_INPUT', { field: 'responsibleId' });
    });

    it('refuses an unknown sector', () => {
      given(HISTORIES.DRAFT).when(add({ sector: 'WATER' as Sector })).thenThrows('BAD_USER_INPUT', { field: 'sector' });
    });

    it('refuses an empty place', () => {
      given(HISTORIES.DRAFT).when(add({ adminCode: '' })).thenThrows('BAD_USER_INPUT', { field: 'adminCode' });
    });

    it.each([
      ['startDate', '2026-02-30'],
      ['dueDate', '30/06/2026'],
    ] as const)('refuses the %s %p', (field, value) => {
      given(HISTORIES.DRAFT).when(add({ [field]: value })).thenThrows('BAD_USER_INPUT', { field });
    });

    it('refuses a due date before the start date', () => {
      given(HISTORIES.DRAFT).when(add({ dueDate: '2026-03-14' })).thenThrows('BAD_USER_INPUT', { field: 'dueDate', reason: 'DUE_BEFORE_START' });
    });

    it('refuses an action starting before the plan’s period', () => {
      given(HISTORIES.DRAFT).when(add({ startDate: '2026-02-28' })).thenThrows('BAD_USER_INPUT', { field: 'startDate', reason: 'OUTSIDE_PERIOD' });
    });

    it('refuses an action due after the plan’s period', () => {
      given(HISTORIES.DRAFT).when(add({ dueDate: '2027-01-01' })).thenThrows('BAD_USER_INPUT', { field: 'dueDate', reason: 'OUTSIDE_PERIOD' });
    });

    it.each([
      ['indicator.name', { ...INDICATOR, name: ' ' }],
      ['indicator.unit', { ...INDICATOR, unit: '' }],
      ['indicator.baseline', { ...INDICATOR, baseline: -1 }],
      ['indicator.target', { ...INDICATOR, target: Number.NaN }],
      ['indicator.target', { ...INDICATOR, target: Number.POSITIVE_INFINITY }],
    ])('refuses an indicator with a bad %s', (field, indicator) => {
      given(HISTORIES.DRAFT).when(add({ indicator })).thenThrows('BAD_USER_INPUT', { field });
    });
  });
});
