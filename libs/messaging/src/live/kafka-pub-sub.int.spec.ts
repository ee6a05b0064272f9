import { Kafka, logLevel } from 'kafkajs';
import { describeWithKafka } from '@coord/test-support';
import { decodeLiveMessage, encodeLiveMessage, KafkaPubSub } from './kafka-pub-sub';

const eventually = async (condition: () => boolean, what: () => string, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

interface Change {
  readonly n: number;
  readonly from: string;
  readonly at?: Date;
}

describe('live message codec', () => {
  it('round-trips a payload, Dates included', () => {
    const at = new Date('2026-03-01T08:00:00.000Z');
    const decoded = decodeLiveMessage(Buffer.from(encodeLiveMessage('deliveryChanged', { at, nested: [{ at }], n: 1 })));
    expect(decoded).toEqual({ trigger: 'deliveryChanged', payload: { at, nested: [{ at }], n: 1 } });
    expect((decoded.payload as { at: unknown }).at).toBeInstanceOf(Date);
  });

  it('refuses a record without a trigger or a value', () => {
    expect(() => decodeLiveMessage(Buffer.from('{"payload":1}'))).toThrow('without a trigger');
    expect(() => decodeLiveMessage(null)).toThrow('without a value');
  });
});

describeWithKafka('Kafka-backed pub-sub for subscriptions across instances', (mock) => {
  const topic = `coordination.live.test-${Date.now().toString(36)}`;
  const errors: unknown[] = [];
  let a: KafkaPubSub;
  let b: KafkaPubSub;

  beforeAll(async () => {
    const options = { brokers: mock().brokers, topic, onError: (error: unknown) => errors.push(error), heartbeatIntervalMs: 300 };
    a = new KafkaPubSub({ ...options, instanceId: 'instance-a' });
    b = new KafkaPubSub({ ...options, instanceId: 'instance-b' });
    await Promise.all([a.ready, b.ready]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  const collect = async (pubSub: KafkaPubSub, trigger: string): Promise<{ seen: Change[]; stop: () => void }> => {
    const seen: Change[] = [];
    const id = await pubSub.subscribe(trigger, (change: Change) => seen.push(change));
    return { seen, stop: () => pubSub.unsubscribe(id) };
  };

  it('delivers a publish on one instance to the subscribers of both, exactly once each, in order', async () => {
    const onA = await collect(a, 'deliveryChanged');
    const onA2 = await collect(a, 'deliveryChanged');
    const onB = await collect(b, 'deliveryChanged');
    const otherTrigger = await collect(b, 'pictureChanged');

    for (let n = 1; n <= 50; n += 1) await a.publish('deliveryChanged', { n, from: 'a' });
    // The last one marks the end: records of one trigger share a partition, so everything before it has arrived.
    await a.publish('deliveryChanged', { n: 0, from: 'a' });
    await eventually(
      () => [onA, onA2, onB].every(({ seen }) => seen.at(-1)?.n === 0),
      () => `the end marker on every subscriber (seen ${onA.seen.length}, ${onA2.seen.length}, ${onB.seen.length})`,
    );

    const expected = [...Array.from({ length: 50 }, (_, index) => index + 1), 0];
    for (const { seen } of [onA, onA2, onB]) expect(seen.map((change) => change.n)).toEqual(expected);
    expect(otherTrigger.seen).toEqual([]);
    for (const subscription of [onA, onA2, onB, otherTrigger]) subscription.stop();
    expect(errors).toEqual([]);
  });

  it('reaches the other way too, through asyncIterableIterator as resolvers use it, Dates intact', async () => {
    const iterator = a.asyncIterableIterator<Change>('earlyWarning');
    const next = iterator.next();
    // The iterator subscribes on its first `next`.
    await new Promise((resolve) => setImmediate(resolve));
    const at = new Date('2026-03-01T08:00:00.000Z');

    await b.publish('earlyWarning', { n: 7, from: 'b', at });

    const { value, done } = await next;
    expect(done).toBe(false);
    expect(value).toEqual({ n: 7, from: 'b', at });
    expect(value.at).toBeInstanceOf(Date);
    await iterator.return?.();
  });

  it('drops a record it cannot decode, reports it, and keeps delivering', async () => {
    const onB = await collect(b, 'actionPlanChanged');
    const kafka = new Kafka({ brokers: [...mock().brokers], logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    try {
      await producer.send({ topic, messages: [{ key: 'actionPlanChanged', value: 'not json' }] });
    } finally {
      await producer.disconnect();
    }
    await a.publish('actionPlanChanged', { n: 1, from: 'a' });

    await eventually(() => onB.seen.length === 1, () => `one change (seen ${onB.seen.length})`);
    expect(onB.seen).toEqual([{ n: 1, from: 'a' }]);
    expect(errors.length).toBeGreaterThanOrEqual(1);
    errors.length = 0;
    onB.stop();
  });

  it("tells each instance how many subscribers the others have per trigger, until they say goodbye", async () => {
    const c = new KafkaPubSub({ brokers: mock().brokers, topic, instanceId: 'instance-c', heartbeatIntervalMs: 300 });
    await c.ready;
    const first = await collect(b, 'pictureChanged');
    const second = await collect(b, 'pictureChanged');
    const onC = await collect(c, 'pictureChanged');
    await eventually(() => a.remoteListenerCount('pictureChanged') === 3, () => `3 remote listeners (seen ${a.remoteListenerCount('pictureChanged')})`);
    // b counts only the others' subscribers: c's one.
    await eventually(() => b.remoteListenerCount('pictureChanged') === 1, () => `c's listener seen by b (seen ${b.remoteListenerCount('pictureChanged')})`);

    first.stop();
    await eventually(() => a.remoteListenerCount('pictureChanged') === 2, () => `2 remote listeners (seen ${a.remoteListenerCount('pictureChanged')})`);
    await c.close();
    await eventually(() => a.remoteListenerCount('pictureChanged') === 1, () => `1 remote listener (seen ${a.remoteListenerCount('pictureChanged')})`);
    second.stop();
    onC.stop();
    await eventually(() => a.remoteListenerCount('pictureChanged') === 0, () => `no remote listener (seen ${a.remoteListenerCount('pictureChanged')})`);
    expect(a.remoteListenerCount('deliveryChanged')).toBe(0);
  });

  it('refuses to publish once closed', async () => {
    const closed = new KafkaPubSub({ brokers: mock().brokers, topic, instanceId: 'instance-c' });
    await closed.close();
    await expect(closed.publish('deliveryChanged', { n: 1 })).rejects.toThrow('closed');
  });
});
