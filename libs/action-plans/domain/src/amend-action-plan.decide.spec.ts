import { specFor } from '@coord/kernel/testing';
import { actionPlanDecider } from './action-plan.decider';
import {
  HISTORIES,
  HistoryName,
  added,
  amendPlan,
  drafted,
  governmentCounterpart,
  missionAgencyOfficer,
  missionObserver,
  planAmended,
  removed,
  wfpOfficer,
} from './testing/action-plan.fixtures';

const given = specFor(actionPlanDecider);

describe('AmendActionPlan', () => {
  it('moves the end of a draft plan’s period, keeping the end it replaces', () => {
    given(HISTORIES['DRAFT with an action']).when(amendPlan()).then([planAmended()]);
  });

  it('amends title, scope and period at once, recording only what changed', () => {
    given(HISTORIES.DRAFT)
      .when(amendPlan({ title: 'Plan WASH révisé', adminCode: 'ML0701', periodStart: '2026-03-01', periodEnd: '2026-11-30' }))
      .then([
        planAmended({
          changes: { title: 'Plan WASH révisé', adminCode: 'ML0701', periodEnd: '2026-11-30' },
          previous: { title: 'Plan d’action WASH de Gao 2026', adminCode: 'ML07', periodEnd: '2026-12-31' },
        }),
      ]);
  });

  it('gives a plan without a scope its first one', () => {
    given([drafted({ adminCode: null })])
      .when(amendPlan({ periodEnd: null, adminCode: 'ML07' }))
      .then([planAmended({ changes: { adminCode: 'ML07' }, previous: { adminCode: null } })]);
  });

  it('records nothing when nothing changes', () => {
    given(HISTORIES.DRAFT).when(amendPlan({ periodEnd: '2026-12-31', title: 'Plan d’action WASH de Gao 2026' })).then([]);
  });

  it('revises a plan whose changes were requested', () => {
    given(HISTORIES.CHANGES_REQUESTED).when(amendPlan()).then([planAmended()]);
  });

  it('lets the lead’s agency officers amend it', () => {
    given(HISTORIES.DRAFT).when(amendPlan({ actor: missionAgencyOfficer })).then([planAmended()]);
  });

  it.each([
    ['an observer of the lead', missionObserver],
    ['the responsible agency', wfpOfficer],
    ['the counterpart', governmentCounterpart],
  ])('refuses %s, in every state', (_, actor) => {
    for (const state of Object.keys(HISTORIES) as HistoryName[]) {
      given(HISTORIES[state]).when(amendPlan({ actor })).thenThrows('FORBIDDEN');
    }
  });

  it('cannot amend a plan that does not exist', () => {
    given([]).when(amendPlan()).thenThrows('NOT_FOUND', { field: 'planId' });
  });

  it.each(['SUBMITTED', 'APPROVED', 'CLOSED'] as const)('leaves the structure of a %s plan alone', (state) => {
    given(HISTORIES[state]).when(amendPlan()).thenThrows('INVALID_TRANSITION');
  });

  describe('values', () => {
    it('refuses a period that no longer contains an action’s start', () => {
      given(HISTORIES['DRAFT with an action'])
        .when(amendPlan({ periodStart: '2026-04-01' }))
        .thenThrows('BAD_USER_INPUT', { field: 'periodStart', reason: 'ACTION_OUTSIDE_PERIOD' });
    });

    it('refuses a period that no longer contains an action’s due date', () => {
      given(HISTORIES['DRAFT with an action'])
        .when(amendPlan({ periodEnd: '2026-06-29' }))
        .thenThrows('BAD_USER_INPUT', { field: 'periodEnd', reason: 'ACTION_OUTSIDE_PERIOD' });
    });

    it('ignores removed actions when the period shrinks', () => {
      given([drafted(), added(), removed()])
        .when(amendPlan({ periodEnd: '2026-04-30' }))
        .then([planAmended({ changes: { periodEnd: '2026-04-30' }, previous: { periodEnd: '2026-12-31' } })]);
    });

    it('refuses a period that ends before it starts', () => {
      given(HISTORIES.DRAFT).when(amendPlan({ periodEnd: '2026-02-01' })).thenThrows('BAD_USER_INPUT', { field: 'periodEnd', reason: 'END_BEFORE_START' });
    });

    it('refuses an impossible date', () => {
      given(HISTORIES.DRAFT).when(amendPlan({ periodStart: '2026-02-30' })).thenThrows('BAD_USER_INPUT', { field: 'periodStart' });
    });

    it('refuses an empty title', () => {
      given(HISTORIES.DRAFT).when(amendPlan({ title: ' ' })).thenThrows('BAD_USER_INPUT', { field: 'title' });
    });
  });
});
