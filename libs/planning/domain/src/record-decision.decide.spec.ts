import { specFor } from '@coord/kernel/testing';
import type { Sector } from '@coord/contracts';
import { committeeDecider } from './committee.decider';
import {
  ACTION_ITEM,
  AT,
  DECISION_ID,
  HISTORIES,
  NGO,
  SECOND_SESSION_ID,
  chairObserver,
  decisionRecorded,
  memberLiaison,
  outsiderLiaison,
  recordDecision,
  scheduled,
} from './testing/committee.fixtures';

const given = specFor(committeeDecider);

describe('RecordDecision', () => {
  it('records a decision with its action item, for the action plan to pick up', () => {
    given(HISTORIES.SCHEDULED).when(recordDecision()).then([decisionRecorded()]);
  });

  it('records a decision without an action item', () => {
    given(HISTORIES.SCHEDULED).when(recordDecision({ actionItem: null })).then([decisionRecorded({ actionItem: null })]);
    given(HISTORIES.SCHEDULED).when(recordDecision({ actionItem: undefined })).then([decisionRecorded({ actionItem: null })]);
  });

  it('needs neither a sector nor a location for the action item', () => {
    const actionItem = { ...ACTION_ITEM, sector: null, adminCode: null };
    given(HISTORIES.SCHEDULED).when(recordDecision({ actionItem })).then([decisionRecorded({ actionItem })]);
  });

  it('records several decisions of one session', () => {
    given([...HISTORIES.SCHEDULED, decisionRecorded()])
      .when(recordDecision({ decisionId: 'd-2', text: 'Meet again in a month', actionItem: null }))
      .then([decisionRecorded({ decisionId: 'd-2', text: 'Meet again in a month', actionItem: null })]);
  });

  it('cannot record for a session the committee never scheduled', () => {
    given(HISTORIES.FORMED).when(recordDecision()).thenThrows('NOT_FOUND', { field: 'sessionId' });
  });

  describe('who records (the chair organisation’s liaison officers)', () => {
    it.each([
      ['an observer of the chair', chairObserver],
      ['a liaison officer of a member', memberLiaison],
      ['a liaison officer of an outsider', outsiderLiaison],
    ])('refuses %s', (_, actor) => {
      given(HISTORIES.SCHEDULED).when(recordDecision({ actor })).thenThrows('FORBIDDEN');
    });
  });

  describe('nothing is recorded on a cancelled or concluded session', () => {
    it('refuses a cancelled session', () => {
      given(HISTORIES.CANCELLED).when(recordDecision()).thenThrows('INVALID_TRANSITION');
    });

    it('refuses a concluded session', () => {
      given(HISTORIES.CONCLUDED).when(recordDecision({ decisionId: 'd-2' })).thenThrows('INVALID_TRANSITION');
    });

    it('refuses a session that has not started', () => {
      given(HISTORIES.SCHEDULED).when(recordDecision({ at: AT })).thenThrows('INVALID_TRANSITION');
    });
  });

  it('refuses a decision id recorded before, in any session', () => {
    const second = scheduled({ sessionId: SECOND_SESSION_ID, startsAt: '2026-03-10T12:00:00.000Z', endsAt: '2026-03-10T13:00:00.000Z' });
    given([...HISTORIES.SCHEDULED, second, decisionRecorded({ sessionId: SECOND_SESSION_ID })])
      .when(recordDecision({ decisionId: DECISION_ID }))
      .thenThrows('CONFLICT', { reason: 'ALREADY_EXISTS' });
  });

  describe('values', () => {
    it('refuses an empty text', () => {
      given(HISTORIES.SCHEDULED).when(recordDecision({ text: '' })).thenThrows('BAD_USER_INPUT', { field: 'text' });
    });

    it('makes only a member responsible for an action', () => {
      given(HISTORIES.SCHEDULED)
        .when(recordDecision({ actionItem: { ...ACTION_ITEM, responsibleId: NGO } }))
        .thenThrows('BAD_USER_INPUT', { field: 'actionItem.responsibleId', reason: 'NOT_A_MEMBER' });
    });

    it('refuses an action without a description', () => {
      given(HISTORIES.SCHEDULED)
        .when(recordDecision({ actionItem: { ...ACTION_ITEM, description: ' ' } }))
        .thenThrows('BAD_USER_INPUT', { field: 'actionItem.description' });
    });

    it.each(['2026-02-30', '15/04/2026', ''])('refuses the due date %p', (dueDate) => {
      given(HISTORIES.SCHEDULED).when(recordDecision({ actionItem: { ...ACTION_ITEM, dueDate } })).thenThrows('BAD_USER_INPUT', { field: 'actionItem.dueDate' });
    });

    it('refuses an unknown sector', () => {
      given(HISTORIES.SCHEDULED)
        .when(recordDecision({ actionItem: { ...ACTION_ITEM, sector: 'COOKING' as Sector } }))
        .thenThrows('BAD_USER_INPUT', { field: 'actionItem.sector' });
    });

    it('refuses an empty location', () => {
      given(HISTORIES.SCHEDULED)
        .when(recordDecision({ actionItem: { ...ACTION_ITEM, adminCode: '' } }))
        .thenThrows('BAD_USER_INPUT', { field: 'actionItem.adminCode' });
    });
  });
});
