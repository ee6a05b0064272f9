import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventEnvelope } from '@coord/contracts';
import { SqliteEventStore } from '@coord/event-store';
import { InProcessEventBus } from '../in-process/in-process-event-bus';
import { Relay } from './relay';

const ACTOR = { userId: 'user-1', organizationId: 'org-1' };

/** Polls instead of sleeping a fixed time (STYLE.md), failing with what it last saw. */
const eventually = async (condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

const deferred = () => {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
};

describe('Relay [sqlite event store, in-process bus]', () => {
  let dir: string;
  let store: SqliteEventStore;
  let bus: InProcessEventBus;
  const relays: Relay[] = [];
  let next = 0;

  /** Appends `count` events over a few streams, concurrently, so that they share group commits. */
  const append = async (count: number) => {
    const appends: Promise<unknown>[] = [];
    for (let index = 0; index < count; index += 1) {
      const n = next++;
      const streamId = `Test-${n % 7}`;
      appends.push(
        store.append(streamId, [{ type: 'TestHappened', data: { n } }], {
          expectedVersion: 'any',
          actor: ACTOR,
          occurredAt: new Date(Date.UTC(2026, 2, 1, 0, 0, n % 60)),
        }),
      );
    }
    await Promise.all(appends);
  };

  const log = async () => {
    const events: EventEnvelope[] = [];
    for (;;) {
      const batch = await store.readAll({ after: events.at(-1)?.position ?? null, limit: 1_000 });
      if (batch.length === 0) return events;
      events.push(...batch);
    }
  };

  const relay = (options: ConstructorParameters<typeof Relay>[2] = {}) => {
    const created = new Relay(store, bus, { batchSize: 20, pollIntervalMs: 50, initialBackoffMs: 5, maxBackoffMs: 40, ...options });
    relays.push(created);
    return created;
  };

  const positions = (events: readonly EventEnvelope[]) => events.map((event) => event.position);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'relay-'));
    store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    bus = new InProcessEventBus();
    next = 0;
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((started) => started.stop()));
    await bus.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes the whole log exactly once, in order, in batches', async () => {
    await append(205);
    const received: EventEnvelope[] = [];
    const batchSizes: number[] = [];
    bus.subscribe('collector', async (events) => {
      received.push(...events);
      batchSizes.push(events.length);
    });

    const published = await relay().drain();

    expect(published).toBe(205);
    expect(positions(received)).toEqual(positions(await log()));
    expect(Math.max(...batchSizes)).toBe(20);
    expect(await store.loadCheckpoint('relay')).toBe(received.at(-1)?.position);
  });

  it('publishes only the events its filter owns, yet checkpoints over the whole log', async () => {
    await append(45);
    const even: EventEnvelope[] = [];
    const odd: EventEnvelope[] = [];
    const isEven = (event: EventEnvelope) => (event.data as { n: number }).n % 2 === 0;
    bus.subscribe('collector', async (events) => {
      for (const event of events) (isEven(event) ? even : odd).push(event);
    });

    // Two owners over one log, as two context services are: each with its own checkpoint.
    const evenPublished = await relay({ checkpointName: 'relay:even', filter: isEven }).drain();
    expect(odd).toEqual([]);
    const oddPublished = await relay({ checkpointName: 'relay:odd', filter: (event) => !isEven(event) }).drain();

    const all = await log();
    expect(evenPublished).toBe(23);
    expect(oddPublished).toBe(22);
    expect(positions(even)).toEqual(positions(all.filter(isEven)));
    expect(positions(odd)).toEqual(positions(all.filter((event) => !isEven(event))));
    expect(await store.loadCheckpoint('relay:even')).toBe(all.at(-1)?.position);
    expect(await store.loadCheckpoint('relay:odd')).toBe(all.at(-1)?.position);
  });

  it('publishes at once when poked, without waiting for the poll', async () => {
    const received: EventEnvelope[] = [];
    bus.subscribe('collector', async (events) => {
      received.push(...events);
    });
    const reads = jest.spyOn(store, 'readAll');
    const running = relay({ pollIntervalMs: 60_000 });
    running.start();
    // After its first, empty read the relay sleeps for a minute: only the poke can wake it in time.
    await eventually(() => reads.mock.results.length > 0, 'the first idle read');
    await reads.mock.results[0].value;

    await append(30);
    running.poke();

    await eventually(() => received.length === 30, 'the poked batches', 5_000);
    expect(positions(received)).toEqual(positions(await log()));
  });

  it('looks again soon when a poke finds nothing yet, as while an older transaction holds PostgreSQL readers back', async () => {
    const received: EventEnvelope[] = [];
    bus.subscribe('collector', async (events) => {
      received.push(...events);
    });
    const reads = jest.spyOn(store, 'readAll');
    const running = relay({ pollIntervalMs: 60_000 });
    running.start();
    await eventually(() => reads.mock.results.length > 0, 'the first idle read');
    await reads.mock.results[0].value;

    await append(3);
    // The two reads after the poke come back empty, as they would below a lagging pg_snapshot_xmin.
    reads.mockResolvedValueOnce([]).mockResolvedValueOnce([]);
    running.poke();

    await eventually(() => received.length === 3, 'the events once visible', 2_000);
    expect(positions(received)).toEqual(positions(await log()));
  });

  it('finds by polling what another process appended', async () => {
    const received: EventEnvelope[] = [];
    bus.subscribe('collector', async (events) => {
      received.push(...events);
    });
    relay({ pollIntervalMs: 20 }).start();

    const otherProcess = SqliteEventStore.open(join(dir, 'events.sqlite'));
    try {
      await otherProcess.append('Elsewhere-1', [{ type: 'TestHappened', data: { n: -1 } }], {
        expectedVersion: 0,
        actor: ACTOR,
        occurredAt: new Date(),
      });
    } finally {
      await otherProcess.close();
    }

    await eventually(() => received.length === 1, 'the polled event');
    expect(received[0]).toMatchObject({ streamId: 'Elsewhere-1', streamVersion: 1 });
  });

  it('leaves the checkpoint where it was while a subscriber fails, then republishes: nothing lost', async () => {
    await append(60);
    const all = await log();
    const good: EventEnvelope[] = [];
    const flaky: EventEnvelope[] = [];
    let failuresLeft = 3;
    const errors: number[] = [];
    bus.subscribe('good', async (events) => {
      good.push(...events);
    });
    bus.subscribe('flaky', async (events) => {
      if (events.some((event) => event.position === all[45].position) && failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error('database unavailable');
      }
      flaky.push(...events);
    });
    const running = relay({ onError: (_error, consecutive) => errors.push(consecutive) });

    running.start();
    await eventually(() => errors.length >= 1, 'the first failure');
    expect(await store.loadCheckpoint('relay')).toBe(all[39].position);
    expect(running.lastPublishedPosition).toBe(all[39].position);
    expect(running.consecutiveFailures).toBeGreaterThanOrEqual(1);

    await eventually(() => flaky.length === 60, 'recovery');
    await eventually(async () => (await store.loadCheckpoint('relay')) === all[59].position, 'the final checkpoint');

    expect(errors).toEqual([1, 2, 3]);
    expect(positions(flaky)).toEqual(positions(all));
    // At least once: the subscriber that did not fail saw the failed batch again, and nothing else twice.
    expect([...new Set(positions(good))]).toEqual(positions(all));
    expect(good).toHaveLength(60 + 3 * 20);
    expect(running.consecutiveFailures).toBe(0);
  });

  it('rejects drain on failure without advancing the checkpoint', async () => {
    await append(30);
    bus.subscribe('broken', async () => {
      throw new Error('no');
    });
    await expect(relay().drain()).rejects.toThrow('subscriber "broken" failed: no');
    expect(await store.loadCheckpoint('relay')).toBeNull();
  });

  it('resumes after a restart from the stored checkpoint', async () => {
    await append(50);
    const firstRun: EventEnvelope[] = [];
    bus.subscribe('collector', async (events) => {
      firstRun.push(...events);
    });
    const first = relay();
    first.start();
    await eventually(() => firstRun.length === 50, 'the first run');
    await first.stop();
    await append(30);

    const secondBus = new InProcessEventBus();
    const secondRun: EventEnvelope[] = [];
    secondBus.subscribe('collector', async (events) => {
      secondRun.push(...events);
    });
    const second = new Relay(store, secondBus, { batchSize: 20 });
    await second.drain();

    const all = await log();
    expect(positions(firstRun)).toEqual(positions(all.slice(0, 50)));
    expect(positions(secondRun)).toEqual(positions(all.slice(50)));
    await secondBus.close();
  });

  it('waits on stop for the batch in flight and checkpoints it', async () => {
    await append(10);
    const gate = deferred();
    let entered = false;
    bus.subscribe('slow', async () => {
      entered = true;
      await gate.promise;
    });
    const running = relay();
    running.start();
    await eventually(() => entered, 'the batch in flight');

    let stopped = false;
    const stopping = running.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    gate.release();
    await stopping;

    expect(running.isRunning).toBe(false);
    expect(await store.loadCheckpoint('relay')).toBe(await store.headPosition());
  });

  it('reports the last published position and the lag behind the head', async () => {
    const now = Date.UTC(2026, 2, 1, 0, 2, 0);
    const measured = relay({ now: () => now });
    expect(await measured.lag()).toEqual({ headPosition: null, publishedPosition: null, seconds: 0 });
    await append(3);
    bus.subscribe('collector', async () => undefined);

    const behind = await measured.lag();
    expect(behind).toMatchObject({ headPosition: await store.headPosition(), publishedPosition: null });
    expect(behind.seconds).toBe(120);

    await measured.drain();
    expect(await measured.lag()).toEqual({
      headPosition: await store.headPosition(),
      publishedPosition: await store.headPosition(),
      seconds: 0,
    });
    expect(measured.lastPublishedPosition).toBe(await store.headPosition());
  });
});
