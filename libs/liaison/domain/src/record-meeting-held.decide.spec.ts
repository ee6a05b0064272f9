import { specFor } from '@coord/kernel/testing';
import { liaisonMeetingDecider } from './liaison-meeting.decider';
import {
  HISTORIES,
  held,
  missionObserver,
  ngoOfficer,
  otherLiaisonOfficer,
  recordHeld,
} from './testing/liaison-meeting.fixtures';

const given = specFor(liaisonMeetingDecider);

describe('RecordMeetingHeld', () => {
  it('records a scheduled meeting as held, with its attendance', () => {
    given(HISTORIES.SCHEDULED).when(recordHeld()).then([held()]);
  });

  it('records attendance without a youth count', () => {
    given(HISTORIES.SCHEDULED).when(recordHeld({ attendanceYouth: undefined })).then([held({ attendanceYouth: null })]);
    given(HISTORIES.SCHEDULED).when(recordHeld({ attendanceYouth: null })).then([held({ attendanceYouth: null })]);
  });

  it('accepts a meeting nobody of one group attended', () => {
    given(HISTORIES.SCHEDULED)
      .when(recordHeld({ attendanceWomen: 0, attendanceMen: 12, attendanceYouth: 0 }))
      .then([held({ attendanceWomen: 0, attendanceMen: 12, attendanceYouth: 0 })]);
  });

  it.each([
    ['an observer of the host', missionObserver],
    ['a liaison officer of another mission', otherLiaisonOfficer],
    ['an agency officer', ngoOfficer],
  ])('is refused to %s', (_, actor) => {
    given(HISTORIES.SCHEDULED).when(recordHeld({ actor })).thenThrows('FORBIDDEN');
  });

  it('cannot record what does not exist', () => {
    given([]).when(recordHeld()).thenThrows('NOT_FOUND', { field: 'meetingId' });
  });

  it('records a meeting as held once', () => {
    given(HISTORIES.HELD).when(recordHeld()).thenThrows('INVALID_TRANSITION');
  });

  it('takes no attendance on a cancelled meeting', () => {
    given(HISTORIES.CANCELLED).when(recordHeld()).thenThrows('INVALID_TRANSITION');
  });

  describe('attendance counts are whole numbers, 0 or more', () => {
    it.each([-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s women', (attendanceWomen) => {
      given(HISTORIES.SCHEDULED).when(recordHeld({ attendanceWomen })).thenThrows('BAD_USER_INPUT', { field: 'attendanceWomen' });
    });

    it.each([-3, 0.5])('refuses %s men', (attendanceMen) => {
      given(HISTORIES.SCHEDULED).when(recordHeld({ attendanceMen })).thenThrows('BAD_USER_INPUT', { field: 'attendanceMen' });
    });

    it.each([-1, 1.5])('refuses %s youth', (attendanceYouth) => {
      given(HISTORIES.SCHEDULED).when(recordHeld({ attendanceYouth })).thenThrows('BAD_USER_INPUT', { field: 'attendanceYouth' });
    });

    it('refuses more youth than people attending: youth are among the women and men', () => {
      given(HISTORIES.SCHEDULED)
        .when(recordHeld({ attendanceWomen: 3, attendanceMen: 2, attendanceYouth: 6 }))
        .thenThrows('BAD_USER_INPUT', { field: 'attendanceYouth' });
    });
  });
});
