import { specFor } from '@coord/kernel/testing';
import { committeeDecider } from './committee.decider';
import {
  AT,
  GOVERNMENT,
  HISTORIES,
  MISSION,
  NGO,
  OCHA,
  WFP,
  attendanceRecorded,
  chairAdmin,
  chairObserver,
  memberLiaison,
  outsiderLiaison,
  recordAttendance,
} from './testing/committee.fixtures';

const given = specFor(committeeDecider);

describe('RecordAttendance', () => {
  it('records which members attended a session under way', () => {
    given(HISTORIES.SCHEDULED).when(recordAttendance()).then([attendanceRecorded()]);
  });

  it('replaces the attendance recorded before with the corrected list', () => {
    given(HISTORIES['with attendance'])
      .when(recordAttendance({ organizationIds: [MISSION, OCHA, WFP, GOVERNMENT] }))
      .then([attendanceRecorded({ organizationIds: [MISSION, OCHA, WFP, GOVERNMENT] })]);
  });

  it('records nothing when the same attendance comes again, in any order', () => {
    given(HISTORIES['with attendance']).when(recordAttendance({ organizationIds: [GOVERNMENT, MISSION, OCHA] })).then([]);
  });

  it('cannot record in a committee that does not exist', () => {
    given([]).when(recordAttendance()).thenThrows('NOT_FOUND', { field: 'committeeId' });
  });

  it('cannot record for a session the committee never scheduled', () => {
    given(HISTORIES.FORMED).when(recordAttendance()).thenThrows('NOT_FOUND', { field: 'sessionId' });
  });

  describe('who records (the chair organisation’s liaison officers, who keep the minutes)', () => {
    it.each([
      ['an admin of the chair', chairAdmin],
      ['an observer of the chair', chairObserver],
      ['a liaison officer of a member', memberLiaison],
      ['a liaison officer of an outsider', outsiderLiaison],
    ])('refuses %s', (_, actor) => {
      given(HISTORIES.SCHEDULED).when(recordAttendance({ actor })).thenThrows('FORBIDDEN');
    });
  });

  describe('only on a session that sits or sat', () => {
    it('refuses a session that has not started', () => {
      given(HISTORIES.SCHEDULED).when(recordAttendance({ at: AT })).thenThrows('INVALID_TRANSITION');
    });

    it('refuses a cancelled session', () => {
      given(HISTORIES.CANCELLED).when(recordAttendance()).thenThrows('INVALID_TRANSITION');
    });

    it('refuses a concluded session', () => {
      given(HISTORIES.CONCLUDED).when(recordAttendance()).thenThrows('INVALID_TRANSITION');
    });
  });

  describe('only members attend', () => {
    it('refuses an organisation outside the committee', () => {
      given(HISTORIES.SCHEDULED)
        .when(recordAttendance({ organizationIds: [MISSION, NGO] }))
        .thenThrows('BAD_USER_INPUT', { field: 'organizationIds[1]', reason: 'NOT_A_MEMBER' });
    });

    it('refuses an empty attendance', () => {
      given(HISTORIES.SCHEDULED).when(recordAttendance({ organizationIds: [] })).thenThrows('BAD_USER_INPUT', { field: 'organizationIds' });
    });

    it('refuses a member listed twice', () => {
      given(HISTORIES.SCHEDULED)
        .when(recordAttendance({ organizationIds: [MISSION, WFP, MISSION] }))
        .thenThrows('BAD_USER_INPUT', { field: 'organizationIds[2]' });
    });
  });
});
