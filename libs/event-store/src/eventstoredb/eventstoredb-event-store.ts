import { randomUUID } from 'node:crypto';
import {
  AllStreamResolvedEvent,
  AppendResult as EsdbAppendResult,
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  JSONType,
  ResolvedEvent,
  START,
  StreamNotFoundError,
  streamNameFilter,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { EventEnvelope, schemaVersionOf } from '@coord/contracts';
import { DomainEvent, formatPosition, START as LOG_START } from '@coord/kernel';
import { wrongExpectedVersion } from '../errors/append-conflicts';
import type { AppendOptions, AppendResult, EventStore, ReadAllOptions } from '../port/event-store.port';
import type { LogFeed } from './catch-up.subscription';
import {
  commandEventId,
  compareEsdbPositions,
  EsdbEventMetadata,
  EsdbExpectedRevision,
  EsdbPosition,
  EsdbRecordedEvent,
  EsdbStreamNames,
  formatEsdbPosition,
  NO_STREAM_REVISION,
  parseEsdbPosition,
  toEnvelope,
  toExpectedRevision,
  versionAfterRevision,
  versionOfCurrentRevision,
} from './eventstoredb-mapping';

export interface EventStoreDbOptions {
  /** Prefix of every stream this store writes and reads: '' in production, one per store in tests. */
  readonly namespace?: string;
  /** Events fetched per read of `$all`; system events and command and checkpoint records are skipped here. */
  readonly pageSize?: number;
}

/** The first result of a command, in its `_command-<key>` stream (a type, so that it is JSON to the client). */
type CommandRecord = {
  readonly streamId: string;
  readonly resultId: string;
  readonly version: number;
  readonly position: string;
  readonly commandId: string;
};

const COMMAND_RECORDED = 'CommandRecorded';
const CHECKPOINT_SAVED = 'CheckpointSaved';
const CHECKPOINT_ATTEMPTS = 5;

/** A write refused for its expected revision, whether the client throws or answers `success: false`. */
class RevisionConflict extends Error {
  constructor(readonly current: EsdbExpectedRevision | 'any' | 'stream_exists') {
    super('wrong expected revision');
  }
}

const collect = async <T>(read: AsyncIterable<T>): Promise<T[]> => {
  const items: T[] = [];
  try {
    for await (const item of read) items.push(item);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return items;
};

/** `position` of an event read from a stream or `$all`; a negative one means "not known" to the client. */
const knownPosition = (position: EsdbPosition | undefined): EsdbPosition | undefined =>
  position && position.commit >= 0n && position.prepare >= 0n ? position : undefined;

/**
 * The event store on EventStoreDB (@eventstore/db-client, gRPC).
 *
 * Concurrency: every append names an explicit expected revision (`NO_STREAM` for version 0, else
 * revision n-1). `'any'` is resolved to the stream's current revision first and retried on a
 * conflict, because the client's own ANY would skip the server's check altogether.
 *
 * Idempotency, in two layers. (1) Event ids derive from the command key, so the retry of a command
 * whose first attempt was written but never acknowledged sends the same ids at the same revision,
 * which the server acknowledges without writing them twice. (2) After the events, the result is
 * recorded in `_command-<key>` with `NO_STREAM`: the first attempt to record wins, and a retry — or a
 * twin racing it — finds that record and answers it as a duplicate, even once its own expected
 * version has gone stale. EventStoreDB has no multi-stream transaction; the order (events first,
 * record second) means a crash between the two is healed by the next retry through layer (1).
 *
 * Global order: `$all`, whose (commit, prepare) positions only grow in commit order, so a reader
 * paging after the last position it saw never skips a late commit. The position travels as
 * `"<commit>:<prepare>"`.
 */
export class EventStoreDbEventStore implements EventStore {
  static connect(connectionString: string, options: EventStoreDbOptions = {}): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), options);
  }

  private readonly names: EsdbStreamNames;
  private readonly pageSize: number;
  /** Revision of each checkpoint stream as this process last wrote it, to name it on the next write. */
  private readonly checkpointRevisions = new Map<string, EsdbExpectedRevision>();

  constructor(
    private readonly client: EventStoreDBClient,
    options: EventStoreDbOptions = {},
  ) {
    this.names = new EsdbStreamNames(options.namespace ?? '');
    this.pageSize = options.pageSize ?? 500;
    if (!(this.pageSize >= 2)) throw new Error('pageSize must be at least 2');
  }

  async append(streamId: string, events: readonly DomainEvent[], options: AppendOptions): Promise<AppendResult> {
    const { command, expectedVersion } = options;
    if (command) {
      const seen = await this.findCommand(command.key);
      if (seen) return seen;
    }
    const stream = this.names.events(streamId);
    const resultId = command?.resultId ?? streamId;
    if (events.length === 0) return this.unchanged(streamId, resultId, options);

    const occurredAt = options.occurredAt.toISOString();
    const actor = { userId: options.actor.userId, organizationId: options.actor.organizationId };
    const proposed = events.map((event, index) => {
      const metadata: EsdbEventMetadata = { schemaVersion: schemaVersionOf(event.type), occurredAt, actor, commandId: command?.commandId ?? null };
      return jsonEvent({
        id: command ? commandEventId(command.key, index) : randomUUID(),
        type: event.type,
        data: event.data as JSONType,
        metadata,
      });
    });

    let written: EsdbAppendResult;
    for (;;) {
      const revision = expectedVersion === 'any' ? await this.currentRevision(stream) : toExpectedRevision(expectedVersion);
      try {
        written = await this.write(stream, proposed, revision);
        break;
      } catch (error) {
        if (!(error instanceof RevisionConflict)) throw error;
        // Someone appended between reading the revision and writing: read it again.
        if (expectedVersion === 'any') continue;
        if (command) {
          const seen = await this.findCommand(command.key);
          if (seen) return seen;
        }
        throw wrongExpectedVersion(streamId, expectedVersion, versionOfCurrentRevision(error.current));
      }
    }
    const lastRevision = written.nextExpectedRevision;
    const position = knownPosition(written.position) ?? (await this.positionAt(stream, lastRevision));
    const result: AppendResult = {
      streamId,
      resultId,
      version: versionAfterRevision(lastRevision),
      position: formatEsdbPosition(position),
      duplicate: false,
    };
    return command ? this.recordCommand(command.key, command.commandId, result) : result;
  }

  async readStream(streamId: string): Promise<EventEnvelope[]> {
    const read = await collect(this.client.readStream(this.names.events(streamId), { fromRevision: START, direction: FORWARDS }));
    return read.flatMap(({ event }) => (event ? [toEnvelope(event as EsdbRecordedEvent, streamId)] : []));
  }

  async readAll({ after, limit }: ReadAllOptions): Promise<EventEnvelope[]> {
    const found: EventEnvelope[] = [];
    let cursor = after === null ? null : parseEsdbPosition(after);
    for (;;) {
      // The read starts AT its position, inclusive: the event at the cursor is skipped below.
      const page = await collect(
        this.client.readAll({ fromPosition: cursor ?? START, maxCount: this.pageSize, direction: FORWARDS }),
      );
      for (const { event } of page) {
        if (!event) continue;
        if (cursor !== null && compareEsdbPositions(event.position, cursor) <= 0) continue;
        cursor = event.position;
        const envelope = this.domainEnvelope(event);
        if (!envelope) continue;
        found.push(envelope);
        if (found.length === limit) return found;
      }
      if (page.length < this.pageSize) return found;
    }
  }

  async findCommand(key: string): Promise<AppendResult | null> {
    const [first] = await collect(this.client.readStream(this.names.command(key), { fromRevision: START, maxCount: 1 }));
    if (!first?.event) return null;
    const record = first.event.data as unknown as CommandRecord;
    return {
      streamId: record.streamId,
      resultId: record.resultId,
      version: record.version,
      position: record.position,
      duplicate: true,
    };
  }

  async headPosition(): Promise<string | null> {
    let cursor: EsdbPosition | null = null;
    for (;;) {
      const page: AllStreamResolvedEvent[] = await collect(
        this.client.readAll({ fromPosition: cursor ?? END, maxCount: this.pageSize, direction: BACKWARDS }),
      );
      for (const { event } of page) {
        if (!event) continue;
        if (cursor !== null && compareEsdbPositions(event.position, cursor) >= 0) continue;
        cursor = event.position;
        if (this.names.streamIdOf(event.streamId, event.type) !== null) return formatEsdbPosition(event.position);
      }
      if (page.length < this.pageSize) return null;
    }
  }

  async loadCheckpoint(name: string): Promise<string | null> {
    const last = await this.lastEvent(this.names.checkpoint(name));
    return last ? (last.data as { position: string }).position : null;
  }

  /**
   * One stream per checkpoint, the last event wins. The stream keeps one event (`maxCount` 1), so
   * a scavenge reclaims the rest.
   */
  async saveCheckpoint(name: string, position: string): Promise<void> {
    const stream = this.names.checkpoint(name);
    for (let attempt = 1; ; attempt += 1) {
      const revision = this.checkpointRevisions.get(name) ?? (await this.currentRevision(stream));
      try {
        const written = await this.write(stream, [jsonEvent({ type: CHECKPOINT_SAVED, data: { position } })], revision);
        this.checkpointRevisions.set(name, written.nextExpectedRevision);
        if (revision === NO_STREAM_REVISION) {
          await this.client.setStreamMetadata(stream, { maxCount: 1 }, { expectedRevision: NO_STREAM_REVISION });
        }
        return;
      } catch (error) {
        // Another process moved the same checkpoint (two relays during a rolling restart): re-read, last write wins.
        this.checkpointRevisions.delete(name);
        if (!(error instanceof RevisionConflict || error instanceof WrongExpectedVersionError) || attempt === CHECKPOINT_ATTEMPTS) {
          throw error;
        }
      }
    }
  }

  async ping(): Promise<void> {
    await collect(this.client.readAll({ fromPosition: END, maxCount: 1, direction: BACKWARDS }));
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  /**
   * A live feed of this store's domain events in `$all` after `after`, for `CatchUpSubscription`,
   * which resubscribes from its stored checkpoint when the feed drops. The server filters out
   * system events (or other namespaces); command and checkpoint records are skipped here.
   */
  feedAfter(after: string | null): LogFeed {
    const names = this.names;
    const subscription = this.client.subscribeToAll({
      fromPosition: after === null ? START : parseEsdbPosition(after),
      filter: names.namespace ? streamNameFilter({ prefixes: [names.namespace] }) : excludeSystemEvents(),
    });
    const toDomain = (event: AllStreamResolvedEvent['event']) => (event ? this.domainEnvelope(event) : null);
    return {
      async *[Symbol.asyncIterator]() {
        for await (const { event } of subscription) {
          const envelope = toDomain(event);
          if (envelope) yield envelope;
        }
      },
      close: () => subscription.unsubscribe(),
    };
  }

  private domainEnvelope(event: NonNullable<AllStreamResolvedEvent['event']>): EventEnvelope | null {
    const streamId = this.names.streamIdOf(event.streamId, event.type);
    return streamId === null ? null : toEnvelope(event as EsdbRecordedEvent, streamId);
  }

  private async write(
    stream: string,
    events: Parameters<EventStoreDBClient['appendToStream']>[1],
    expectedRevision: EsdbExpectedRevision,
  ): Promise<EsdbAppendResult> {
    let written: EsdbAppendResult;
    try {
      written = await this.client.appendToStream(stream, events, { expectedRevision });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) throw new RevisionConflict(error.actualVersion);
      throw error;
    }
    // With throwOnAppendFailure=false in the connection string, the client answers instead of throwing.
    if (!written.success) {
      throw new RevisionConflict(written.nextExpectedRevision >= 0n ? written.nextExpectedRevision : NO_STREAM_REVISION);
    }
    return written;
  }

  /** The first attempt to record a command's result wins; every other attempt answers that one. */
  private async recordCommand(key: string, commandId: string, result: AppendResult): Promise<AppendResult> {
    const record: CommandRecord = {
      streamId: result.streamId,
      resultId: result.resultId,
      version: result.version,
      position: result.position,
      commandId,
    };
    try {
      // A random event id on purpose: with a derived one, a racing twin's write would be taken for
      // an idempotent retry and both would answer "first".
      await this.write(this.names.command(key), [jsonEvent({ type: COMMAND_RECORDED, data: record })], NO_STREAM_REVISION);
      return result;
    } catch (error) {
      if (!(error instanceof RevisionConflict)) throw error;
      const first = await this.findCommand(key);
      if (!first) throw error;
      return first;
    }
  }

  /** An append of nothing: checks the expected version and answers where the stream stands. */
  private async unchanged(streamId: string, resultId: string, { expectedVersion }: AppendOptions): Promise<AppendResult> {
    const last = await this.lastEvent(this.names.events(streamId));
    const version = last ? versionAfterRevision(last.revision) : 0;
    if (expectedVersion !== 'any' && expectedVersion !== version) throw wrongExpectedVersion(streamId, expectedVersion, version);
    const position = last ? formatEsdbPosition(this.positionOf(last)) : formatPosition(LOG_START);
    return { streamId, resultId, version, position, duplicate: false };
  }

  private async currentRevision(stream: string): Promise<EsdbExpectedRevision> {
    const last = await this.lastEvent(stream);
    return last ? last.revision : NO_STREAM_REVISION;
  }

  private async lastEvent(stream: string): Promise<EsdbRecordedEvent | null> {
    const [last] = await collect<ResolvedEvent>(this.client.readStream(stream, { fromRevision: END, direction: BACKWARDS, maxCount: 1 }));
    return (last?.event as EsdbRecordedEvent | undefined) ?? null;
  }

  private async positionAt(stream: string, revision: bigint): Promise<EsdbPosition> {
    const [found] = await collect<ResolvedEvent>(this.client.readStream(stream, { fromRevision: revision, maxCount: 1 }));
    if (!found?.event) throw new Error(`${stream}@${revision} was acknowledged but cannot be read back`);
    return this.positionOf(found.event as EsdbRecordedEvent);
  }

  private positionOf(event: EsdbRecordedEvent): EsdbPosition {
    const position = knownPosition(event.position);
    if (!position) throw new Error(`${event.streamId}@${event.revision}: the server sent no position (EventStoreDB 20.6 or later is needed)`);
    return position;
  }
}
