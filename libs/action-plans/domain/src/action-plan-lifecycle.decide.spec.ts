import { specFor } from '@coord/kernel/testing';
import type { ErrorCode } from '@coord/kernel';
import type { ActionPlanEvent } from '@coord/contracts';
import type { ActionPlanCommand } from './action-plan.commands';
import { actionPlanDecider } from './action-plan.decider';
import {
  HISTORIES,
  HistoryName,
  SECOND_ACTION_ID,
  add,
  added,
  amend,
  amendPlan,
  amended,
  approve,
  approved,
  changesRequested,
  close,
  closed,
  draft,
  drafted,
  planAmended,
  remove,
  removed,
  report,
  reported,
  requestChanges,
  submit,
  submitted,
} from './testing/action-plan.fixtures';

const given = specFor(actionPlanDecider);

/** Each command as its legal actor sends it, and what it yields where the workflow allows it. */
const COMMANDS: Record<string, { command: ActionPlanCommand; accepted: ActionPlanEvent }> = {
  draft: { command: draft(), accepted: drafted() },
  'amend plan': { command: amendPlan(), accepted: planAmended() },
  'add action': { command: add({ actionId: SECOND_ACTION_ID }), accepted: added({ actionId: SECOND_ACTION_ID }) },
  'amend action': { command: amend(), accepted: amended() },
  'remove action': { command: remove(), accepted: removed() },
  submit: { command: submit(), accepted: submitted() },
  approve: { command: approve(), accepted: approved() },
  'request changes': { command: requestChanges(), accepted: changesRequested() },
  'report progress': { command: report(), accepted: reported() },
  close: { command: close(), accepted: closed() },
};
type CommandName = keyof typeof COMMANDS;

type Outcome = 'accepted' | ErrorCode;
const A: Outcome = 'accepted';
const IT: Outcome = 'INVALID_TRANSITION';
const NF: Outcome = 'NOT_FOUND';
const EX: Outcome = 'CONFLICT';

// DRAFT → SUBMITTED → APPROVED | CHANGES_REQUESTED → (revised) → SUBMITTED …, APPROVED → CLOSED.
// Structure moves only in DRAFT and CHANGES_REQUESTED; a plan without actions is not submitted;
// progress only on an approved plan, and not after an action is DONE; a closed plan takes nothing.
const TABLE: Record<'None' | HistoryName, Record<CommandName, Outcome>> = {
  //                               draft amendP add amendA remove submit approve request report close
  None:                            row(A,  NF,   NF,  NF,    NF,    NF,    NF,     NF,     NF,    NF),
  DRAFT:                           row(EX, A,    A,   NF,    NF,    IT,    IT,     IT,     NF,    IT),
  'DRAFT with an action':          row(EX, A,    A,   A,     A,     A,     IT,     IT,     IT,    IT),
  SUBMITTED:                       row(EX, IT,   IT,  IT,    IT,    IT,    A,      A,      IT,    IT),
  CHANGES_REQUESTED:               row(EX, A,    A,   A,     A,     A,     IT,     IT,     IT,    IT),
  APPROVED:                        row(EX, IT,   IT,  IT,    IT,    IT,    IT,     IT,     A,     A),
  'APPROVED with the action done': row(EX, IT,   IT,  IT,    IT,    IT,    IT,     IT,     IT,    A),
  CLOSED:                          row(EX, IT,   IT,  IT,    IT,    IT,    IT,     IT,     IT,    IT),
};

function row(...outcomes: Outcome[]): Record<CommandName, Outcome> {
  return Object.fromEntries(Object.keys(COMMANDS).map((name, index) => [name, outcomes[index]]));
}

const historyOf = (state: 'None' | HistoryName): ActionPlanEvent[] => (state === 'None' ? [] : HISTORIES[state]);

describe('action plan workflow: every state × every command', () => {
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
