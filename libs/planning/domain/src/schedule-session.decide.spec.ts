import { specFor } from '@coord/kernel/testing';
import { committeeDecider } from './committee.decider';
import {
  ENDS_AT,
  HISTORIES,
  OTHER_COMMITTEE_ID,
  SECOND_SESSION_ID,
  STARTS_AT,
  UNICEF,
  WFP,
  bookedElsewhere,
  chairAdmin,
  chairObserver,
  formed,
  memberLiaison,
  outsiderLiaison,
  schedule,
  scheduled,
} from './testing/committee.fixtures';

const given = specFor(committeeDecider);
const at = (iso: string) => new Date(iso);
/** A second session of the committee, in the slot given. */
const another = (startsAt: string, endsAt: string) => schedule({ sessionId: SECOND_SESSION_ID, startsAt: at(startsAt), endsAt: at(endsAt) });
const anotherScheduled = (startsAt: string, endsAt: string) => scheduled({ sessionId: SECOND_SESSION_ID, startsAt, endsAt });

describe('ScheduleSession', () => {
  it('schedules a session of the committee', () => {
    given(HISTORIES.FORMED).when(schedule()).then([scheduled()]);
  });

  it('stores times given with an offset in UTC', () => {
    given(HISTORIES.FORMED)
      .when(schedule({ startsAt: at('2026-03-10T10:00:00+01:00'), endsAt: at('2026-03-10T08:30:00-04:30') }))
      .then([scheduled({ startsAt: '2026-03-10T09:00:00.000Z', endsAt: '2026-03-10T13:00:00.000Z' })]);
  });

  it('schedules a session already held, after the fact', () => {
    const held = { startsAt: at('2026-02-20T09:00:00.000Z'), endsAt: at('2026-02-20T11:00:00.000Z') };
    given(HISTORIES.FORMED)
      .when(schedule(held))
      .then([scheduled({ startsAt: '2026-02-20T09:00:00.000Z', endsAt: '2026-02-20T11:00:00.000Z' })]);
  });

  it('accepts an empty agenda', () => {
    given(HISTORIES.FORMED).when(schedule({ agenda: [] })).then([scheduled({ agenda: [] })]);
  });

  it('cannot schedule for a committee that does not exist', () => {
    given([]).when(schedule()).thenThrows('NOT_FOUND', { field: 'committeeId' });
  });

  describe('who may schedule (only the chair organisation’s liaison officers)', () => {
    it.each([
      ['an admin of the chair', chairAdmin],
      ['an observer of the chair', chairObserver],
      ['a liaison officer of a member', memberLiaison],
      ['a liaison officer of an outsider', outsiderLiaison],
    ])('refuses %s', (_, actor) => {
      given(HISTORIES.FORMED).when(schedule({ actor })).thenThrows('FORBIDDEN');
    });

    it('answers an outsider FORBIDDEN even where the slot is taken', () => {
      given(HISTORIES.SCHEDULED).when(schedule({ actor: outsiderLiaison, sessionId: SECOND_SESSION_ID })).thenThrows('FORBIDDEN');
    });
  });

  it('refuses a session id that is taken', () => {
    given(HISTORIES.CANCELLED)
      .when(schedule({ startsAt: at('2026-05-01T09:00:00Z'), endsAt: at('2026-05-01T10:00:00Z') }))
      .thenThrows('CONFLICT', { reason: 'ALREADY_EXISTS' });
  });

  describe('end after start', () => {
    it('refuses a session that ends when it starts', () => {
      given(HISTORIES.FORMED).when(schedule({ endsAt: STARTS_AT })).thenThrows('BAD_USER_INPUT', { field: 'endsAt' });
    });

    it('refuses a session that ends before it starts', () => {
      given(HISTORIES.FORMED).when(schedule({ startsAt: ENDS_AT, endsAt: STARTS_AT })).thenThrows('BAD_USER_INPUT', { field: 'endsAt' });
    });

    it('refuses an instant that is no instant', () => {
      given(HISTORIES.FORMED).when(schedule({ startsAt: new Date(Number.NaN) })).thenThrows('BAD_USER_INPUT', { field: 'startsAt' });
    });
  });

  describe('values', () => {
    it('refuses an empty venue', () => {
      given(HISTORIES.FORMED).when(schedule({ venue: '' })).thenThrows('BAD_USER_INPUT', { field: 'venue' });
    });

    it('refuses an empty agenda item', () => {
      given(HISTORIES.FORMED).when(schedule({ agenda: ['Accès', ' '] })).thenThrows('BAD_USER_INPUT', { field: 'agenda[1]' });
    });
  });

  describe('two sessions of one committee never overlap', () => {
    it.each([
      ['the same slot', '2026-03-10T09:00:00Z', '2026-03-10T12:00:00Z'],
      ['a slot starting inside it', '2026-03-10T11:59:00Z', '2026-03-10T14:00:00Z'],
      ['a slot ending inside it', '2026-03-10T07:00:00Z', '2026-03-10T09:01:00Z'],
      ['a slot inside it', '2026-03-10T10:00:00Z', '2026-03-10T11:00:00Z'],
      ['a slot around it', '2026-03-10T08:00:00Z', '2026-03-10T13:00:00Z'],
    ])('refuses %s', (_, startsAt, endsAt) => {
      given(HISTORIES.SCHEDULED).when(another(startsAt, endsAt)).thenThrows('CONFLICT', { reason: 'SESSION_OVERLAP' });
    });

    it('lets one session start when the other ends', () => {
      given(HISTORIES.SCHEDULED)
        .when(another('2026-03-10T12:00:00Z', '2026-03-10T13:00:00Z'))
        .then([anotherScheduled('2026-03-10T12:00:00.000Z', '2026-03-10T13:00:00.000Z')]);
      given(HISTORIES.SCHEDULED)
        .when(another('2026-03-10T08:00:00Z', '2026-03-10T09:00:00Z'))
        .then([anotherScheduled('2026-03-10T08:00:00.000Z', '2026-03-10T09:00:00.000Z')]);
    });

    it('gives the slot of a cancelled session to another', () => {
      given(HISTORIES.CANCELLED)
        .when(another('2026-03-10T09:00:00Z', '2026-03-10T12:00:00Z'))
        .then([anotherScheduled('2026-03-10T09:00:00.000Z', '2026-03-10T12:00:00.000Z')]);
    });

    it('keeps the slot of a concluded session taken', () => {
      given(HISTORIES.CONCLUDED).when(another('2026-03-10T11:00:00Z', '2026-03-10T12:30:00Z')).thenThrows('CONFLICT', { reason: 'SESSION_OVERLAP' });
    });

    it('follows a moved session to its new slot and frees the old one', () => {
      given(HISTORIES.RESCHEDULED).when(another('2026-03-11T10:00:00Z', '2026-03-11T11:00:00Z')).thenThrows('CONFLICT', { reason: 'SESSION_OVERLAP' });
      given(HISTORIES.RESCHEDULED)
        .when(another('2026-03-10T09:00:00Z', '2026-03-10T12:00:00Z'))
        .then([anotherScheduled('2026-03-10T09:00:00.000Z', '2026-03-10T12:00:00.000Z')]);
    });
  });

  describe('a member is not booked into overlapping sessions of two committees', () => {
    it('refuses a slot where a member sits in another committee', () => {
      given(HISTORIES.FORMED).when(schedule({ bookedElsewhere: [bookedElsewhere()] })).thenThrows('CONFLICT', { reason: 'MEMBER_DOUBLE_BOOKED' });
    });

    it('schedules anyway when forced, and records the clash it accepted', () => {
      const booked = bookedElsewhere();
      given(HISTORIES.FORMED)
        .when(schedule({ bookedElsewhere: [booked], allowMemberClash: true }))
        .then([
          scheduled({
            allowMemberClash: true,
            memberClashes: [{ committeeId: OTHER_COMMITTEE_ID, sessionId: booked.sessionId, startsAt: booked.startsAt, endsAt: booked.endsAt, memberIds: [WFP] }],
          }),
        ]);
    });

    it('records a forced schedule without clashes as forced, with no clash', () => {
      given(HISTORIES.FORMED).when(schedule({ allowMemberClash: true })).then([scheduled({ allowMemberClash: true })]);
    });

    it('ignores sessions elsewhere that share no member', () => {
      given(HISTORIES.FORMED).when(schedule({ bookedElsewhere: [bookedElsewhere({ memberIds: [UNICEF] })] })).then([scheduled()]);
    });

    it('ignores sessions elsewhere that do not overlap the slot', () => {
      const adjacent = bookedElsewhere({ startsAt: '2026-03-10T12:00:00.000Z', endsAt: '2026-03-10T14:00:00.000Z' });
      given(HISTORIES.FORMED).when(schedule({ bookedElsewhere: [adjacent] })).then([scheduled()]);
    });

    it('leaves the committee’s own sessions to the overlap rule', () => {
      const own = bookedElsewhere({ committeeId: formed().data.committeeId });
      given(HISTORIES.FORMED).when(schedule({ bookedElsewhere: [own] })).then([scheduled()]);
    });

    it('answers the committee’s own overlap first: no force overrides it', () => {
      given(HISTORIES.SCHEDULED)
        .when(schedule({ sessionId: SECOND_SESSION_ID, bookedElsewhere: [bookedElsewhere()], allowMemberClash: true }))
        .thenThrows('CONFLICT', { reason: 'SESSION_OVERLAP' });
    });
  });
});
