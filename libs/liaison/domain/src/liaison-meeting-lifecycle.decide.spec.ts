import { specFor } from '@coord/kernel/testing';
import type { ErrorCode } from '@coord/kernel';
import type { LiaisonMeetingEvent } from '@coord/contracts';
import type { LiaisonMeetingCommand } from './liaison-meeting.commands';
import { liaisonMeetingDecider } from './liaison-meeting.decider';
import {
  HISTORIES,
  HistoryName,
  assign,
  assigned,
  cancel,
  cancelled,
  complete,
  completed,
  held,
  raise,
  raised,
  recordHeld,
  schedule,
  scheduled,
} from './testing/liaison-meeting.fixtures';

const given = specFor(liaisonMeetingDecider);

const SECOND_CONCERN = 'c0ffee00-0000-4000-8000-000000000002';
const SECOND_FOLLOW_UP = 'f0110000-0000-4000-8000-000000000002';

/** Each command as its legal actor sends it, and what it yields where the lifecycle allows it. */
const COMMANDS: Record<string, { command: LiaisonMeetingCommand; accepted: LiaisonMeetingEvent }> = {
  schedule: { command: schedule(), accepted: scheduled() },
  'record held': { command: recordHeld(), accepted: held() },
  'raise concern': { command: raise({ concernId: SECOND_CONCERN }), accepted: raised({ concernId: SECOND_CONCERN }) },
  'assign follow-up': { command: assign({ followUpId: SECOND_FOLLOW_UP }), accepted: assigned({ followUpId: SECOND_FOLLOW_UP }) },
  'complete follow-up': { command: complete(), accepted: completed() },
  cancel: { command: cancel(), accepted: cancelled() },
};
type CommandName = keyof typeof COMMANDS;

type Outcome = 'accepted' | ErrorCode;
const A: Outcome = 'accepted';
const IT: Outcome = 'INVALID_TRANSITION';
const NF: Outcome = 'NOT_FOUND';
const EX: Outcome = 'CONFLICT';

// SCHEDULED → HELD, or SCHEDULED → CANCELLED; concerns and follow-ups only once HELD; a follow-up
// needs its concern (NOT_FOUND) and completes once; a cancelled meeting takes nothing more.
const TABLE: Record<'None' | HistoryName, Record<CommandName, Outcome>> = {
  //                                 schedule held raise assign complete cancel
  None:                             row(A,  NF,  NF,   NF,    NF,      NF),
  SCHEDULED:                        row(EX, A,   IT,   IT,    NF,      A),
  HELD:                             row(EX, IT,  A,    NF,    NF,      IT),
  'HELD with a concern':            row(EX, IT,  A,    A,     NF,      IT),
  'HELD with a follow-up':          row(EX, IT,  A,    A,     A,       IT),
  'HELD with a completed follow-up': row(EX, IT, A,    A,     IT,      IT),
  CANCELLED:                        row(EX, IT,  IT,   IT,    NF,      IT),
};

function row(...outcomes: Outcome[]): Record<CommandName, Outcome> {
  return Object.fromEntries(Object.keys(COMMANDS).map((name, index) => [name, outcomes[index]]));
}

const historyOf = (state: 'None' | HistoryName): LiaisonMeetingEvent[] => (state === 'None' ? [] : HISTORIES[state]);

describe('liaison meeting lifecycle: every state × every command', () => {
  const cases = Object.entries(TABLE).flatMap(([state, outcomes]) =>
    Object.entries(outcomes).map(([command, outcome]) => [state as 'None' | HistoryName, command, outcome] as const),
  );

  it.each(cases)('%s, %s → %s', (state, commandName, outcome) => {
    const { command, accepted } = COMMANDS[commandName];
    const spec = given(historyOf(state)).when(command);
    if (outcome === 'accepted') spec.then([accepted]);
    else spec.thenThrows(outcome, outcome === 'CONFLICT' ? { reason: 'ALREADY_EXISTS' } : undefined);
  });
});
