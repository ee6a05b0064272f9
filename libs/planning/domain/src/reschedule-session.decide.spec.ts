import { specFor } from '@coord/kernel/testing';
import { committeeDecider } from './committee.decider';
import {
  DURING,
  HISTORIES,
  OTHER_COMMITTEE_ID,
  SECOND_SESSION_ID,
  STARTS_AT,
  WFP,
  bookedElsewhere,
  chairAdmin,
  chairObserver,
  cancelled,
  memberLiaison,
  outsiderLiaison,
  reschedule,
  rescheduled,
  scheduled,
} from './testing/committee.fixtures';

const given = specFor(committeeDecider);
const at = (iso: string) => new Date(iso);
const TWO_SESSIONS = [
  ...HISTORIES.SCHEDULED,
  scheduled({ sessionId: SECOND_SESSION_ID, startsAt: '2026-03-11T09:00:00.000Z', endsAt: '2026-03-11T12:00:00.000Z' }),
];

describe('RescheduleSession', () => {
  it('moves a session to come, remembering where it was', () => {
    given(HISTORIES.SCHEDULED).when(reschedule()).then([rescheduled()]);
  });

  it('moves a session again', () => {
    given(HISTORIES.RESCHEDULED)
      .when(reschedule({ startsAt: at('2026-03-12T14:00:00+02:00'), endsAt: at('2026-03-12T15:00:00+02:00') }))
      .then([
        rescheduled({
          startsAt: '2026-03-12T12:00:00.000Z',
          endsAt: '2026-03-12T13:00:00.000Z',
          previousStartsAt: '2026-03-11T09:00:00.000Z',
          previousEndsAt: '2026-03-11T12:00:00.000Z',
        }),
      ]);
  });

  it('may overlap the session’s own former slot', () => {
    given(HISTORIES.SCHEDULED)
      .when(reschedule({ startsAt: at('2026-03-10T10:00:00Z'), endsAt: at('2026-03-10T13:00:00Z') }))
      .then([rescheduled({ startsAt: '2026-03-10T10:00:00.000Z', endsAt: '2026-03-10T13:00:00.000Z' })]);
  });

  it('cannot move a session of a committee that does not exist', () => {
    given([]).when(reschedule()).thenThrows('NOT_FOUND', { field: 'committeeId' });
  });

  it('cannot move a session the committee never scheduled', () => {
    given(HISTORIES.FORMED).when(reschedule()).thenThrows('NOT_FOUND', { field: 'sessionId' });
  });

  describe('who may move (only the chair organisation’s liaison officers)', () => {
    it.each([
      ['an admin of the chair', chairAdmin],
      ['an observer of the chair', chairObserver],
      ['a liaison officer of a member', memberLiaison],
      ['a liaison officer of an outsider', outsiderLiaison],
    ])('refuses %s', (_, actor) => {
      given(HISTORIES.SCHEDULED).when(reschedule({ actor })).thenThrows('FORBIDDEN');
    });

    it('answers an outsider FORBIDDEN for a session that does not exist', () => {
      given(HISTORIES.FORMED).when(reschedule({ actor: outsiderLiaison })).thenThrows('FORBIDDEN');
    });
  });

  describe('only a session to come is moved', () => {
    it.each([
      ['under way', DURING],
      ['starting now', STARTS_AT],
      ['over', at('2026-03-20T09:00:00Z')],
    ])('refuses a session %s', (_, when) => {
      given(HISTORIES.SCHEDULED)
        .when(reschedule({ at: when, startsAt: at('2026-04-01T09:00:00Z'), endsAt: at('2026-04-01T10:00:00Z') }))
        .thenThrows('INVALID_TRANSITION');
    });

    it('refuses a cancelled session', () => {
      given(HISTORIES.CANCELLED).when(reschedule()).thenThrows('INVALID_TRANSITION');
    });

    it('refuses a concluded session', () => {
      given(HISTORIES.CONCLUDED).when(reschedule()).thenThrows('INVALID_TRANSITION');
    });

    it('refuses to move a session into the past', () => {
      given(HISTORIES.SCHEDULED)
        .when(reschedule({ startsAt: at('2026-03-01T09:00:00Z'), endsAt: at('2026-03-01T10:00:00Z') }))
        .thenThrows('BAD_USER_INPUT', { field: 'startsAt' });
    });
  });

  describe('values', () => {
    it('refuses a session that would end before it starts', () => {
      given(HISTORIES.SCHEDULED)
        .when(reschedule({ startsAt: at('2026-03-11T12:00:00Z'), endsAt: at('2026-03-11T09:00:00Z') }))
        .thenThrows('BAD_USER_INPUT', { field: 'endsAt' });
    });

    it('refuses a move to the slot it already has', () => {
      given(HISTORIES.RESCHEDULED).when(reschedule()).thenThrows('BAD_USER_INPUT', { field: 'startsAt', reason: 'UNCHANGED' });
    });
  });

  it('refuses a move onto another session of the committee', () => {
    given(TWO_SESSIONS).when(reschedule()).thenThrows('CONFLICT', { reason: 'SESSION_OVERLAP' });
  });

  it('moves onto the slot of a cancelled session', () => {
    given([...TWO_SESSIONS, cancelled({ sessionId: SECOND_SESSION_ID })])
      .when(reschedule())
      .then([rescheduled()]);
  });

  describe('members booked elsewhere', () => {
    const clashing = bookedElsewhere({ startsAt: '2026-03-11T08:00:00.000Z', endsAt: '2026-03-11T10:00:00.000Z' });

    it('refuses a move that books a member twice', () => {
      given(HISTORIES.SCHEDULED).when(reschedule({ bookedElsewhere: [clashing] })).thenThrows('CONFLICT', { reason: 'MEMBER_DOUBLE_BOOKED' });
    });

    it('moves anyway when forced, and records the clash', () => {
      given(HISTORIES.SCHEDULED)
        .when(reschedule({ bookedElsewhere: [clashing], allowMemberClash: true }))
        .then([
          rescheduled({
            allowMemberClash: true,
            memberClashes: [{ committeeId: OTHER_COMMITTEE_ID, sessionId: clashing.sessionId, startsAt: clashing.startsAt, endsAt: clashing.endsAt, memberIds: [WFP] }],
          }),
        ]);
    });

    it('judges the new slot, not the old one', () => {
      given(HISTORIES.SCHEDULED).when(reschedule({ bookedElsewhere: [bookedElsewhere()] })).then([rescheduled()]);
    });
  });
});
