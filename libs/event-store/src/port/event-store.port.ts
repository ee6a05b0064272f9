import type { ActorRef, EventEnvelope } from '@coord/contracts';
import type { DomainEvent } from '@coord/kernel';

/**
 * `number` = the stream must be exactly at that revision (0 = must not exist yet);
 * `'any'` = no check (only for reference data whose streams are idempotent by construction).
 */
export type ExpectedVersion = number | 'any';

export interface AppendOptions {
  readonly expectedVersion: ExpectedVersion;
  readonly actor: ActorRef;
  readonly occurredAt: Date;
  /**
   * Idempotency: `key` identifies the command (the user and their `commandId`); if it was seen before
   * the store appends nothing and answers the first result. `resultId` is the id the command answers
   * with (the stream's record, or an entity inside it such as a session).
   */
  readonly command?: { readonly key: string; readonly commandId: string; readonly resultId: string };
}

export interface AppendResult {
  readonly streamId: string;
  readonly resultId: string;
  /** Stream revision after the append (number of events in the stream). */
  readonly version: number;
  /** Global position of the last appended event. */
  readonly position: string;
  /** True when the command key was seen before and nothing was appended. */
  readonly duplicate: boolean;
}

export interface ReadAllOptions {
  /** Exclusive lower bound; `null` reads from the beginning of the log. */
  readonly after: string | null;
  readonly limit: number;
}

export interface EventStore {
  /**
   * Appends atomically, checking the expected version and the command key in the same round trip.
   * Throws `DomainError('CONFLICT', …, { reason: 'WRONG_EXPECTED_VERSION' })` on a stale version.
   */
  append(streamId: string, events: readonly DomainEvent[], options: AppendOptions): Promise<AppendResult>;
  /** All events of one stream in revision order, upcast to their current schema version. */
  readStream(streamId: string): Promise<EventEnvelope[]>;
  /**
   * Events in global order strictly after `after`. Never returns an event while an earlier one (in
   * that order) could still commit, so a reader that pages with the last position it saw never skips.
   */
  readAll(options: ReadAllOptions): Promise<EventEnvelope[]>;
  /** The first result of a command seen before, or null. */
  findCommand(key: string): Promise<AppendResult | null>;
  /** Position of the newest event readable by `readAll`, or null when the log is empty. */
  headPosition(): Promise<string | null>;
  /** Checkpoints of log readers kept beside the log (the relay's, for one). */
  loadCheckpoint(name: string): Promise<string | null>;
  saveCheckpoint(name: string, position: string): Promise<void>;
  /** Cheap liveness probe for /health/ready. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
