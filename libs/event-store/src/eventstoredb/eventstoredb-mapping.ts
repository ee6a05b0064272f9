import { createHash } from 'node:crypto';
import type { ActorRef, EventEnvelope } from '@coord/contracts';
import { formatPosition, parsePosition } from '@coord/kernel';
import { upcastStoredEvent } from '../upcast/upcast-stored-event';

/** What @eventstore/db-client calls a position in `$all`. */
export interface EsdbPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** The client's "the stream must not exist" revision (its `NO_STREAM`). */
export const NO_STREAM_REVISION = 'no_stream' as const;
export type EsdbExpectedRevision = typeof NO_STREAM_REVISION | bigint;

/** Kept beside each event: the envelope fields EventStoreDB has no place of its own for. */
export interface EsdbEventMetadata {
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly actor: ActorRef;
  readonly commandId: string | null;
}

/** The parts of a recorded event the envelope is made of. */
export interface EsdbRecordedEvent {
  readonly id: string;
  readonly streamId: string;
  readonly type: string;
  readonly revision: bigint;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position?: EsdbPosition;
}

/** Kernel positions are `"<major>:<minor>"`; on EventStoreDB major = commit, minor = prepare. */
export const formatEsdbPosition = (position: EsdbPosition): string =>
  formatPosition({ major: position.commit, minor: position.prepare });

export const parseEsdbPosition = (position: string): EsdbPosition => {
  const { major, minor } = parsePosition(position);
  return { commit: major, prepare: minor };
};

export const compareEsdbPositions = (a: EsdbPosition, b: EsdbPosition): number => {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
};

/**
 * The port counts events (version n = n events in the stream, 0 = no stream); EventStoreDB names
 * the revision of the last event, from 0. Always explicit: the client's default is ANY.
 */
export const toExpectedRevision = (expectedVersion: number): EsdbExpectedRevision => {
  if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0) {
    throw new Error(`not a stream version: ${expectedVersion}`);
  }
  return expectedVersion === 0 ? NO_STREAM_REVISION : BigInt(expectedVersion - 1);
};

/** The stream version once the event at `revision` is its last. */
export const versionAfterRevision = (revision: bigint): number => Number(revision) + 1;

/** What a conflict reports as found: the version, or null when there is no stream. */
export const versionOfCurrentRevision = (current: EsdbExpectedRevision | 'any' | 'stream_exists'): number | null =>
  typeof current === 'bigint' && current >= 0n ? versionAfterRevision(current) : null;

/** A fixed namespace of the platform's name-based event ids (RFC 4122 §4.3). */
const EVENT_ID_NAMESPACE = Buffer.from('6f1d0e52b0a44b0f9a7d3c5e8b2a4f10', 'hex');

/**
 * The id of the `index`-th event a command appends, derived from the command's key (user and
 * commandId, so that two users' equal commandIds never share ids) as a name-based UUID v5. A retry
 * of the same command sends the same ids, and EventStoreDB acknowledges an append whose ids already
 * sit at the expected revision without writing them again: the retry after a crash between the
 * append and its acknowledgement is idempotent.
 */
export const commandEventId = (commandKey: string, index: number): string => {
  const hash = createHash('sha1').update(EVENT_ID_NAMESPACE).update(`${commandKey}#${index}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

const COMMAND_PREFIX = '_command-';
const CHECKPOINT_PREFIX = '_checkpoint-';

/**
 * Stream names. Events live in a stream named after their stream id; a command's result in
 * `_command-<key>`, a checkpoint in `_checkpoint-<name>`. Not `$`-prefixed: those are system streams,
 * which the default ACL lets only admins write. Every name starts with the namespace ('' in
 * production), so that test runs share one server without seeing each other.
 */
export class EsdbStreamNames {
  constructor(readonly namespace: string = '') {}

  events(streamId: string): string {
    return `${this.namespace}${streamId}`;
  }

  command(key: string): string {
    return `${this.namespace}${COMMAND_PREFIX}${key}`;
  }

  checkpoint(name: string): string {
    return `${this.namespace}${CHECKPOINT_PREFIX}${name}`;
  }

  /** The stream id of a domain event's stream, or null for anything else found in `$all`. */
  streamIdOf(streamName: string, eventType: string): string | null {
    if (eventType.startsWith('$') || !streamName.startsWith(this.namespace)) return null;
    const streamId = streamName.slice(this.namespace.length);
    if (streamId === '' || streamId.startsWith('$') || streamId.startsWith(COMMAND_PREFIX) || streamId.startsWith(CHECKPOINT_PREFIX)) {
      return null;
    }
    return streamId;
  }
}

const isMetadata = (value: unknown): value is EsdbEventMetadata => {
  if (typeof value !== 'object' || value === null) return false;
  const { schemaVersion, occurredAt, actor, commandId } = value as Record<string, unknown>;
  return (
    Number.isInteger(schemaVersion) &&
    typeof occurredAt === 'string' &&
    typeof actor === 'object' &&
    actor !== null &&
    (commandId === null || typeof commandId === 'string')
  );
};

/** The envelope of a recorded domain event, upcast to the catalogue's current schema version. */
export const toEnvelope = (event: EsdbRecordedEvent, streamId: string): EventEnvelope => {
  if (!event.position) {
    throw new Error(`${event.streamId}@${event.revision}: the server sent no position (EventStoreDB 20.6 or later is needed)`);
  }
  if (!isMetadata(event.metadata)) {
    throw new Error(`${event.streamId}@${event.revision}: not written by this platform (no envelope metadata)`);
  }
  const { schemaVersion, occurredAt, actor, commandId } = event.metadata;
  return upcastStoredEvent({
    eventId: event.id,
    type: event.type,
    schemaVersion,
    streamId,
    streamVersion: versionAfterRevision(event.revision),
    position: formatEsdbPosition(event.position),
    occurredAt,
    actor: { userId: actor.userId, organizationId: actor.organizationId },
    commandId,
    data: event.data,
  });
};
