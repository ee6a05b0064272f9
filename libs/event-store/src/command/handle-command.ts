import { Actor, Decider, DomainError, DomainEvent, fold } from '@coord/kernel';
import type { AppendResult, EventStore } from '../port/event-store.port';

export interface CommandContext {
  readonly actor: Actor;
  /** Client-chosen id; a repeat by the same user answers the first result and records nothing. */
  readonly commandId?: string | null;
  readonly expectedVersion?: number | null;
  /** The id the command answers with, when it is not the stream id (a session, a concern…). */
  readonly resultId?: string;
  readonly occurredAt: Date;
}

export interface CommandResult {
  readonly id: string;
  readonly version: number;
  readonly position: string;
  readonly duplicate: boolean;
  readonly events: readonly DomainEvent[];
}

export const commandKey = (actor: Actor, commandId: string): string => `${actor.userId}|${commandId}`;

/**
 * The one command path (STYLE.md "Command side"): read the stream, fold, decide, append with the
 * expected revision and the command key. A repeated commandId is answered before deciding, because
 * deciding again could wrongly reject a command that was in fact applied (e.g. a second "dispatch").
 */
export const handleCommand = async <Command, State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, State, Event>,
  command: Command,
  context: CommandContext,
): Promise<CommandResult> => {
  const key = context.commandId ? commandKey(context.actor, context.commandId) : undefined;
  if (key) {
    const seen = await store.findCommand(key);
    if (seen) return fromAppend(seen, []);
  }
  const history = await store.readStream(streamId);
  const currentVersion = history.length;
  if (context.expectedVersion != null && context.expectedVersion !== currentVersion) {
    throw new DomainError(
      'CONFLICT',
      `${streamId} is at version ${currentVersion}, not the expected ${context.expectedVersion}`,
      { reason: 'WRONG_EXPECTED_VERSION' },
    );
  }
  const state = fold(decider, history as unknown as Event[]);
  const events = decider.decide(command, state);
  if (events.length === 0) {
    return { id: context.resultId ?? streamId, version: currentVersion, position: history.at(-1)?.position ?? '0:0', duplicate: false, events };
  }
  const appended = await store.append(streamId, events, {
    // The version we decided on, not the client's: a concurrent writer in between must fail the append.
    expectedVersion: currentVersion,
    actor: { userId: context.actor.userId, organizationId: context.actor.organizationId },
    occurredAt: context.occurredAt,
    command: key && context.commandId ? { key, commandId: context.commandId, resultId: context.resultId ?? streamId } : undefined,
  });
  if (appended.duplicate) return fromAppend(appended, []);
  // Without a commandId the store records no result, so it answers the stream id: the command's
  // own result (a session, a concern…) is known here all the same.
  return { ...fromAppend(appended, events), id: context.resultId ?? streamId };
};

const fromAppend = (result: AppendResult, events: readonly DomainEvent[]): CommandResult => ({
  id: result.resultId,
  version: result.version,
  position: result.position,
  duplicate: result.duplicate,
  events,
});
