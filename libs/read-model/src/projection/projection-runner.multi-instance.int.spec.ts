import type { EventEnvelope } from '@coord/contracts';
import { createTestDatabase, TestDatabase } from '@coord/test-support';
import type { DataSource, EntityManager } from 'typeorm';
import { allProjections } from '../projections/all-projections';
import { createReadModelDataSource } from '../read-model.data-source';
import {
  appendScenario,
  describeWithPostgres,
  emptyReadModel,
  snapshotReadModel,
  TestEventLog,
} from '../testing/read-model-test-kit';
import type { Projection } from './projection';
import { CheckpointMovedBackError, ProjectionRunner } from './projection-runner';

/**
 * Counts every application of every event in a table without a unique key: an event applied twice
 * leaves two rows instead of failing on a constraint, so the test sees the count, not an error.
 */
const APPLIED_TABLE = 'test_applied_events';
const countingProjection = (): Projection => ({
  name: 'test-applied-events',
  version: 1,
  handles: ['*'],
  tables: [APPLIED_TABLE],
  apply: async (event: EventEnvelope, manager: EntityManager) => {
    await manager.query(`INSERT INTO ${APPLIED_TABLE} (event_id) VALUES ($1)`, [event.eventId]);
  },
});

/** Batches of varying size and overlap, as two consumers of interleaving notices would see them. */
const overlappingBatches = (events: readonly EventEnvelope[], seed: number): EventEnvelope[][] => {
  const batches: EventEnvelope[][] = [];
  let state = seed;
  const next = (bound: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % bound;
  };
  for (let start = 0; start < events.length; ) {
    const size = 1 + next(25);
    const from = Math.max(0, start - next(10));
    batches.push(events.slice(from, start + size));
    start += size;
  }
  return batches;
};

describeWithPostgres('projection runner, two instances on one database', () => {
  let database: TestDatabase;
  let first: DataSource;
  let second: DataSource;
  let log: TestEventLog;
  let events: EventEnvelope[];

  beforeAll(async () => {
    database = await createTestDatabase();
    first = await createReadModelDataSource({ kind: 'postgres', url: database.url });
    // A second pool, as a second read-model service would have: its own connections and sessions.
    second = await createReadModelDataSource({ kind: 'postgres', url: database.url });
    await first.query(`CREATE TABLE ${APPLIED_TABLE} (id SERIAL PRIMARY KEY, event_id TEXT NOT NULL)`);
    log = new TestEventLog();
    await appendScenario(log, 60);
    events = await log.all();
  });
  afterAll(async () => {
    await log?.close();
    await first?.destroy();
    await second?.destroy();
    await database?.drop();
  });
  beforeEach(async () => {
    await emptyReadModel(first);
    await first.query(`DELETE FROM ${APPLIED_TABLE}`);
  });

  const appliedTwice = async (): Promise<{ event_id: string; n: string }[]> =>
    first.query(`SELECT event_id, COUNT(*) AS n FROM ${APPLIED_TABLE} GROUP BY event_id HAVING COUNT(*) > 1`);
  const appliedCount = async (): Promise<number> =>
    Number((await first.query(`SELECT COUNT(DISTINCT event_id) AS n FROM ${APPLIED_TABLE}`))[0].n);

  const singleRunnerSnapshot = async (): Promise<Record<string, string[]>> => {
    await new ProjectionRunner(first, [...allProjections, countingProjection()]).handle(events);
    const snapshot = await snapshotReadModel(first);
    await emptyReadModel(first);
    await first.query(`DELETE FROM ${APPLIED_TABLE}`);
    return snapshot;
  };

  it('applies every event exactly once when both are fed overlapping batches concurrently', async () => {
    const expected = await singleRunnerSnapshot();
    const a = new ProjectionRunner(first, [...allProjections, countingProjection()]);
    const b = new ProjectionRunner(second, [...allProjections, countingProjection()]);

    const feed = async (runner: ProjectionRunner, batches: EventEnvelope[][]) => {
      for (const batch of batches) {
        try {
          await runner.handle(batch);
        } catch (error) {
          // Never expected here (nobody resets), but a bus would redeliver: do the same.
          if (!(error instanceof CheckpointMovedBackError)) throw error;
          await runner.handle(batch);
        }
      }
    };
    await Promise.all([feed(a, overlappingBatches(events, 7)), feed(b, overlappingBatches(events, 11)), feed(a, overlappingBatches(events, 13))]);

    expect(await appliedTwice()).toEqual([]);
    expect(await appliedCount()).toBe(events.length);
    expect(await snapshotReadModel(first)).toEqual(expected);
    const head = events[events.length - 1].position;
    expect(a.appliedPosition()).toBe(head);
    expect(b.appliedPosition()).toBe(head);
  });

  it('applies every event exactly once when both catch up from the log at the same time', async () => {
    const expected = await singleRunnerSnapshot();
    const a = new ProjectionRunner(first, [...allProjections, countingProjection()], { catchUpBatchSize: 17 });
    const b = new ProjectionRunner(second, [...allProjections, countingProjection()], { catchUpBatchSize: 23 });

    const [readByA, readByB] = await Promise.all([a.catchUp(log.store), b.catchUp(log.store)]);

    expect(await appliedTwice()).toEqual([]);
    expect(await appliedCount()).toBe(events.length);
    expect(await snapshotReadModel(first)).toEqual(expected);
    // Both read at most the whole log; neither re-applied what the other had.
    expect(readByA + readByB).toBeGreaterThanOrEqual(events.length);
  });

  it("resolves one instance's waitFor for a position only the other applied", async () => {
    const a = new ProjectionRunner(first, allProjections);
    const b = new ProjectionRunner(second, allProjections, { checkpointPollMs: 10 });
    await a.handle(events.slice(0, 10));
    await b.handle(events.slice(0, 10));

    const waiting = b.waitFor(events[40].position, 30_000);
    await a.handle(events.slice(10, 41));

    await expect(waiting).resolves.toBeUndefined();
    expect(b.appliedPosition()).toBe(events[40].position);
  });

  it('refuses a batch, applying nothing, when another instance reset the projections behind it', async () => {
    const a = new ProjectionRunner(first, [...allProjections, countingProjection()]);
    const b = new ProjectionRunner(second, [...allProjections, countingProjection()]);
    await a.handle(events.slice(0, 50));
    await b.handle(events.slice(0, 50));
    await a.rebuild(log.store);
    // A rebuild on `a` replayed the whole log; `b` still believes in its own checkpoints.
    await first.query(`UPDATE projection_checkpoints SET position = $1`, [events[20].position]);
    const before = await snapshotReadModel(first);

    await expect(b.handle(events.slice(50, 60))).rejects.toBeInstanceOf(CheckpointMovedBackError);

    expect(await snapshotReadModel(first)).toEqual(before);
    expect(b.appliedPosition()).toBe(events[20].position);
  });
});
