import { specFor } from '@coord/kernel/testing';
import type { AidDeliveryEvent } from '@coord/contracts';
import type { ErrorCode } from '@coord/kernel';
import type { AidDeliveryCommand } from './aid-delivery.commands';
import { aidDeliveryDecider } from './aid-delivery.decider';
import {
  HISTORIES,
  HistoryName,
  REACHED,
  agencyFocalPoint,
  agencyObserver,
  cancel,
  cancelled,
  communityFocalPoint,
  confirm,
  confirmed,
  correct,
  corrected,
  dispatch,
  dispatched,
  failed,
  otherAgencyOfficer,
  partnerFocalPoint,
  partnerOfficer,
  plan,
  planned,
  record,
  recorded,
  reportFailed,
} from './testing/aid-delivery.fixtures';

const given = specFor(aidDeliveryDecider);

/** Each command as its legal actor sends it, and what it yields where the lifecycle allows it. */
const REACHED_FIXED = { ...REACHED, boys: REACHED.boys + 5 };
const COMMANDS: Record<string, { command: AidDeliveryCommand; accepted: (state: 'None' | HistoryName) => AidDeliveryEvent }> = {
  plan: { command: plan(), accepted: () => planned() },
  dispatch: { command: dispatch(), accepted: () => dispatched() },
  record: { command: record(), accepted: () => recorded() },
  confirm: { command: confirm(), accepted: () => confirmed() },
  'report failed': { command: reportFailed(), accepted: () => failed() },
  cancel: { command: cancel(), accepted: () => cancelled() },
  'correct planned facts': {
    command: correct({ targetedBeneficiaries: 650 }),
    accepted: () => corrected({ changes: { targetedBeneficiaries: 650 }, previous: { targetedBeneficiaries: 500 } }),
  },
  'correct delivered facts': {
    command: correct({ reached: REACHED_FIXED }),
    accepted: (state) =>
      corrected({
        changes: { reached: REACHED_FIXED },
        previous: { reached: REACHED },
        confirmationWithdrawn: state === 'CONFIRMED',
      }),
  },
};
type CommandName = keyof typeof COMMANDS;

type Outcome = 'accepted' | ErrorCode;
const A: Outcome = 'accepted';
const IT: Outcome = 'INVALID_TRANSITION';
const NF: Outcome = 'NOT_FOUND';
const EX: Outcome = 'CONFLICT';

// DOMAIN.md lifecycle: PLANNED → DISPATCHED → DELIVERED → CONFIRMED, or FAILED / CANCELLED before
// arrival; corrections everywhere but CANCELLED, delivered facts only once delivered.
const TABLE: Record<'None' | HistoryName, Record<CommandName, Outcome>> = {
  //                            plan  dispatch record confirm failed cancel correct-plan correct-delivered
  None:                        row(A,  NF,      NF,    NF,     NF,    NF,    NF,          NF),
  PLANNED:                     row(EX, A,       IT,    IT,     A,     A,     A,           IT),
  DISPATCHED:                  row(EX, IT,      A,     IT,     A,     A,     A,           IT),
  DELIVERED:                   row(EX, IT,      IT,    A,      IT,    IT,    A,           A),
  CONFIRMED:                   row(EX, IT,      IT,    IT,     IT,    IT,    A,           A),
  'FAILED from PLANNED':       row(EX, IT,      IT,    IT,     IT,    IT,    A,           IT),
  'FAILED from DISPATCHED':    row(EX, IT,      IT,    IT,     IT,    IT,    A,           IT),
  'CANCELLED from PLANNED':    row(EX, IT,      IT,    IT,     IT,    IT,    IT,          IT),
  'CANCELLED from DISPATCHED': row(EX, IT,      IT,    IT,     IT,    IT,    IT,          IT),
};

function row(...outcomes: Outcome[]): Record<CommandName, Outcome> {
  return Object.fromEntries(Object.keys(COMMANDS).map((name, index) => [name, outcomes[index]]));
}

const historyOf = (state: 'None' | HistoryName): AidDeliveryEvent[] => (state === 'None' ? [] : HISTORIES[state]);

describe('aid delivery lifecycle: every state × every command', () => {
  const cases = Object.entries(TABLE).flatMap(([state, outcomes]) =>
    Object.entries(outcomes).map(([command, outcome]) => [state as 'None' | HistoryName, command, outcome] as const),
  );

  it.each(cases)('%s, %s → %s', (state, commandName, outcome) => {
    const { command, accepted } = COMMANDS[commandName];
    const spec = given(historyOf(state)).when(command);
    if (outcome === 'accepted') spec.then([accepted(state)]);
    else spec.thenThrows(outcome, outcome === 'CONFLICT' ? { reason: 'ALREADY_EXISTS' } : undefined);
  });
});

// Decision: authority is checked before the lifecycle, so an actor who may never act on a delivery
// hears FORBIDDEN in every state, not a hint about how far the delivery has gone.
describe('an actor without authority is refused in every state', () => {
  const ownerCommands = ['dispatch', 'record', 'report failed', 'cancel', 'correct planned facts', 'correct delivered facts'];
  const outsiders = { partnerOfficer, otherAgencyOfficer, agencyObserver, communityFocalPoint };
  const cases = (Object.keys(HISTORIES) as HistoryName[]).flatMap((state) =>
    ownerCommands.flatMap((command) => Object.keys(outsiders).map((outsider) => [state, command, outsider] as const)),
  );

  it.each(cases)('%s: %s by %s → FORBIDDEN', (state, commandName, outsider) => {
    const command = { ...COMMANDS[commandName].command, actor: outsiders[outsider as keyof typeof outsiders] };
    given(HISTORIES[state]).when(command).thenThrows('FORBIDDEN');
  });

  const deliverers = { agencyFocalPoint, partnerFocalPoint };
  const confirmCases = (Object.keys(HISTORIES) as HistoryName[]).flatMap((state) =>
    Object.keys(deliverers).map((deliverer) => [state, deliverer] as const),
  );
  it.each(confirmCases)('%s: confirm by %s → FORBIDDEN', (state, deliverer) => {
    const actor = deliverers[deliverer as keyof typeof deliverers];
    given(HISTORIES[state]).when(confirm({ actor })).thenThrows('FORBIDDEN');
  });
});
