import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { DomainEvent, parsePosition } from '@coord/kernel';
import { TestDatabase, createTestDatabase, describeWithPostgres } from '@coord/test-support';
import type { AppendOptions, AppendResult } from '../port/event-store.port';
import {
  PageReader,
  ReadTally,
  describeTally,
  perfectTally,
  readEverything,
  runConcurrentAppends,
  tally,
  waitForHead,
} from '../testing/concurrent-appends.scenario';
import { runEventStoreContract } from '../testing/event-store.contract';
import type { EventStoreHarness } from '../testing/event-store.harness';
import { PostgresEventStore } from './postgres-event-store';

const actor = { userId: 'user-1', organizationId: 'organisation-1' };
const occurredAt = new Date('2026-01-02T03:04:05.678Z');
const happened = (n: number): DomainEvent => ({ type: 'ThingHappened', data: { n } });
const CONCURRENCY_TIMEOUT_MS = 120_000;

/**
 * pg's `Pool.end()` resolves before its sockets close, so dropping the database right after can kill
 * a client that is still closing; without a listener that error would fail the suite.
 */
const quietPool = (connectionString: string, max: number): Pool => {
  const pool = new Pool({ connectionString, max });
  pool.on('error', () => undefined);
  return pool;
};

/** Each `create()` is a fresh schema in the suite's database; the store before it is closed. */
class PostgresHarness implements EventStoreHarness {
  latestSchema = '';
  private latest: PostgresEventStore | null = null;
  private writerPool: Pool | null = null;

  constructor(private readonly url: () => string) {}

  async create(): Promise<PostgresEventStore> {
    await this.latest?.close();
    this.latestSchema = `store_${randomUUID().replaceAll('-', '')}`;
    this.latest = await PostgresEventStore.connect(this.url(), { schema: this.latestSchema });
    return this.latest;
  }

  async appendWithDelayedCommit(
    streamId: string,
    events: readonly DomainEvent[],
    delayMs: number,
    options: AppendOptions,
  ): Promise<AppendResult> {
    if (!this.latest) throw new Error('create() a store first');
    this.writerPool ??= quietPool(this.url(), 20);
    const client = await this.writerPool.connect();
    const halfDelaySeconds = delayMs / 2 / 1000;
    try {
      await client.query('BEGIN');
      // The transaction takes its id first and appends midway, as one that writes elsewhere before
      // appending would: transaction ids, positions and commits then interleave in every order.
      await client.query('SELECT pg_current_xact_id()');
      await client.query('SELECT pg_sleep($1)', [halfDelaySeconds]);
      const result = await this.latest.appendUsing(client, streamId, events, options);
      await client.query('SELECT pg_sleep($1)', [halfDelaySeconds]);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async dispose(): Promise<void> {
    await this.latest?.close();
    this.latest = null;
    await this.writerPool?.end();
    this.writerPool = null;
  }
}

describeWithPostgres('PostgresEventStore', () => {
  let database: TestDatabase;
  const harness = new PostgresHarness(() => database.url);

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await harness.dispose();
    await database.drop();
  });

  runEventStoreContract('postgres', harness);

  describe('adapter', () => {
    it('holds back readAll and the head while an older transaction is open, then shows both in order', async () => {
      const store = await harness.create();
      const slowWriter = new Client({ connectionString: database.url });
      await slowWriter.connect();
      try {
        await slowWriter.query('BEGIN');
        const early = await store.appendUsing(slowWriter, `Early-${randomUUID()}`, [happened(1)], {
          expectedVersion: 0,
          actor,
          occurredAt,
        });
        const late = await store.append(`Late-${randomUUID()}`, [happened(2)], { expectedVersion: 0, actor, occurredAt });

        expect(await store.readAll({ after: null, limit: 10 })).toEqual([]);
        expect(await store.headPosition()).toBeNull();

        await slowWriter.query('COMMIT');
        await waitForHead(store, late.position);
        expect((await store.readAll({ after: null, limit: 10 })).map((event) => event.position)).toEqual([
          early.position,
          late.position,
        ]);
      } finally {
        await slowWriter.end();
      }
    });

    it('answers a retry that waited for its uncommitted first attempt with the first result', async () => {
      const store = await harness.create();
      const streamId = `Thing-${randomUUID()}`;
      const command = { key: `user-1|${randomUUID()}`, commandId: randomUUID(), resultId: streamId };
      const firstAttempt = new Client({ connectionString: database.url });
      await firstAttempt.connect();
      try {
        await firstAttempt.query('BEGIN');
        const first = await store.appendUsing(firstAttempt, streamId, [happened(1)], {
          expectedVersion: 'any',
          actor,
          occurredAt,
          command,
        });
        const retry = store.append(streamId, [happened(1)], { expectedVersion: 'any', actor, occurredAt, command });
        await firstAttempt.query('COMMIT');

        await expect(retry).resolves.toEqual({ ...first, duplicate: true });
        expect(await store.readStream(streamId)).toHaveLength(1);
      } finally {
        await firstAttempt.end();
      }
    });

    it("tells a caller whose transaction lost a command race that the transaction is gone", async () => {
      const store = await harness.create();
      const streamId = `Thing-${randomUUID()}`;
      const command = { key: `user-1|${randomUUID()}`, commandId: randomUUID(), resultId: streamId };
      const first = new Client({ connectionString: database.url });
      const second = new Client({ connectionString: database.url });
      await Promise.all([first.connect(), second.connect()]);
      try {
        await first.query('BEGIN');
        await second.query('BEGIN');
        await store.appendUsing(first, streamId, [happened(1)], { expectedVersion: 'any', actor, occurredAt, command });
        const losing = store.appendUsing(second, `${streamId}-again`, [happened(1)], {
          expectedVersion: 'any',
          actor,
          occurredAt,
          command,
        });
        await first.query('COMMIT');

        await expect(losing).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'DUPLICATE_COMMAND' } });
        await second.query('ROLLBACK');
        expect(await store.readStream(`${streamId}-again`)).toEqual([]);
      } finally {
        await Promise.all([first.end(), second.end()]);
      }
    });

    it('creates its schema once when several processes connect at the same moment', async () => {
      const schema = `race_${randomUUID().replaceAll('-', '')}`;

      const stores = await Promise.all([1, 2, 3, 4].map(() => PostgresEventStore.connect(database.url, { schema })));

      try {
        const appended = await stores[0].append('Thing-1', [happened(1)], { expectedVersion: 0, actor, occurredAt });
        await waitForHead(stores[3], appended.position);
        expect(await stores[3].readStream('Thing-1')).toHaveLength(1);
      } finally {
        await Promise.all(stores.map((store) => store.close()));
      }
    });

    it('refuses a schema name it would have to quote', async () => {
      await expect(PostgresEventStore.connect(database.url, { schema: 'Robert"; DROP TABLE x;--' })).rejects.toThrow(
        /lower-case identifier/,
      );
    });
  });

  describe('negative controls: the concurrency test fails readers that are wrong', () => {
    let readerPool: Pool;

    beforeAll(() => {
      readerPool = quietPool(database.url, 4);
    });

    afterAll(() => readerPool.end());

    const sqlReader =
      (sql: (schema: string) => string): PageReader =>
      async (after, limit) => {
        const { rows } = await readerPool.query<{ tx_id: string; position: string; data: unknown }>(
          sql(harness.latestSchema),
          [(after === null ? 0n : parsePosition(after).minor).toString(), limit],
        );
        return rows.map((row) => ({ position: `${row.tx_id}:${row.position}`, data: row.data }));
      };

    /** Polls by sequence alone, without the xmin guard: misses what commits after a later sequence. */
    const bySequenceAlone = sqlReader(
      (schema) => `SELECT tx_id, position, data FROM ${schema}.events
                    WHERE position > $1 ORDER BY position LIMIT $2`,
    );

    /** Guarded and ordered by (tx_id, position), but resumes after the position alone. */
    const byTransactionResumingAfterPosition = sqlReader(
      (schema) => `SELECT tx_id, position, data FROM ${schema}.events
                    WHERE tx_id < pg_snapshot_xmin(pg_current_snapshot()) AND position > $1
                    ORDER BY tx_id, position LIMIT $2`,
    );

    const wrong = (result: ReadTally): number => result.skipped + result.seenMoreThanOnce + result.foreign;

    it(
      'skips and repeats events in the same run in which readAll sees each exactly once',
      async () => {
        const store = await harness.create();
        const readAll: PageReader = (after, limit) => store.readAll({ after, limit });

        const { appended, caughtUp } = await runConcurrentAppends(harness, store, {
          readAll,
          bySequenceAlone,
          byTransactionResumingAfterPosition,
        });

        const label = 'readAll catch-up';
        expect(describeTally(label, tally(appended, caughtUp.readAll))).toBe(describeTally(label, perfectTally(appended)));

        const sequenceAlone = tally(appended, caughtUp.bySequenceAlone);
        expect(describeTally('by sequence alone, catch-up', sequenceAlone)).toMatch(/ [1-9]\d* skipped/);

        const resumingAfterPosition: Array<[string, ReadTally]> = [
          ['catch-up', tally(appended, caughtUp.byTransactionResumingAfterPosition)],
        ];
        for (const batchSize of [100, 1_000]) {
          const seen = await readEverything(byTransactionResumingAfterPosition, batchSize);
          resumingAfterPosition.push([`batches of ${batchSize}`, tally(appended, seen)]);
        }
        const wrongInAll = resumingAfterPosition.reduce((sum, [, result]) => sum + wrong(result), 0);
        const report = resumingAfterPosition.map(([label, result]) => describeTally(`tx order, position cursor, ${label}`, result));
        expect(`${wrongInAll} wrong\n${report.join('\n')}`).toMatch(/^[1-9]\d* wrong/);
      },
      CONCURRENCY_TIMEOUT_MS,
    );
  });
});
