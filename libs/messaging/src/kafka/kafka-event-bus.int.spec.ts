import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@coord/contracts';
import { SqliteEventStore } from '@coord/event-store';
import { comparePositions, DomainEvent, parsePosition } from '@coord/kernel';
import { allProjections, createReadModelDataSource, Projection, ProjectionRunner } from '@coord/read-model';
import { describeWithKafka, letIdempotentProducersRunOnKafkaMock } from '@coord/test-support';
import { followLogOnNotice } from '../ordering/follow-log-on-notice.handler';
import { Relay } from '../relay/relay';
import { KafkaErrorContext, KafkaEventBus } from './kafka-event-bus';
import { UndecodableRecordError } from './kafka-envelope.codec';
import { CONTEXT_TOPICS } from './kafka-topics';

/** Polls instead of sleeping a fixed time (STYLE.md), failing with what it last saw. */
const eventually = async (condition: () => boolean | Promise<boolean>, what: () => string, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

interface RawRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  readonly value: string;
  readonly headers: Record<string, string>;
}

let nextPosition = 1;
/** Envelopes as the relay would read them: positions rising in log order, versions rising per stream. */
const envelopes = (streams: readonly string[], perStream: number, type = 'DeliveryPlanned'): EventEnvelope[] => {
  const events: EventEnvelope[] = [];
  for (let version = 1; version <= perStream; version += 1) {
    for (const streamId of streams) {
      const position = nextPosition++;
      events.push({
        eventId: randomUUID(),
        type,
        schemaVersion: 1,
        streamId,
        streamVersion: version,
        position: `${position}:${position}`,
        occurredAt: new Date(Date.UTC(2026, 2, 1, 0, 0, position % 60)).toISOString(),
        actor: { userId: 'user-1', organizationId: 'org-1' },
        commandId: null,
        data: { n: position },
      });
    }
  }
  return events;
};

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));

describeWithKafka('KafkaEventBus', (mock) => {
  letIdempotentProducersRunOnKafkaMock();

  const buses: KafkaEventBus[] = [];
  const errors: Array<{ error: unknown; context: KafkaErrorContext }> = [];
  /** Every batch the shared subscriber received, in delivery order. */
  const delivered: EventEnvelope[][] = [];
  const raw: RawRecord[] = [];
  let publisher: KafkaEventBus;
  let kafka: Kafka;
  let rawConsumer: Consumer;

  const bus = () => {
    const created = new KafkaEventBus({
      brokers: mock().brokers,
      clientId: 'kafka-event-bus-spec',
      sessionTimeoutMs: 6_000,
      heartbeatIntervalMs: 500,
      maxWaitTimeMs: 100,
      initialBackoffMs: 20,
      maxBackoffMs: 200,
      onError: (error, context) => errors.push({ error, context }),
    });
    buses.push(created);
    return created;
  };

  const deliveredOf = (streams: readonly string[]) =>
    delivered.flat().filter((event) => streams.includes(event.streamId));

  beforeAll(async () => {
    publisher = bus();
    // Topics are auto-created on first use; publishing first lets both consumers see all of them at once.
    await publisher.publish(envelopes([`Warm-${randomUUID()}`], 1));

    const shared = bus();
    shared.subscribe('spec-subscriber', async (events) => {
      delivered.push([...events]);
    });

    kafka = new Kafka({ clientId: 'raw-reader', brokers: [...mock().brokers], logLevel: logLevel.NOTHING });
    rawConsumer = kafka.consumer({ groupId: `raw-${randomUUID()}`, sessionTimeout: 6_000, heartbeatInterval: 500, maxWaitTimeInMs: 100 });
    const rawJoined = new Promise<void>((resolve) => rawConsumer.on(rawConsumer.events.GROUP_JOIN, () => resolve()));
    await rawConsumer.connect();
    await rawConsumer.subscribe({ topics: [...CONTEXT_TOPICS], fromBeginning: true });
    await rawConsumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        raw.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? '',
          value: message.value?.toString() ?? '',
          headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)])),
        });
      },
    });
    await Promise.all([shared.subscribed('spec-subscriber'), rawJoined]);
  }, 60_000);

  afterAll(async () => {
    await rawConsumer?.disconnect();
    await Promise.all(buses.map((created) => created.close()));
  }, 30_000);

  it('delivers every event, each stream in order, in batches that are not in log order across partitions', async () => {
    const streams = Array.from({ length: 12 }, (_, index) => `AidDelivery-${index}-${randomUUID()}`);
    const published = [
      ...envelopes(streams.slice(0, 6), 10),
      ...envelopes(streams.slice(6), 10, 'OrganizationRegistered'),
    ];
    for (const batch of chunks(published, 40)) await publisher.publish(batch);

    await eventually(
      () => new Set(deliveredOf(streams).map((event) => event.eventId)).size === published.length,
      () => `${deliveredOf(streams).length} of ${published.length} events`,
    );

    const received = deliveredOf(streams);
    expect(received).toHaveLength(published.length);
    expect(new Set(received.map((event) => event.eventId))).toEqual(new Set(published.map((event) => event.eventId)));
    for (const streamId of streams) {
      expect(received.filter((event) => event.streamId === streamId).map((event) => event.streamVersion)).toEqual(
        Array.from({ length: 10 }, (_, index) => index + 1),
      );
    }
    expect(received.find((event) => event.eventId === published[0].eventId)).toEqual(published[0]);
    // Why the read model follows the log on notice instead of applying these batches (followLogOnNotice).
    const positions = received.map((event) => Number(event.position.split(':')[0]));
    expect(positions).not.toEqual([...positions].sort((a, b) => a - b));
  });

  it('writes the envelope of CONTRACT.md to the context topic, keyed by stream id', async () => {
    const streamId = `Committee-${randomUUID()}`;
    const [event] = envelopes([streamId], 1, 'SessionScheduled');
    const withCommand = { ...event, commandId: 'command-1', data: { sessionId: 's-1', nested: { list: [1, 'two'] } } };

    await publisher.publish([withCommand]);
    await eventually(() => raw.some((record) => record.key === streamId), () => `the record of ${streamId}`);

    const record = raw.find((candidate) => candidate.key === streamId) as RawRecord;
    expect(record.topic).toBe('coordination.planning.events');
    expect(record.headers).toEqual({ type: 'SessionScheduled', schemaVersion: '1' });
    const value = JSON.parse(record.value);
    expect(Object.keys(value)).toEqual([
      'eventId',
      'type',
      'schemaVersion',
      'streamId',
      'streamVersion',
      'position',
      'occurredAt',
      'actor',
      'commandId',
      'data',
    ]);
    expect(value).toEqual(withCommand);
    expect(Object.keys(value.actor)).toEqual(['userId', 'organizationId']);
  });

  it('redelivers a batch whose handler failed, offset uncommitted, to the consumer after a restart', async () => {
    const group = `flaky-${randomUUID()}`;
    const streamId = `AidDelivery-flaky-${randomUUID()}`;
    const [poisoned] = envelopes([streamId], 1);
    let attempts = 0;
    const failing = bus();
    failing.subscribe(group, async (events) => {
      if (events.some((event) => event.streamId === streamId)) {
        attempts += 1;
        throw new Error('read model unavailable');
      }
    });
    await failing.subscribed(group);

    await publisher.publish([poisoned]);
    await eventually(() => attempts >= 3, () => `three attempts (saw ${attempts})`);
    await eventually(() => raw.some((record) => record.key === streamId), () => 'the raw record');
    const record = raw.find((candidate) => candidate.key === streamId) as RawRecord;
    const admin = kafka.admin();
    await admin.connect();
    const committed = async () => {
      const [offsets] = await admin.fetchOffsets({ groupId: group, topics: [record.topic] });
      return BigInt(offsets.partitions.find((partition) => partition.partition === record.partition)?.offset ?? '-1');
    };
    try {
      expect(await committed()).toBeLessThanOrEqual(BigInt(record.offset));
      expect(errors.some(({ error, context }) => context.subscriber === group && String(error).includes('read model unavailable'))).toBe(true);
      await failing.close();

      const again: EventEnvelope[] = [];
      const restarted = bus();
      restarted.subscribe(group, async (events) => {
        again.push(...events);
      });
      await eventually(() => again.some((event) => event.eventId === poisoned.eventId), () => 'the redelivered batch');
      await eventually(async () => (await committed()) > BigInt(record.offset), () => 'the commit after the handler resolved');
      expect(again.find((event) => event.eventId === poisoned.eventId)).toEqual(poisoned);
      await restarted.close();
    } finally {
      await admin.disconnect();
    }
  }, 60_000);

  it('reports and skips a record that is not an envelope, without holding its partition up', async () => {
    const streamId = `Committee-${randomUUID()}`;
    const producer = kafka.producer();
    await producer.connect();
    try {
      await producer.send({ topic: 'coordination.planning.events', messages: [{ key: streamId, value: 'not json' }] });
    } finally {
      await producer.disconnect();
    }
    const [event] = envelopes([streamId], 1, 'SessionScheduled');
    await publisher.publish([event]);

    await eventually(() => deliveredOf([streamId]).length === 1, () => 'the valid event behind the bad record');
    expect(
      errors.some(
        ({ error, context }) =>
          error instanceof UndecodableRecordError && context.subscriber === 'spec-subscriber' && context.topic === 'coordination.planning.events',
      ),
    ).toBe(true);
  });

  it('answers ping, and refuses to publish once closed', async () => {
    const closing = bus();
    await expect(closing.ping()).resolves.toBeUndefined();
    await closing.close();
    await expect(closing.publish(envelopes(['AidDelivery-late'], 1))).rejects.toThrow('closed');
    await expect(closing.ping()).rejects.toThrow('closed');
  });

  describe('relay → Kafka → projection runner on SQLite', () => {
    const ACTOR = { userId: 'user-1', organizationId: 'org-wfp' };
    let dir: string;
    let store: SqliteEventStore;
    let live: DataSource;
    let rebuilt: DataSource;
    /** Every event id the projections were handed, to show that none came twice. */
    const applied: string[] = [];
    const probe: Projection = {
      name: 'applied-once-probe',
      version: 1,
      handles: ['*'],
      tables: [],
      apply: async (event) => {
        applied.push(event.eventId);
      },
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'kafka-e2e-'));
      store = SqliteEventStore.open(join(dir, 'events.sqlite'));
      live = await createReadModelDataSource({ kind: 'sqlite', filename: join(dir, 'live.sqlite') });
      rebuilt = await createReadModelDataSource({ kind: 'sqlite', filename: join(dir, 'rebuilt.sqlite') });
    });

    afterAll(async () => {
      await store.close();
      await live.destroy();
      await rebuilt.destroy();
      rmSync(dir, { recursive: true, force: true });
    });

    const append = (streamId: string, events: readonly DomainEvent[], expectedVersion: number) =>
      store.append(streamId, events, { expectedVersion, actor: ACTOR, occurredAt: new Date('2026-03-02T00:00:00.000Z') });

    const location = (pcode: string, name: string, level: number, parentPcode: string | null): DomainEvent => ({
      type: 'LocationRegistered',
      data: { pcode, name, level, parentPcode, latitude: null, longitude: null, validFrom: '2020-01-01', source: 'test' },
    });

    const organization = (organizationId: string, name: string): DomainEvent => ({
      type: 'OrganizationRegistered',
      data: { organizationId, name, acronym: null, kind: 'UN_AGENCY', registeredAt: '2026-01-01T00:00:00.000Z' },
    });

    /** A delivery's lifecycle, one event per round, so that streams interleave in the log. */
    const lifecycle = (deliveryId: string, index: number): DomainEvent[] => {
      const planned: DomainEvent = {
        type: 'DeliveryPlanned',
        data: {
          deliveryId,
          agencyId: 'org-wfp',
          implementingPartnerId: null,
          sector: index % 2 === 0 ? 'FOOD_SECURITY' : 'HEALTH',
          items: [{ commodity: 'rice', quantity: 100 + index, unit: 'kg' }],
          destination: index % 2 === 0 ? 'ML0101' : 'ML0201',
          plannedDate: '2026-03-10',
          targetedBeneficiaries: 40 + index,
          plannedAt: '2026-03-01T08:00:00.000Z',
        },
      };
      const dispatched: DomainEvent = { type: 'DeliveryDispatched', data: { deliveryId, dispatchedAt: '2026-03-09T08:00:00.000Z' } };
      const recorded: DomainEvent = {
        type: 'DeliveryRecorded',
        data: {
          deliveryId,
          deliveredItems: [{ commodity: 'rice', quantity: 100 + index, unit: 'kg' }],
          reached: { women: 10, men: 8, girls: 5, boys: 7 },
          deliveredAt: '2026-03-10T12:00:00.000Z',
        },
      };
      const cancelled: DomainEvent = {
        type: 'DeliveryCancelled',
        data: { deliveryId, reason: 'no longer needed', cancelledAt: '2026-03-05T12:00:00.000Z' },
      };
      return index % 3 === 0 ? [planned, cancelled] : [planned, dispatched, recorded];
    };

    const appendDeliveries = async (from: number, count: number) => {
      const streams = Array.from({ length: count }, (_, offset) => {
        const index = from + offset;
        return { streamId: `AidDelivery-${index}-${randomUUID()}`, events: lifecycle(`AidDelivery-${index}`, index) };
      });
      for (let round = 0; round < 3; round += 1) {
        await Promise.all(
          streams.flatMap(({ streamId, events }) => (round < events.length ? [append(streamId, [events[round]], round)] : [])),
        );
      }
    };

    const snapshot = async (dataSource: DataSource) => {
      const tables = dataSource.entityMetadatas.map((metadata) => metadata.tableName).sort();
      const rows: Record<string, string[]> = {};
      for (const table of tables) {
        const found: Record<string, unknown>[] = await dataSource.query(`SELECT * FROM "${table}"`);
        rows[table] = found
          .filter((row) => row.name !== probe.name)
          .map(({ updated_at: _updatedAt, ...row }) => JSON.stringify(table === 'projection_checkpoints' ? row : { ...row, updated_at: _updatedAt }))
          .sort();
      }
      return rows;
    };

    it('loses nothing and applies nothing twice across a consumer restart mid-flow', async () => {
      const group = `read-model-${randomUUID()}`;
      const runner = new ProjectionRunner(live, [...allProjections, probe]);
      const relay = new Relay(store, publisher, { batchSize: 25, pollIntervalMs: 20, initialBackoffMs: 10, maxBackoffMs: 100 });
      const head = async () => (await store.headPosition()) as string;
      const caughtUp = () =>
        eventually(
          async () => runner.appliedPosition() === (await head()),
          () => `the read model at ${runner.appliedPosition()} to reach the head`,
          30_000,
        );

      await append('Organization-org-wfp', [organization('org-wfp', 'World Food Programme')], 0);
      for (const [pcode, name, level, parent] of [
        ['ML', 'Mali', 0, null],
        ['ML01', 'Kayes', 1, 'ML'],
        ['ML02', 'Koulikoro', 1, 'ML'],
        ['ML0101', 'Kayes cercle', 2, 'ML01'],
        ['ML0201', 'Kati', 2, 'ML02'],
      ] as const) {
        await append(`Location-${pcode}`, [location(pcode, name, level, parent)], 0);
      }
      relay.start();
      const followLog = followLogOnNotice(store, runner);
      let dying = false;
      let appliedThenKilled = 0;
      const first = bus();
      first.subscribe(group, async (events) => {
        await followLog(events);
        if (dying) {
          appliedThenKilled += 1;
          throw new Error('killed between the projection commit and the offset commit');
        }
      });
      await first.subscribed(group);
      await appendDeliveries(0, 40);
      await caughtUp();

      // While events keep flowing, the consumer dies after applying batches and before committing them.
      const flowing = appendDeliveries(40, 60);
      dying = true;
      await eventually(() => appliedThenKilled > 0, () => 'a batch applied but not committed');
      await first.close();
      const appliedAtRestart = runner.appliedPosition() as string;
      await flowing;
      const redelivered: EventEnvelope[] = [];
      const second = bus();
      second.subscribe(group, async (events) => {
        redelivered.push(...events.filter((event) => comparePositions(parsePosition(event.position), parsePosition(appliedAtRestart)) <= 0));
        await followLog(events);
      });
      await appendDeliveries(100, 20);
      await caughtUp();
      expect(redelivered.length).toBeGreaterThan(0);
      await relay.stop();
      await second.close();

      const log = await store.readAll({ after: null, limit: 100_000 });
      expect(log.length).toBeGreaterThan(300);
      expect(applied).toHaveLength(log.length);
      expect(applied).toEqual(log.map((event) => event.eventId));
      await new ProjectionRunner(rebuilt, allProjections).rebuild(store);
      expect(await snapshot(live)).toEqual(await snapshot(rebuilt));
    }, 90_000);
  });
});
