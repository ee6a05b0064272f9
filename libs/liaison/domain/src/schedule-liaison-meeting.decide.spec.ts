import { specFor } from '@coord/kernel/testing';
import { liaisonMeetingDecider } from './liaison-meeting.decider';
import {
  HISTORIES,
  HistoryName,
  OTHER_MISSION,
  governmentCounterpart,
  missionAdmin,
  missionObserver,
  ngoOfficer,
  otherLiaisonOfficer,
  schedule,
  scheduled,
} from './testing/liaison-meeting.fixtures';

const given = specFor(liaisonMeetingDecider);

describe('ScheduleLiaisonMeeting', () => {
  it('schedules a meeting hosted by the officer’s own organisation', () => {
    given([]).when(schedule()).then([scheduled()]);
  });

  it('stores the start in UTC whatever offset it came with', () => {
    // 10:30 in Bangui (UTC+1) is 09:30 UTC.
    given([])
      .when(schedule({ startsAt: new Date('2026-03-02T10:30:00+01:00') }))
      .then([scheduled({ startsAt: '2026-03-02T09:30:00.000Z' })]);
  });

  it('accepts a meeting that started before it was logged: field offices record after the fact', () => {
    given([])
      .when(schedule({ startsAt: new Date('2026-02-20T09:00:00Z') }))
      .then([scheduled({ startsAt: '2026-02-20T09:00:00.000Z' })]);
  });

  it('keeps only the name and group of each stakeholder', () => {
    const stakeholders = [{ name: 'Imam of Ansongo', group: 'religious leaders', phone: '+223…' }];
    given([])
      .when(schedule({ stakeholders }))
      .then([scheduled({ stakeholders: [{ name: 'Imam of Ansongo', group: 'religious leaders' }] })]);
  });

  describe('who may schedule (a LIAISON_OFFICER, for its own organisation)', () => {
    it.each([
      ['an observer of the mission', missionObserver],
      ['an admin of the mission', missionAdmin],
      ['an agency officer', ngoOfficer],
      ['a government counterpart', governmentCounterpart],
    ])('refuses %s', (_, actor) => {
      given([]).when(schedule({ actor, hostId: actor.organizationId })).thenThrows('FORBIDDEN');
    });

    it('refuses a liaison officer scheduling for another organisation', () => {
      given([]).when(schedule({ actor: otherLiaisonOfficer })).thenThrows('FORBIDDEN');
    });

    it('lets another mission schedule its own meeting', () => {
      given([])
        .when(schedule({ actor: otherLiaisonOfficer, hostId: OTHER_MISSION }))
        .then([scheduled({ hostId: OTHER_MISSION })]);
    });
  });

  describe('the stream must be new', () => {
    it.each(Object.keys(HISTORIES) as HistoryName[])('refuses to schedule again once %s', (state) => {
      given(HISTORIES[state]).when(schedule()).thenThrows('CONFLICT', { reason: 'ALREADY_EXISTS' });
    });
  });

  describe('values', () => {
    it.each(['', '   '])('refuses the title %p', (title) => {
      given([]).when(schedule({ title })).thenThrows('BAD_USER_INPUT', { field: 'title' });
    });

    it('refuses an empty location', () => {
      given([]).when(schedule({ location: '' })).thenThrows('BAD_USER_INPUT', { field: 'adminCode' });
    });

    it('refuses an invalid start', () => {
      given([]).when(schedule({ startsAt: new Date('not a time') })).thenThrows('BAD_USER_INPUT', { field: 'startsAt' });
    });

    it('needs at least one stakeholder', () => {
      given([]).when(schedule({ stakeholders: [] })).thenThrows('BAD_USER_INPUT', { field: 'stakeholders' });
    });

    it.each([
      ['name', { name: ' ', group: 'youth' }],
      ['group', { name: 'Youth council', group: '' }],
    ])('refuses a stakeholder with an empty %s', (part, stakeholder) => {
      given([])
        .when(schedule({ stakeholders: [{ name: 'Chief', group: 'leaders' }, stakeholder] }))
        .thenThrows('BAD_USER_INPUT', { field: `stakeholders[1].${part}` });
    });
  });
});
