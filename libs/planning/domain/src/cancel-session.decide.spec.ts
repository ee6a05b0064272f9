import { specFor } from '@coord/kernel/testing';
import { committeeDecider } from './committee.decider';
import {
  DURING,
  HISTORIES,
  STARTS_AT,
  cancel,
  cancelled,
  chairAdmin,
  chairObserver,
  memberLiaison,
  outsiderLiaison,
  rescheduled,
} from './testing/committee.fixtures';

const given = specFor(committeeDecider);

describe('CancelSession', () => {
  it('cancels a session to come, with its reason', () => {
    given(HISTORIES.SCHEDULED).when(cancel()).then([cancelled()]);
  });

  it('cancels a moved session while it is still to come', () => {
    given(HISTORIES.RESCHEDULED).when(cancel({ at: new Date('2026-03-10T10:00:00Z') })).then([cancelled({ cancelledAt: '2026-03-10T10:00:00.000Z' })]);
  });

  it('cannot cancel in a committee that does not exist', () => {
    given([]).when(cancel()).thenThrows('NOT_FOUND', { field: 'committeeId' });
  });

  it('cannot cancel a session the committee never scheduled', () => {
    given(HISTORIES.FORMED).when(cancel()).thenThrows('NOT_FOUND', { field: 'sessionId' });
  });

  describe('who may cancel (only the chair organisation’s liaison officers)', () => {
    it.each([
      ['an admin of the chair', chairAdmin],
      ['an observer of the chair', chairObserver],
      ['a liaison officer of a member', memberLiaison],
      ['a liaison officer of an outsider', outsiderLiaison],
    ])('refuses %s', (_, actor) => {
      given(HISTORIES.SCHEDULED).when(cancel({ actor })).thenThrows('FORBIDDEN');
    });
  });

  describe('only a session to come is cancelled', () => {
    it('refuses a session under way', () => {
      given(HISTORIES.SCHEDULED).when(cancel({ at: DURING })).thenThrows('INVALID_TRANSITION');
    });

    it('refuses a session at the moment it starts', () => {
      given(HISTORIES.SCHEDULED).when(cancel({ at: STARTS_AT })).thenThrows('INVALID_TRANSITION');
    });

    it('refuses a session cancelled already', () => {
      given(HISTORIES.CANCELLED).when(cancel()).thenThrows('INVALID_TRANSITION');
    });

    it('refuses a concluded session', () => {
      given(HISTORIES.CONCLUDED).when(cancel()).thenThrows('INVALID_TRANSITION');
    });

    it('judges a moved session by its new start', () => {
      given([...HISTORIES.SCHEDULED, rescheduled()]).when(cancel({ at: DURING })).then([cancelled({ cancelledAt: DURING.toISOString() })]);
    });
  });

  it('needs a reason', () => {
    given(HISTORIES.SCHEDULED).when(cancel({ reason: ' ' })).thenThrows('BAD_USER_INPUT', { field: 'reason' });
  });
});
