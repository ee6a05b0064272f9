import { specFor } from '@coord/kernel/testing';
import { liaisonMeetingDecider } from './liaison-meeting.decider';
import {
  FOLLOW_UP_ID,
  GOVERNMENT,
  HISTORIES,
  HistoryName,
  MISSION,
  assign,
  assigned,
  missionObserver,
  ngoOfficer,
  otherLiaisonOfficer,
  scheduled,
  held,
  raised,
} from './testing/liaison-meeting.fixtures';

const given = specFor(liaisonMeetingDecider);

describe('AssignFollowUp', () => {
  it('assigns a follow-up on a concern to an organisation', () => {
    given(HISTORIES['HELD with a concern']).when(assign()).then([assigned()]);
  });

  it('assigns a second follow-up on the same concern to another organisation', () => {
    const second = 'f0110000-0000-4000-8000-000000000002';
    given(HISTORIES['HELD with a follow-up'])
      .when(assign({ followUpId: second, assigneeId: GOVERNMENT }))
      .then([assigned({ followUpId: second, assigneeId: GOVERNMENT })]);
  });

  it('lets the host assign a follow-up to itself', () => {
    given(HISTORIES['HELD with a concern']).when(assign({ assigneeId: MISSION })).then([assigned({ assigneeId: MISSION })]);
  });

  describe('a due date not before the meeting', () => {
    it('accepts the meeting’s own day', () => {
      given(HISTORIES['HELD with a concern']).when(assign({ dueDate: '2026-03-02' })).then([assigned({ dueDate: '2026-03-02' })]);
    });

    it('refuses the day before the meeting', () => {
      given(HISTORIES['HELD with a concern'])
        .when(assign({ dueDate: '2026-03-01' }))
        .thenThrows('BAD_USER_INPUT', { field: 'dueDate', reason: 'BEFORE_MEETING' });
    });

    it('compares with the meeting’s UTC date', () => {
      // 23:30 in Port-au-Prince (UTC-5) on 1 March is 04:30 UTC on 2 March.
      const late = [scheduled({ startsAt: '2026-03-02T04:30:00.000Z' }), held(), raised()];
      given(late).when(assign({ dueDate: '2026-03-01' })).thenThrows('BAD_USER_INPUT', { field: 'dueDate' });
    });

    it.each(['2026-02-30', '16/03/2026', ''])('refuses the due date %p', (dueDate) => {
      given(HISTORIES['HELD with a concern']).when(assign({ dueDate })).thenThrows('BAD_USER_INPUT', { field: 'dueDate' });
    });
  });

  describe('only the host’s liaison officers assign follow-ups', () => {
    it.each([
      ['an observer of the host', missionObserver],
      ['a liaison officer of another mission', otherLiaisonOfficer],
      ['the would-be assignee', ngoOfficer],
    ])('refuses %s, in every state', (_, actor) => {
      for (const state of Object.keys(HISTORIES) as HistoryName[]) {
        given(HISTORIES[state]).when(assign({ actor })).thenThrows('FORBIDDEN');
      }
    });
  });

  it('cannot assign at a meeting that does not exist', () => {
    given([]).when(assign()).thenThrows('NOT_FOUND', { field: 'meetingId' });
  });

  it('assigns nothing before the meeting is held', () => {
    given(HISTORIES.SCHEDULED).when(assign()).thenThrows('INVALID_TRANSITION');
  });

  it('assigns nothing at a cancelled meeting', () => {
    given(HISTORIES.CANCELLED).when(assign()).thenThrows('INVALID_TRANSITION');
  });

  it('needs a concern raised at this meeting', () => {
    given(HISTORIES.HELD).when(assign()).thenThrows('NOT_FOUND', { field: 'concernId' });
  });

  it('refuses a follow-up id already used at the meeting', () => {
    given(HISTORIES['HELD with a follow-up']).when(assign({ followUpId: FOLLOW_UP_ID })).thenThrows('CONFLICT', { reason: 'ALREADY_EXISTS' });
  });

  it('refuses an empty assignee', () => {
    given(HISTORIES['HELD with a concern']).when(assign({ assigneeId: ' ' })).thenThrows('BAD_USER_INPUT', { field: 'assigneeId' });
  });
});
