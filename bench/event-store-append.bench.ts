import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client, Pool } from 'pg';
import { EventStore, PostgresEventStore, SqliteEventStore } from '@coord/event-store';
import type { DomainEvent } from '@coord/kernel';
import { postgresEventStoreSchema } from '../libs/event-store/src/postgres/postgres-event-store.schema';
import { SQLITE_EVENT_STORE_SCHEMA } from '../libs/event-store/src/sqlite/sqlite-event-store.schema';

/*
 * The store's append next to the cheapest way to put the same rows into the same table, measured in
 * one run: what the store costs beyond the engine's own commit. Every append goes through the real
 * path (expected version, and a command key where the table says so); streams rotate every
 * STREAM_LENGTH events as records do.
 *
 *   node tools/run-ts.js bench/event-store-append.bench.ts
 *   BENCH_DURATION_MS=5000 BENCH_DATABASE_URL=postgres://… node tools/run-ts.js bench/event-store-append.bench.ts
 */

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 3_000);
const WARM_UP_MS = 500;
const SLICE_MS = 250;
const ADMIN_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const STREAM_LENGTH = 10;
const CASES = [
  { writers: 1, eventsPerAppend: 1, commandKey: true },
  { writers: 1, eventsPerAppend: 1, commandKey: false },
  { writers: 16, eventsPerAppend: 1, commandKey: true },
  { writers: 1, eventsPerAppend: 10, commandKey: true },
] as const;

export interface AppendBenchRow {
  readonly engine: 'sqlite' | 'postgres';
  readonly writers: number;
  readonly eventsPerAppend: number;
  /** Whether each append also recorded a command key for idempotency. */
  readonly commandKey: boolean;
  readonly storeEventsPerSecond: number;
  readonly rawEventsPerSecond: number;
  /** store / raw */
  readonly ratio: number;
}

export interface AppendBenchResult {
  readonly title: string;
  readonly markdown: string;
  readonly figures: Record<string, number>;
  readonly rows: readonly AppendBenchRow[];
}

/** One writer's way to write `count` events: through the store, or as bare INSERTs. */
type WriteBatch = (writer: number, count: number) => Promise<void>;

const ACTOR = { userId: 'bench-user', organizationId: 'bench-organisation' };
// About the size of a DeliveryPlanned with two items.
const DATA = {
  deliveryId: randomUUID(),
  agencyId: randomUUID(),
  implementingPartnerId: null,
  sector: 'FOOD_SECURITY',
  items: [
    { commodity: 'maize flour', quantity: 1200, unit: 'kg' },
    { commodity: 'vegetable oil', quantity: 150, unit: 'l' },
  ],
  destination: 'ML0601',
  plannedDate: '2026-12-01',
  targetedBeneficiaries: 850,
  plannedAt: '2026-11-21T10:00:00.000Z',
};
const TYPE = 'DeliveryPlanned';
const DATA_JSON = JSON.stringify(DATA);

/** Per writer: which stream it is on and how far along, so streams rotate like records do. */
class StreamCursor {
  private streamId = '';
  private version = STREAM_LENGTH;

  next(count: number): { streamId: string; version: number } {
    if (this.version + count > STREAM_LENGTH) {
      this.streamId = `Delivery-${randomUUID()}`;
      this.version = 0;
    }
    const at = { streamId: this.streamId, version: this.version };
    this.version += count;
    return at;
  }
}

const eventsOf = (count: number): DomainEvent[] => Array.from({ length: count }, () => ({ type: TYPE, data: DATA }));

const throughStore = (store: EventStore, writers: number, commandKey: boolean): WriteBatch => {
  const cursors = Array.from({ length: writers }, () => new StreamCursor());
  return async (writer, count) => {
    const { streamId, version } = cursors[writer].next(count);
    const commandId = randomUUID();
    await store.append(streamId, eventsOf(count), {
      expectedVersion: version,
      actor: ACTOR,
      occurredAt: new Date(),
      command: commandKey ? { key: `${ACTOR.userId}|${commandId}`, commandId, resultId: streamId } : undefined,
    });
  };
};

/** `writers` closed loops for `durationMs`. */
const measure = async (write: WriteBatch, writers: number, eventsPerAppend: number, durationMs: number) => {
  let events = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      while (performance.now() < deadline) {
        await write(writer, eventsPerAppend);
        events += eventsPerAppend;
      }
    }),
  );
  return { events, seconds: (performance.now() - started) / 1000 };
};

/**
 * Store and raw take turns in slices of a quarter second rather than one long run each, so that load
 * from anything else on the machine (and the disk's fsync latency with it) falls on both sides alike.
 */
const compare = async (
  engine: AppendBenchRow['engine'],
  store: EventStore,
  raw: (writers: number) => WriteBatch,
): Promise<AppendBenchRow[]> => {
  const rows: AppendBenchRow[] = [];
  for (const { writers, eventsPerAppend, commandKey } of CASES) {
    const sides = [throughStore(store, writers, commandKey), raw(writers)];
    const totals = sides.map(() => ({ events: 0, seconds: 0 }));
    for (const write of sides) await measure(write, writers, eventsPerAppend, WARM_UP_MS);
    for (let slice = 0; slice < DURATION_MS / SLICE_MS; slice += 1) {
      for (const [side, write] of sides.entries()) {
        const { events, seconds } = await measure(write, writers, eventsPerAppend, SLICE_MS);
        totals[side].events += events;
        totals[side].seconds += seconds;
      }
    }
    const [storeEventsPerSecond, rawEventsPerSecond] = totals.map((total) => total.events / total.seconds);
    rows.push({
      engine,
      writers,
      eventsPerAppend,
      commandKey,
      storeEventsPerSecond,
      rawEventsPerSecond,
      ratio: storeEventsPerSecond / rawEventsPerSecond,
    });
  }
  return rows;
};

/** The raw side: a prepared INSERT per event, each append's events in one transaction, same pragmas. */
const sqliteRows = async (): Promise<AppendBenchRow[]> => {
  const directory = mkdtempSync(join(tmpdir(), 'coord-bench-event-store-'));
  const store = SqliteEventStore.open(join(directory, 'store.sqlite'));
  const db = new Database(join(directory, 'raw.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(SQLITE_EVENT_STORE_SCHEMA);
    const insert = db.prepare(
      `INSERT INTO events (commit_sequence, event_id, stream_id, stream_version, type, schema_version, data,
         occurred_at, actor_user_id, actor_organization_id, command_id) VALUES (0, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
    );
    const insertAll = db.transaction((streamId: string, version: number, count: number) => {
      const occurredAt = new Date().toISOString();
      const commandId = randomUUID();
      for (let index = 1; index <= count; index += 1) {
        insert.run(randomUUID(), streamId, version + index, TYPE, DATA_JSON, occurredAt, ACTOR.userId, ACTOR.organizationId, commandId);
      }
    });
    const raw = (writers: number): WriteBatch => {
      const cursors = Array.from({ length: writers }, () => new StreamCursor());
      return async (writer, count) => {
        const { streamId, version } = cursors[writer].next(count);
        insertAll(streamId, version, count);
      };
    };
    return await compare('sqlite', store, raw);
  } finally {
    await store.close();
    db.close();
    rmSync(directory, { recursive: true, force: true });
  }
};

/** The raw side: single-statement autocommit INSERTs (named, so prepared once per connection). */
const postgresRows = async (): Promise<AppendBenchRow[]> => {
  const name = `bench_${randomBytes(5).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const maxWriters = Math.max(...CASES.map((benchCase) => benchCase.writers));
  const store = await PostgresEventStore.connect(url.toString(), { poolSize: maxWriters });
  const pool = new Pool({ connectionString: url.toString(), max: maxWriters });
  // The forced DROP DATABASE at the end may reach a client that is still closing.
  pool.on('error', () => undefined);
  try {
    // The same DDL as the store's, in a schema of its own: an equivalent table with the same indexes.
    await pool.query(postgresEventStoreSchema('raw'));
    const insertOne = `INSERT INTO raw.events (stream_id, stream_version, type, schema_version, data, occurred_at,
                         actor_user_id, actor_organization_id, command_id) VALUES ($1, $2 + 1, $3, 1, $4, $5, $6, $7, $8)`;
    const insertMany = `INSERT INTO raw.events (stream_id, stream_version, type, schema_version, data, occurred_at,
                          actor_user_id, actor_organization_id, command_id)
                        SELECT $1, $2 + n, $3, 1, $4, $5, $6, $7, $8 FROM generate_series(1, $9::integer) AS n`;
    const raw = (writers: number): WriteBatch => {
      const cursors = Array.from({ length: writers }, () => new StreamCursor());
      return async (writer, count) => {
        const { streamId, version } = cursors[writer].next(count);
        const values = [
          streamId,
          version,
          TYPE,
          DATA_JSON,
          new Date().toISOString(),
          ACTOR.userId,
          ACTOR.organizationId,
          randomUUID(),
        ];
        await (count === 1
          ? pool.query({ name: 'raw-insert-one', text: insertOne, values })
          : pool.query({ name: 'raw-insert-many', text: insertMany, values: [...values, count] }));
      };
    };
    return await compare('postgres', store, raw);
  } finally {
    await store.close();
    await pool.end();
    await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
};

const withAdmin = async (work: (admin: Client) => Promise<unknown>): Promise<void> => {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
};

const rounded = (value: number): string => Math.round(value).toLocaleString('en-US');

export const run = async (): Promise<AppendBenchResult> => {
  const rows = [...(await sqliteRows()), ...(await postgresRows())];
  const table = [
    '| engine | writers | events/append | command key | store events/s | raw INSERT events/s | store/raw |',
    '| --- | ---: | ---: | --- | ---: | ---: | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.engine} | ${row.writers} | ${row.eventsPerAppend} | ${row.commandKey ? 'yes' : 'no'} | ` +
        `${rounded(row.storeEventsPerSecond)} | ${rounded(row.rawEventsPerSecond)} | ${row.ratio.toFixed(2)} |`,
    ),
  ].join('\n');
  const figures = Object.fromEntries(
    rows.flatMap((row) => {
      const key = `${row.engine}.w${row.writers}.b${row.eventsPerAppend}${row.commandKey ? '' : '.nokey'}`;
      return [
        [`${key}.store`, row.storeEventsPerSecond],
        [`${key}.raw`, row.rawEventsPerSecond],
        [`${key}.ratio`, row.ratio],
      ];
    }),
  );
  const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} logical CPUs, Node ${process.version}`;
  const markdown =
    `${machine}, load average ${loadavg()[0].toFixed(2)} at start; ${DURATION_MS} ms per side and case in alternating ` +
    `${SLICE_MS} ms slices after ${WARM_UP_MS} ms of warm-up. Every append checks the expected version; ` +
    `raw = the same rows as bare INSERTs into a table with the store's DDL.\n\n${table}`;
  return { title: 'Event store append vs raw INSERT', markdown, figures, rows };
};

// tools/run-ts.js requires the entry itself, so `require.main` is the launcher; argv[1] names the entry.
if (process.argv[1] === __filename) {
  run().then(
    (result) => {
      process.stdout.write(`## ${result.title}\n\n${result.markdown}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
