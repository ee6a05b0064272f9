import { specFor } from '@coord/kernel/testing';
import { committeeDecider } from './committee.decider';
import {
  AT,
  HISTORIES,
  chairAdmin,
  concluded,
  conclude,
  memberLiaison,
  outsiderLiaison,
} from './testing/committee.fixtures';

const given = specFor(committeeDecider);

describe('ConcludeSession', () => {
  it('concludes a session that sat', () => {
    given(HISTORIES['with attendance']).when(conclude()).then([concluded()]);
  });

  it('concludes a session with no attendance recorded', () => {
    given(HISTORIES.SCHEDULED).when(conclude()).then([concluded()]);
  });

  it('cannot conclude a session the committee never scheduled', () => {
    given(HISTORIES.FORMED).when(conclude()).thenThrows('NOT_FOUND', { field: 'sessionId' });
  });

  describe('who concludes (only the chair organisation’s liaison officers)', () => {
    it.each([
      ['an admin of the chair', chairAdmin],
      ['a liaison officer of a member', memberLiaison],
      ['a liaison officer of an outsider', outsiderLiaison],
    ])('refuses %s', (_, actor) => {
      given(HISTORIES.SCHEDULED).when(conclude({ actor })).thenThrows('FORBIDDEN');
    });
  });

  describe('a concluded session is closed', () => {
    it('refuses to conclude twice', () => {
      given(HISTORIES.CONCLUDED).when(conclude()).thenThrows('INVALID_TRANSITION');
    });

    it('refuses a cancelled session', () => {
      given(HISTORIES.CANCELLED).when(conclude()).thenThrows('INVALID_TRANSITION');
    });

    it('refuses a session that has not started', () => {
      given(HISTORIES.SCHEDULED).when(conclude({ at: AT })).thenThrows('INVALID_TRANSITION');
    });
  });
});
