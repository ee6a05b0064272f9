import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, handleCommand } from '@coord/event-store';
import { Actor, Clock, Decider, DomainEvent, isDomainError } from '@coord/kernel';
import { Relay } from '@coord/messaging';
import { MetricsService } from '../metrics/metrics.service';
import { CLOCK } from '../infrastructure/tokens';

export interface CommandPayload {
  readonly id: string;
  readonly version: number;
  readonly position: string;
}

export interface ExecutedCommand extends CommandPayload {
  /** What this execution appended (empty for a repeat or a no-op). */
  readonly events: readonly DomainEvent[];
}

/** One command of `executeAll`: its stream, the command, and who sends it. */
export interface StreamCommand<Command> {
  readonly streamId: string;
  readonly command: Command;
  readonly options: CommandOptions;
}

export interface CommandOptions {
  readonly actor: Actor;
  readonly commandId?: string | null;
  readonly expectedVersion?: number | null;
  readonly resultId?: string;
}

/**
 * Runs one command through the shared path and does what every command needs around it: the clock
 * reading that becomes the command's time, the outcome metric, and a poke so the relay publishes
 * at once instead of at its next poll.
 */
@Injectable()
export class CommandExecutor {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly relay: Relay,
    private readonly metrics: MetricsService,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  async execute<Command, State, Event extends DomainEvent>(
    commandType: string,
    streamId: string,
    decider: Decider<Command, State, Event>,
    command: Command,
    options: CommandOptions,
  ): Promise<ExecutedCommand> {
    try {
      const result = await handleCommand(this.store, streamId, decider, command, {
        ...options,
        occurredAt: (command as { at?: Date }).at ?? this.clock.now(),
      });
      this.metrics.commandHandled(commandType, result.duplicate ? 'duplicate' : 'accepted');
      if (!result.duplicate && result.events.length > 0) this.relay.poke();
      return { id: result.id, version: result.version, position: result.position, events: result.events };
    } catch (error) {
      this.metrics.commandHandled(commandType, isDomainError(error) ? error.code : 'INTERNAL');
      throw error;
    }
  }

  /**
   * Runs commands on distinct streams at once, for bulk work (a gazetteer, a 3W file): on SQLite their
   * appends arrive in one tick and share one transaction and one fsync (the store's group commit);
   * on PostgreSQL they spread over the pool. Two commands on one stream would race for its version,
   * so callers send each stream once per call. Answers each outcome in order, without throwing.
   */
  async executeAll<Command, State, Event extends DomainEvent>(
    commandType: string,
    decider: Decider<Command, State, Event>,
    commands: readonly StreamCommand<Command>[],
  ): Promise<PromiseSettledResult<ExecutedCommand>[]> {
    const occurredAt = this.clock.now();
    const outcomes = await Promise.allSettled(
      commands.map(({ streamId, command, options }) =>
        handleCommand(this.store, streamId, decider, command, { ...options, occurredAt: (command as { at?: Date }).at ?? occurredAt }),
      ),
    );
    let appended = false;
    const results = outcomes.map((outcome): PromiseSettledResult<ExecutedCommand> => {
      if (outcome.status === 'rejected') {
        this.metrics.commandHandled(commandType, isDomainError(outcome.reason) ? outcome.reason.code : 'INTERNAL');
        return outcome;
      }
      const result = outcome.value;
      this.metrics.commandHandled(commandType, result.duplicate ? 'duplicate' : 'accepted');
      appended ||= !result.duplicate && result.events.length > 0;
      return { status: 'fulfilled', value: { id: result.id, version: result.version, position: result.position, events: result.events } };
    });
    if (appended) this.relay.poke();
    return results;
  }
}
