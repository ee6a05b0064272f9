import { specFor } from '@coord/kernel/testing';
import type { Sector, Severity } from '@coord/contracts';
import { liaisonMeetingDecider } from './liaison-meeting.decider';
import {
  CONCERN_ID,
  HISTORIES,
  HistoryName,
  governmentCounterpart,
  missionObserver,
  ngoOfficer,
  otherLiaisonOfficer,
  raise,
  raised,
} from './testing/liaison-meeting.fixtures';

const given = specFor(liaisonMeetingDecider);

describe('RaiseConcern', () => {
  it('raises a concern at a held meeting', () => {
    given(HISTORIES.HELD).when(raise()).then([raised()]);
  });

  it.each(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const)('raises a %s concern, sensitive or not', (severity) => {
    given(HISTORIES.HELD).when(raise({ severity, sensitive: false })).then([raised({ severity, sensitive: false })]);
  });

  it('raises a concern about another place than the venue', () => {
    given(HISTORIES.HELD).when(raise({ location: 'ML0702' })).then([raised({ location: 'ML0702' })]);
  });

  it('raises several concerns at one meeting', () => {
    const second = 'c0ffee00-0000-4000-8000-000000000002';
    given(HISTORIES['HELD with a concern'])
      .when(raise({ concernId: second, severity: 'LOW' }))
      .then([raised({ concernId: second, severity: 'LOW' })]);
  });

  describe('only the host’s liaison officers raise concerns', () => {
    it.each([
      ['an observer of the host', missionObserver],
      ['a liaison officer of another mission', otherLiaisonOfficer],
      ['an agency officer', ngoOfficer],
      ['a government counterpart', governmentCounterpart],
    ])('refuses %s, in every state', (_, actor) => {
      for (const state of Object.keys(HISTORIES) as HistoryName[]) {
        given(HISTORIES[state]).when(raise({ actor })).thenThrows('FORBIDDEN');
      }
    });
  });

  it('cannot raise a concern at a meeting that does not exist', () => {
    given([]).when(raise()).thenThrows('NOT_FOUND', { field: 'meetingId' });
  });

  it('raises concerns only after the meeting is held', () => {
    given(HISTORIES.SCHEDULED).when(raise()).thenThrows('INVALID_TRANSITION');
  });

  it('raises nothing at a cancelled meeting', () => {
    given(HISTORIES.CANCELLED).when(raise()).thenThrows('INVALID_TRANSITION');
  });

  it('refuses a concern id already used at the meeting', () => {
    given(HISTORIES['HELD with a concern']).when(raise({ concernId: CONCERN_ID })).thenThrows('CONFLICT', { reason: 'ALREADY_EXISTS' });
  });

  describe('values', () => {
    it('refuses an unknown sector', () => {
      given(HISTORIES.HELD).when(raise({ sector: 'SAFETY' as Sector })).thenThrows('BAD_USER_INPUT', { field: 'sector' });
    });

    it('refuses an unknown severity', () => {
      given(HISTORIES.HELD).when(raise({ severity: 'URGENT' as Severity })).thenThrows('BAD_USER_INPUT', { field: 'severity' });
    });

    it.each(['', '  '])('refuses the text %p', (text) => {
      given(HISTORIES.HELD).when(raise({ text })).thenThrows('BAD_USER_INPUT', { field: 'text' });
    });

    it('refuses an empty location', () => {
      given(HISTORIES.HELD).when(raise({ location: '' })).thenThrows('BAD_USER_INPUT', { field: 'adminCode' });
    });

    it('refuses a sensitivity that is not a boolean', () => {
      given(HISTORIES.HELD).when(raise({ sensitive: 'yes' as unknown as boolean })).thenThrows('BAD_USER_INPUT', { field: 'sensitive' });
    });
  });
});
