import { fold } from '@coord/kernel';
import { committeeDecider } from './committee.decider';
import {
  DECISION_ID,
  GOVERNMENT,
  HISTORIES,
  MISSION,
  OCHA,
  SECOND_SESSION_ID,
  cancelled,
  formed,
  scheduled,
} from './testing/committee.fixtures';

describe('evolve', () => {
  it('refuses a stream that does not start with CommitteeFormed: it is not a committee', () => {
    expect(() => fold(committeeDecider, [scheduled()])).toThrow(/before it was formed/);
  });

  it('refuses an event about a session the committee never scheduled', () => {
    expect(() => fold(committeeDecider, [formed(), cancelled({ sessionId: SECOND_SESSION_ID })])).toThrow(/never scheduled/);
  });

  it('keeps each session’s slot, status, attendance and decisions', () => {
    expect(fold(committeeDecider, HISTORIES.CONCLUDED)).toMatchObject({
      status: 'FORMED',
      chairId: MISSION,
      sessions: [
        {
          status: 'CONCLUDED',
          startsAt: '2026-03-10T09:00:00.000Z',
          endsAt: '2026-03-10T12:00:00.000Z',
          attendeeIds: [MISSION, OCHA, GOVERNMENT],
          decisionIds: [DECISION_ID],
        },
      ],
    });
    expect(fold(committeeDecider, HISTORIES.RESCHEDULED)).toMatchObject({
      sessions: [{ status: 'SCHEDULED', startsAt: '2026-03-11T09:00:00.000Z', endsAt: '2026-03-11T12:00:00.000Z' }],
    });
  });
});
