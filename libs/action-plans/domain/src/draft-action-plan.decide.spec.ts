import { specFor } from '@coord/kernel/testing';
import { actionPlanDecider } from './action-plan.decider';
import {
  GOVERNMENT,
  HISTORIES,
  HistoryName,
  MISSION,
  draft,
  drafted,
  governmentCounterpart,
  missionAdmin,
  missionAgencyOfficer,
  missionObserver,
  wfpOfficer,
} from './testing/action-plan.fixtures';

const given = specFor(actionPlanDecider);

describe('DraftActionPlan', () => {
  it('drafts a plan led by the officer’s own organisation, for a host-government counterpart', () => {
    given([]).when(draft()).then([drafted()]);
  });

  it('lets an agency officer draft one for their own organisation', () => {
    given([])
      .when(draft({ actor: wfpOfficer, leadId: wfpOfficer.organizationId }))
      .then([drafted({ leadId: wfpOfficer.organizationId })]);
  });

  it('drafts a plan without a scope location', () => {
    given([]).when(draft({ adminCode: null })).then([drafted({ adminCode: null })]);
  });

  it('drafts a plan of a single day', () => {
    given([]).when(draft({ periodEnd: '2026-03-01' })).then([drafted({ periodEnd: '2026-03-01' })]);
  });

  it('records the committee of a standing plan drafted by the decision → action policy', () => {
    given([]).when(draft({ committeeId: 'Committee-1' })).then([drafted({ committeeId: 'Committee-1' })]);
  });

  describe('authority', () => {
    it.each([
      ['an observer', missionObserver],
      ['an admin', missionAdmin],
      ['a government counterpart', governmentCounterpart],
    ])('refuses %s', (_, actor) => {
      given([]).when(draft({ actor, leadId: actor.organizationId })).thenThrows('FORBIDDEN');
    });

    it('refuses a plan led by another organisation than the officer’s', () => {
      given([]).when(draft({ actor: wfpOfficer, leadId: MISSION })).thenThrows('FORBIDDEN');
    });

    it('lets the lead’s agency officers draft as well as its liaison officers', () => {
      given([]).when(draft({ actor: missionAgencyOfficer })).then([drafted()]);
    });
  });

  it.each(Object.keys(HISTORIES) as HistoryName[])('cannot draft over an existing plan (%s)', (state) => {
    given(HISTORIES[state]).when(draft()).thenThrows('CONFLICT', { reason: 'ALREADY_EXISTS' });
  });

  describe('values', () => {
    it.each(['', '   '])('refuses the title %p', (title) => {
      given([]).when(draft({ title })).thenThrows('BAD_USER_INPUT', { field: 'title' });
    });

    it('refuses the lead as its own counterpart', () => {
      given([]).when(draft({ counterpartId: MISSION })).thenThrows('BAD_USER_INPUT', { field: 'counterpartId', reason: 'COUNTERPART_IS_LEAD' });
    });

    it.each(['UN_AGENCY', 'NGO', 'PEACEKEEPING_MISSION', 'COMMUNITY', null] as const)('refuses a counterpart of kind %p', (counterpartKind) => {
      given([]).when(draft({ counterpartKind })).thenThrows('BAD_USER_INPUT', { field: 'counterpartId', reason: 'NOT_HOST_GOVERNMENT' });
    });

    it('refuses an empty counterpart', () => {
      given([]).when(draft({ counterpartId: ' ' })).thenThrows('BAD_USER_INPUT', { field: 'counterpartId' });
    });

    it('refuses an empty scope', () => {
      given([]).when(draft({ adminCode: '' })).thenThrows('BAD_USER_INPUT', { field: 'adminCode' });
    });

    it.each(['2026-02-30', '01/03/2026', ''])('refuses the period start %p', (periodStart) => {
      given([]).when(draft({ periodStart })).thenThrows('BAD_USER_INPUT', { field: 'periodStart' });
    });

    it('refuses a period that ends before it starts', () => {
      given([]).when(draft({ periodEnd: '2026-02-28' })).thenThrows('BAD_USER_INPUT', { field: 'periodEnd', reason: 'END_BEFORE_START' });
    });
  });

  it('keeps the counterpart named in the command', () => {
    given([]).when(draft()).then([drafted({ counterpartId: GOVERNMENT })]);
  });
});
