import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { EventEnvelope, schemaVersionOf } from '@coord/contracts';
import { DomainEvent, START, formatPosition, parsePosition } from '@coord/kernel';
import { wrongExpectedVersion } from '../errors/append-conflicts';
import type { AppendOptions, AppendResult, EventStore, ReadAllOptions } from '../port/event-store.port';
import { upcastStoredEvent } from '../upcast/upcast-stored-event';
import { SQLITE_EVENT_STORE_SCHEMA } from './sqlite-event-store.schema';

const BUSY_TIMEOUT_MS = 5_000;

interface EventRow {
  readonly sequence: number;
  readonly commit_sequence: number;
  readonly event_id: string;
  readonly stream_id: string;
  readonly stream_version: number;
  readonly type: string;
  readonly schema_version: number;
  readonly data: string;
  readonly occurred_at: string;
  readonly actor_user_id: string;
  readonly actor_organization_id: string;
  readonly command_id: string | null;
}

interface CommandRow {
  readonly stream_id: string;
  readonly result_id: string;
  readonly version: number;
  readonly position: string;
}

interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly DomainEvent[];
  readonly options: AppendOptions;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type AppendOutcome = { readonly result: AppendResult } | { readonly error: unknown };

const EVENT_COLUMNS = `sequence, commit_sequence, event_id, stream_id, stream_version, type, schema_version, data,
  occurred_at, actor_user_id, actor_organization_id, command_id`;

const prepareStatements = (db: Database.Database) => ({
  findCommand: db.prepare<[string], CommandRow>(
    'SELECT stream_id, result_id, version, position FROM commands WHERE key = ?',
  ),
  streamVersion: db.prepare<[string], { version: number }>('SELECT version FROM streams WHERE stream_id = ?'),
  lastSequence: db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'events'"),
  insertEvent: db.prepare<[number, number, string, string, number, string, number, string, string, string, string, string | null]>(
    `INSERT INTO events (${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  saveStreamVersion: db.prepare<[string, number]>(
    'INSERT INTO streams (stream_id, version) VALUES (?, ?) ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version',
  ),
  recordCommand: db.prepare<[string, string, string, number, string]>(
    'INSERT INTO commands (key, stream_id, result_id, version, position) VALUES (?, ?, ?, ?, ?)',
  ),
  lastEventOfStream: db.prepare<[string], Pick<EventRow, 'commit_sequence' | 'sequence'>>(
    'SELECT commit_sequence, sequence FROM events WHERE stream_id = ? ORDER BY stream_version DESC LIMIT 1',
  ),
  readStream: db.prepare<[string], EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? ORDER BY stream_version`,
  ),
  readAll: db.prepare<[bigint, number], EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE sequence > ? ORDER BY sequence LIMIT ?`,
  ),
  head: db.prepare<[], Pick<EventRow, 'commit_sequence' | 'sequence'>>(
    'SELECT commit_sequence, sequence FROM events ORDER BY sequence DESC LIMIT 1',
  ),
  loadCheckpoint: db.prepare<[string], { position: string }>('SELECT position FROM checkpoints WHERE name = ?'),
  saveCheckpoint: db.prepare<[string, string]>(
    'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
  ),
  ping: db.prepare<[], { one: number }>('SELECT 1 AS one'),
});

const positionOf = (row: Pick<EventRow, 'commit_sequence' | 'sequence'>): string =>
  `${row.commit_sequence}:${row.sequence}`;

const toEnvelope = (row: EventRow): EventEnvelope =>
  upcastStoredEvent({
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    position: positionOf(row),
    occurredAt: row.occurred_at,
    actor: { userId: row.actor_user_id, organizationId: row.actor_organization_id },
    commandId: row.command_id,
    data: JSON.parse(row.data),
  });

const toDuplicate = (row: CommandRow): AppendResult => ({
  streamId: row.stream_id,
  resultId: row.result_id,
  version: row.version,
  position: row.position,
  duplicate: true,
});

/**
 * The embedded event store: one SQLite file in WAL mode with `synchronous=FULL`, so an acknowledged
 * append has been fsynced and survives kill -9 and power loss.
 *
 * SQLite has one writer at a time, so sequences are handed out in commit order and a reader that
 * resumes after the last sequence it saw can never miss a late commit.
 */
export class SqliteEventStore implements EventStore {
  static open(filename: string): SqliteEventStore {
    mkdirSync(dirname(filename), { recursive: true });
    return new SqliteEventStore(new Database(filename));
  }

  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly appendInSavepoint: Database.Transaction<(append: PendingAppend) => AppendResult>;
  private readonly commitGroup: Database.Transaction<(group: readonly PendingAppend[]) => AppendOutcome[]>;
  private pending: PendingAppend[] = [];
  private scheduledCommit: NodeJS.Immediate | null = null;

  /**
   * Adopts an open connection. An append made while the caller holds a transaction on it becomes a
   * savepoint inside that transaction and commits with it.
   */
  constructor(private readonly db: Database.Database) {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(SQLITE_EVENT_STORE_SCHEMA);
    this.statements = prepareStatements(db);
    this.appendInSavepoint = db.transaction((append: PendingAppend) => this.appendNow(append));
    this.commitGroup = db.transaction((group: readonly PendingAppend[]) =>
      group.map((append): AppendOutcome => {
        try {
          return { result: this.appendInSavepoint(append) };
        } catch (error) {
          return { error };
        }
      }),
    );
  }

  /**
   * Appends that arrive while the event loop is busy share one transaction (group commit): each is
   * atomic in its own savepoint, and one fsync acknowledges them all. A lone writer pays one
   * `setImmediate` for it.
   */
  append(streamId: string, events: readonly DomainEvent[], options: AppendOptions): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ streamId, events, options, resolve, reject });
      this.scheduledCommit ??= setImmediate(() => this.commitPending());
    });
  }

  async readStream(streamId: string): Promise<EventEnvelope[]> {
    return this.statements.readStream.all(streamId).map(toEnvelope);
  }

  async readAll({ after, limit }: ReadAllOptions): Promise<EventEnvelope[]> {
    // The sequence alone is a sufficient cursor here: with a single writer it grows in commit order.
    const afterSequence = after === null ? 0n : parsePosition(after).minor;
    return this.statements.readAll.all(afterSequence, limit).map(toEnvelope);
  }

  async findCommand(key: string): Promise<AppendResult | null> {
    const row = this.statements.findCommand.get(key);
    return row ? toDuplicate(row) : null;
  }

  async headPosition(): Promise<string | null> {
    const row = this.statements.head.get();
    return row ? positionOf(row) : null;
  }

  async loadCheckpoint(name: string): Promise<string | null> {
    return this.statements.loadCheckpoint.get(name)?.position ?? null;
  }

  async saveCheckpoint(name: string, position: string): Promise<void> {
    this.statements.saveCheckpoint.run(name, position);
  }

  async ping(): Promise<void> {
    this.statements.ping.get();
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.commitPending();
    this.db.close();
  }

  private commitPending(): void {
    if (this.scheduledCommit) clearImmediate(this.scheduledCommit);
    this.scheduledCommit = null;
    const group = this.pending;
    this.pending = [];
    if (group.length === 0) return;
    let outcomes: AppendOutcome[];
    try {
      outcomes = this.commitGroup.immediate(group);
    } catch (error) {
      for (const append of group) append.reject(error);
      return;
    }
    outcomes.forEach((outcome, index) => {
      if ('result' in outcome) group[index].resolve(outcome.result);
      else group[index].reject(outcome.error);
    });
  }

  private appendNow({ streamId, events, options }: PendingAppend): AppendResult {
    const { command, expectedVersion } = options;
    if (command) {
      const seen = this.statements.findCommand.get(command.key);
      if (seen) return toDuplicate(seen);
    }
    const current = this.statements.streamVersion.get(streamId)?.version ?? 0;
    if (expectedVersion !== 'any' && expectedVersion !== current) {
      throw wrongExpectedVersion(streamId, expectedVersion, current);
    }
    const resultId = command?.resultId ?? streamId;
    if (events.length === 0) {
      const last = this.statements.lastEventOfStream.get(streamId);
      const position = last ? positionOf(last) : formatPosition(START);
      return { streamId, resultId, version: current, position, duplicate: false };
    }

    const commitSequence = (this.statements.lastSequence.get()?.seq ?? 0) + 1;
    const occurredAt = options.occurredAt.toISOString();
    const { userId, organizationId } = options.actor;
    const commandId = command?.commandId ?? null;
    events.forEach((event, index) => {
      this.statements.insertEvent.run(
        commitSequence + index,
        commitSequence,
        randomUUID(),
        streamId,
        current + index + 1,
        event.type,
        schemaVersionOf(event.type),
        JSON.stringify(event.data),
        occurredAt,
        userId,
        organizationId,
        commandId,
      );
    });
    const version = current + events.length;
    this.statements.saveStreamVersion.run(streamId, version);
    const position = `${commitSequence}:${commitSequence + events.length - 1}`;
    if (command) this.statements.recordCommand.run(command.key, streamId, resultId, version, position);
    return { streamId, resultId, version, position, duplicate: false };
  }
}
