import { DatabaseError, Pool, QueryConfig, QueryResult, QueryResultRow } from 'pg';
import { EventEnvelope, schemaVersionOf } from '@coord/contracts';
import { DomainEvent, START, conflict, parsePosition } from '@coord/kernel';
import { DUPLICATE_COMMAND, WRONG_EXPECTED_VERSION, wrongExpectedVersion } from '../errors/append-conflicts';
import type { AppendOptions, AppendResult, EventStore, ReadAllOptions } from '../port/event-store.port';
import { upcastStoredEvent } from '../upcast/upcast-stored-event';
import { postgresEventStoreSchema } from './postgres-event-store.schema';

export interface PostgresEventStoreOptions {
  readonly poolSize?: number;
  /** The PostgreSQL schema that holds the log's tables; created if absent. */
  readonly schema?: string;
}

/** A pool or a single client, so that `appendUsing` can run inside a transaction the caller holds. */
export interface Queryable {
  query<Row extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<Row>>;
}

const DEFAULT_SCHEMA = 'event_store';
const DEFAULT_POOL_SIZE = 10;
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
const UNIQUE_VIOLATION = '23505';

interface ResultRow {
  readonly r_stream_id: string;
  readonly r_version: number;
  readonly r_position: string;
  readonly r_result_id: string;
}

type AppendRow =
  | (ResultRow & { readonly r_outcome: 'appended' | 'duplicate' })
  | { readonly r_outcome: 'conflict'; readonly r_version: number | null };

interface EventRow {
  readonly tx_id: string;
  readonly position: string;
  readonly event_id: string;
  readonly stream_id: string;
  readonly stream_version: number;
  readonly type: string;
  readonly schema_version: number;
  readonly data: unknown;
  readonly occurred_at: Date;
  readonly actor_user_id: string;
  readonly actor_organization_id: string;
  readonly command_id: string | null;
}

const EVENT_COLUMNS = `tx_id, position, event_id, stream_id, stream_version, type, schema_version, data, occurred_at,
  actor_user_id, actor_organization_id, command_id`;

/*
 * Why readAll and headPosition look only below pg_snapshot_xmin: a transaction takes its id and its
 * positions when it writes, but transactions commit in any order. A reader that has already seen
 * (tx 105, position 900) may later find (tx 103, position 880) committed, and a cursor past either
 * number would skip it for good. Every transaction below the snapshot's xmin has finished, so that
 * part of the log can no longer change; reading only there in (tx_id, position) order, resuming after
 * the pair, sees every committed event exactly once. The price: one long-open transaction anywhere
 * in the cluster holds readers back until it ends.
 */
const VISIBLE = 'tx_id < pg_snapshot_xmin(pg_current_snapshot())';

const statementsFor = (schema: string) => ({
  append: `SELECT r_outcome, r_stream_id, r_version, r_position, r_result_id
             FROM ${schema}.es_append($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
  findCommand: `SELECT stream_id AS r_stream_id, version AS r_version, position AS r_position, result_id AS r_result_id
                  FROM ${schema}.commands WHERE key = $1`,
  readStream: `SELECT ${EVENT_COLUMNS} FROM ${schema}.events WHERE stream_id = $1 ORDER BY stream_version`,
  readAll: `SELECT ${EVENT_COLUMNS} FROM ${schema}.events
             WHERE ${VISIBLE} AND (tx_id, position) > ($1::xid8, $2::bigint)
             ORDER BY tx_id, position LIMIT $3`,
  head: `SELECT tx_id::text || ':' || position AS head FROM ${schema}.events
          WHERE ${VISIBLE} ORDER BY tx_id DESC, position DESC LIMIT 1`,
  loadCheckpoint: `SELECT position FROM ${schema}.checkpoints WHERE name = $1`,
  saveCheckpoint: `INSERT INTO ${schema}.checkpoints (name, position) VALUES ($1, $2)
                   ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
});

const toEnvelope = (row: EventRow): EventEnvelope =>
  upcastStoredEvent({
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    position: `${row.tx_id}:${row.position}`,
    occurredAt: row.occurred_at.toISOString(),
    actor: { userId: row.actor_user_id, organizationId: row.actor_organization_id },
    commandId: row.command_id,
    data: row.data,
  });

const toResult = (row: ResultRow, duplicate: boolean): AppendResult => ({
  streamId: row.r_stream_id,
  resultId: row.r_result_id,
  version: row.r_version,
  position: row.r_position,
  duplicate,
});

const isUniqueViolation = (error: unknown): error is DatabaseError =>
  error instanceof DatabaseError && error.code === UNIQUE_VIOLATION;

/**
 * The event store on PostgreSQL. Positions are `"<transaction id>:<sequence>"`; an append is one
 * round trip to `es_append` (see postgres-event-store.schema.ts).
 */
export class PostgresEventStore implements EventStore {
  static async connect(connectionString: string, options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
    const schema = options.schema ?? DEFAULT_SCHEMA;
    if (!IDENTIFIER.test(schema)) throw new Error(`event store schema must be a lower-case identifier: ${schema}`);
    const pool = new Pool({ connectionString, max: options.poolSize ?? DEFAULT_POOL_SIZE });
    // An idle client that dies is dropped by the pool; the next query reports the outage.
    pool.on('error', () => undefined);
    try {
      await createSchema(pool, schema);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresEventStore(pool, schema);
  }

  private readonly sql: ReturnType<typeof statementsFor>;

  private constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {
    this.sql = statementsFor(schema);
  }

  append(streamId: string, events: readonly DomainEvent[], options: AppendOptions): Promise<AppendResult> {
    return this.appendUsing(this.pool, streamId, events, options);
  }

  /**
   * Appends on the caller's connection, e.g. inside a transaction that also writes elsewhere. If a
   * concurrent attempt of the same command commits first, that transaction is aborted and this throws
   * `CONFLICT` with reason `DUPLICATE_COMMAND`.
   */
  async appendUsing(
    connection: Queryable,
    streamId: string,
    events: readonly DomainEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const { command, expectedVersion } = options;
    const payload = events.map((event) => ({
      type: event.type,
      schemaVersion: schemaVersionOf(event.type),
      data: event.data,
    }));
    let row: AppendRow;
    try {
      const result = await connection.query<AppendRow>({
        // Named, so each connection parses and plans it once.
        name: `es_append:${this.schema}`,
        text: this.sql.append,
        values: [
          streamId,
          expectedVersion === 'any' ? null : expectedVersion,
          command?.key ?? null,
          command?.commandId ?? null,
          command?.resultId ?? streamId,
          options.actor.userId,
          options.actor.organizationId,
          options.occurredAt.toISOString(),
          JSON.stringify(payload),
        ],
      });
      row = result.rows[0];
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (command && error.table === 'commands') return this.answerRepeatedCommand(connection, streamId, command.key);
      // es_append serialises writers on the stream's row, so this is a last line of defence.
      throw conflict(WRONG_EXPECTED_VERSION, `${streamId}: another writer appended at the same version first`);
    }
    if (row.r_outcome === 'conflict') throw wrongExpectedVersion(streamId, expectedVersion, row.r_version);
    return toResult(row, row.r_outcome === 'duplicate');
  }

  /**
   * The command's key was recorded while this attempt ran, so PostgreSQL undid the attempt. On the
   * pool that is the whole story and the first result is the answer; in a caller's transaction the
   * caller must learn that its transaction was aborted with it.
   */
  private async answerRepeatedCommand(connection: Queryable, streamId: string, key: string): Promise<AppendResult> {
    const first = connection === this.pool ? await this.findCommand(key) : null;
    if (first) return first;
    throw conflict(DUPLICATE_COMMAND, `${streamId}: command ${key} was recorded by a concurrent attempt`);
  }

  async readStream(streamId: string): Promise<EventEnvelope[]> {
    const { rows } = await this.pool.query<EventRow>({
      name: `es_read_stream:${this.schema}`,
      text: this.sql.readStream,
      values: [streamId],
    });
    return rows.map(toEnvelope);
  }

  async readAll({ after, limit }: ReadAllOptions): Promise<EventEnvelope[]> {
    const cursor = after === null ? START : parsePosition(after);
    const { rows } = await this.pool.query<EventRow>({
      name: `es_read_all:${this.schema}`,
      text: this.sql.readAll,
      values: [cursor.major.toString(), cursor.minor.toString(), limit],
    });
    return rows.map(toEnvelope);
  }

  async findCommand(key: string): Promise<AppendResult | null> {
    const { rows } = await this.pool.query<ResultRow>(this.sql.findCommand, [key]);
    return rows[0] ? toResult(rows[0], true) : null;
  }

  async headPosition(): Promise<string | null> {
    const { rows } = await this.pool.query<{ head: string }>(this.sql.head);
    return rows[0]?.head ?? null;
  }

  async loadCheckpoint(name: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ position: string }>(this.sql.loadCheckpoint, [name]);
    return rows[0]?.position ?? null;
  }

  async saveCheckpoint(name: string, position: string): Promise<void> {
    await this.pool.query(this.sql.saveCheckpoint, [name, position]);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Two processes may start at once; the advisory lock lets one create while the other waits. */
const createSchema = async (pool: Pool, schema: string): Promise<void> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`coord.event-store:${schema}`]);
    await client.query(postgresEventStoreSchema(schema));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};
