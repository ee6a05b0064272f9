import { specFor } from '@coord/kernel/testing';
import { liaisonMeetingDecider } from './liaison-meeting.decider';
import {
  HISTORIES,
  cancel,
  cancelled,
  missionObserver,
  ngoOfficer,
  otherLiaisonOfficer,
} from './testing/liaison-meeting.fixtures';

const given = specFor(liaisonMeetingDecider);

describe('CancelLiaisonMeeting', () => {
  it('cancels a scheduled meeting', () => {
    given(HISTORIES.SCHEDULED).when(cancel()).then([cancelled()]);
  });

  it('keeps the reason as given', () => {
    given(HISTORIES.SCHEDULED).when(cancel({ reason: ' flooding ' })).then([cancelled({ reason: ' flooding ' })]);
  });

  it.each(['', '   '])('refuses the reason %p', (reason) => {
    given(HISTORIES.SCHEDULED).when(cancel({ reason })).thenThrows('BAD_USER_INPUT', { field: 'reason' });
  });

  it('cannot cancel a meeting that was held: what it heard stays on the record', () => {
    given(HISTORIES['HELD with a follow-up']).when(cancel()).thenThrows('INVALID_TRANSITION');
  });

  it('cancels once', () => {
    given(HISTORIES.CANCELLED).when(cancel()).thenThrows('INVALID_TRANSITION');
  });

  it.each([
    ['an observer of the host', missionObserver],
    ['a liaison officer of another mission', otherLiaisonOfficer],
    ['an agency officer', ngoOfficer],
  ])('is refused to %s', (_, actor) => {
    given(HISTORIES.SCHEDULED).when(cancel({ actor })).thenThrows('FORBIDDEN');
  });

  it('cannot cancel what does not exist', () => {
    given([]).when(cancel()).thenThrows('NOT_FOUND', { field: 'meetingId' });
  });
});
