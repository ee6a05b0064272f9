import { randomUUID } from 'node:crypto';
import { setTimeout as pause } from 'node:timers/promises';
import { PubSub } from 'graphql-subscriptions';
import { Consumer, EachMessagePayload, Kafka, logLevel, LogEntry, Partitioners, Producer } from 'kafkajs';
import type { KafkaLogLine } from '../kafka/kafka-event-bus';

/** CONTRACT.md leaves live notifications out of the event topics: they are derived, not facts. */
export const LIVE_TOPIC = 'coordination.live';

const ORIGIN_HEADER = 'live-origin';
const ID_HEADER = 'live-id';
/** `change` (a payload for subscribers) or `presence` (how many subscribers an instance has for a trigger). */
const KIND_HEADER = 'live-kind';
const CONTENT_TYPE_HEADER = 'content-type';
const CONTENT_TYPE = 'application/json';

export interface KafkaPubSubOptions {
  readonly brokers: readonly string[];
  readonly topic?: string;
  readonly clientId?: string;
  /**
   * Names this process: its consumer group is `<groupPrefix>.<instanceId>`, and it ignores the
   * records it published itself (it delivered them locally already). Unique per process by default.
   */
  readonly instanceId?: string;
  readonly groupPrefix?: string;
  /** Client-level retries of one request. */
  readonly retries?: number;
  /** Bounds how late a remote change can reach local subscribers when the topic is idle. */
  readonly maxWaitTimeMs?: number;
  readonly sessionTimeoutMs?: number;
  readonly heartbeatIntervalMs?: number;
  readonly restartBackoffMs?: number;
  /** Told about what it recovers from by itself: an undecodable record, a consumer restart. */
  readonly onError?: (error: unknown) => void;
  readonly log?: (line: KafkaLogLine) => void;
}

const LEVELS: Record<number, KafkaLogLine['level']> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** A redelivered record (a producer retry, a rebalance) is dropped by id; this many ids are kept. */
const RECENT_IDS = 10_000;

// Payloads are read-model views: plain JSON but for the odd Date, which must come back a Date.
const DATE_TAG = '$coordDate';
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Date ? { [DATE_TAG]: raw.toISOString() } : value;
}
const reviver = (_key: string, value: unknown): unknown =>
  value !== null && typeof value === 'object' && typeof (value as Record<string, unknown>)[DATE_TAG] === 'string'
    ? new Date((value as Record<string, string>)[DATE_TAG])
    : value;

export const encodeLiveMessage = (trigger: string, payload: unknown): string => JSON.stringify({ trigger, payload }, replacer);

const decodePresence = (value: Buffer | string | null): { trigger: string; count: number } => {
  const decoded = JSON.parse(String(value)) as { trigger?: unknown; count?: unknown };
  if (typeof decoded.trigger !== 'string' || !Number.isInteger(decoded.count)) throw new Error('a malformed presence record');
  return { trigger: decoded.trigger, count: decoded.count as number };
};

export const decodeLiveMessage = (value: Buffer | string | null): { trigger: string; payload: unknown } => {
  if (value === null) throw new Error('a live record without a value');
  const decoded = JSON.parse(value.toString(), reviver) as { trigger?: unknown; payload?: unknown };
  if (typeof decoded.trigger !== 'string') throw new Error('a live record without a trigger');
  return { trigger: decoded.trigger, payload: decoded.payload };
};

/**
 * GraphQL subscriptions across instances: the same interface as graphql-subscriptions' PubSub (it
 * is one, so resolvers and `asyncIterableIterator` do not change), with every publish also sent to
 * a Kafka topic that every instance consumes.
 *
 * Why: a read-model instance announces only the batches IT applied (two instances on one database
 * split the log between them), so a subscriber connected to the other instance would miss those
 * changes. Now the instance that applied a change delivers it to its own subscribers at once and
 * publishes it; every other instance delivers it to its subscribers when the record arrives.
 *
 * Each process has its own consumer group (every instance must see every record) that starts at the
 * latest offset and never commits: a live notification is for who is connected now, and a
 * restarted instance has no subscribers to replay old changes to. Records are keyed by trigger, so
 * one publisher's changes of one kind arrive in the order they were published.
 *
 * Each instance also announces how many local subscribers it has per trigger whenever that changes
 * (`remoteListenerCount`), so that operators and tests can see a subscription registered on another
 * instance. A count is absolute, so a record seen twice changes nothing; an instance killed without
 * a goodbye leaves its last count behind until it comes back.
 */
export class KafkaPubSub extends PubSub {
  readonly instanceId: string;
  /** Resolves once the consumer has its partitions and their offsets: records from then on arrive. */
  readonly ready: Promise<void>;
  private markReady!: () => void;
  private readonly topic: string;
  private readonly groupId: string;
  private readonly kafka: Kafka;
  private readonly options: Required<Pick<KafkaPubSubOptions, 'maxWaitTimeMs' | 'sessionTimeoutMs' | 'heartbeatIntervalMs' | 'restartBackoffMs'>>;
  private readonly onError: (error: unknown) => void;
  private readonly recentIds = new Set<string>();
  private readonly localTriggers = new Map<number, string>();
  private readonly localCounts = new Map<string, number>();
  /** trigger → instance → its subscribers, as the instances announced them. */
  private readonly remoteCounts = new Map<string, Map<string, number>>();
  private presenceQueue: Promise<void> = Promise.resolve();
  private producer: Promise<Producer> | null = null;
  private consumer: Consumer | null = null;
  private loop: Promise<void> | null = null;
  private closed = false;
  private readonly stopSignal = new AbortController();

  constructor(options: KafkaPubSubOptions) {
    super();
    if (options.brokers.length === 0) throw new Error('the Kafka pub-sub needs at least one broker');
    this.instanceId = options.instanceId ?? randomUUID();
    this.topic = options.topic ?? LIVE_TOPIC;
    this.groupId = `${options.groupPrefix ?? 'coordination-live'}.${this.instanceId}`;
    this.options = {
      maxWaitTimeMs: options.maxWaitTimeMs ?? 100,
      sessionTimeoutMs: options.sessionTimeoutMs ?? 10_000,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 1_000,
      restartBackoffMs: options.restartBackoffMs ?? 1_000,
    };
    this.onError = options.onError ?? (() => undefined);
    const log = options.log;
    this.kafka = new Kafka({
      clientId: options.clientId ?? 'coordination-live',
      brokers: [...options.brokers],
      retry: { retries: options.retries ?? 5 },
      logLevel: log ? logLevel.WARN : logLevel.NOTHING,
      logCreator:
        () =>
        ({ namespace, level, log: entry }: LogEntry) => {
          const { message, ...extra } = entry;
          log?.({ level: LEVELS[level] ?? 'debug', namespace, message, extra });
        },
    });
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.loop = this.consume();
  }

  /**
   * Delivers to this instance's subscribers, then sends to every other instance. Rejects when
   * Kafka refused the record: the local subscribers have it, the remote ones do not.
   */
  override async publish(triggerName: string, payload: unknown): Promise<void> {
    if (this.closed) throw new Error('the live pub-sub is closed');
    await super.publish(triggerName, payload as never);
    await this.send(triggerName, 'change', encodeLiveMessage(triggerName, payload));
  }

  // The signature of graphql-subscriptions' PubSub, which hands subscribers whatever was published.
  override async subscribe(triggerName: string, onMessage: (...args: any[]) => void): Promise<number> {
    const id = await super.subscribe(triggerName as never, onMessage);
    this.localTriggers.set(id, triggerName);
    this.localCounts.set(triggerName, (this.localCounts.get(triggerName) ?? 0) + 1);
    await this.announcePresence(triggerName);
    return id;
  }

  override unsubscribe(subId: number): void {
    super.unsubscribe(subId);
    const trigger = this.localTriggers.get(subId);
    if (trigger === undefined) return;
    this.localTriggers.delete(subId);
    this.localCounts.set(trigger, (this.localCounts.get(trigger) ?? 1) - 1);
    void this.announcePresence(trigger);
  }

  /** Subscribers of `trigger` on the other instances, as they last announced. */
  remoteListenerCount(trigger: string): number {
    let total = 0;
    for (const count of this.remoteCounts.get(trigger)?.values() ?? []) total += count;
    return total;
  }

  /**
   * Announcements go out one after the other, each with the count as it is when it is sent: sent
   * concurrently, an older count could land after a newer one and stay as the last word.
   */
  private announcePresence(trigger: string): Promise<void> {
    const announced = this.presenceQueue.then(async () => {
      if (this.closed) return;
      const count = this.localCounts.get(trigger) ?? 0;
      // A subscription works locally without it; only the other instances' view of it lags.
      await this.send(trigger, 'presence', JSON.stringify({ trigger, count })).catch((error: unknown) => this.onError(error));
    });
    this.presenceQueue = announced;
    return announced;
  }

  private async send(trigger: string, kind: 'change' | 'presence', value: string): Promise<void> {
    const producer = await this.connectedProducer();
    await producer.send({
      topic: this.topic,
      // Losing a live notification costs a subscriber one refresh; waiting for every replica would
      // cost every change a replication round trip.
      acks: 1,
      messages: [
        {
          key: trigger,
          value,
          headers: { [ORIGIN_HEADER]: this.instanceId, [ID_HEADER]: randomUUID(), [KIND_HEADER]: kind, [CONTENT_TYPE_HEADER]: CONTENT_TYPE },
        },
      ],
    });
  }

  /** Stops consuming and disconnects; local subscriptions stay, but nothing reaches them anymore. */
  async close(): Promise<void> {
    if (this.closed) return;
    // Goodbye: the other instances stop counting this one's subscribers.
    await this.presenceQueue;
    await Promise.all([...this.localCounts].filter(([, count]) => count > 0).map(([trigger]) =>
      this.send(trigger, 'presence', JSON.stringify({ trigger, count: 0 })).catch(() => undefined),
    ));
    this.closed = true;
    this.stopSignal.abort();
    await this.consumer?.disconnect().catch(() => undefined);
    await this.loop;
    const producer = this.producer;
    this.producer = null;
    await producer?.then((connected) => connected.disconnect()).catch(() => undefined);
  }

  /** Nest calls this on shutdown for the provider that holds it. */
  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  private connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: true });
      this.producer = producer.connect().then(
        () => producer,
        (error: unknown) => {
          this.producer = null;
          throw error;
        },
      );
    }
    return this.producer;
  }

  /** One consumer at a time, restarted after kafkajs gives up, until closed. */
  private async consume(): Promise<void> {
    while (!this.closed) {
      const consumer = this.kafka.consumer({
        groupId: this.groupId,
        sessionTimeout: this.options.sessionTimeoutMs,
        heartbeatInterval: this.options.heartbeatIntervalMs,
        maxWaitTimeInMs: this.options.maxWaitTimeMs,
      });
      this.consumer = consumer;
      // After joining, the first fetch has resolved every assigned partition's latest offset: a
      // record published from then on is one this consumer reads.
      let joined = false;
      consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
      consumer.on(consumer.events.FETCH, () => {
        if (joined) this.markReady();
      });
      const gaveUp = new Promise<void>((resolve) => {
        consumer.on(consumer.events.CRASH, ({ payload }) => {
          this.onError(payload.error);
          if (!payload.restart) resolve();
        });
      });
      const stopped = new Promise<void>((resolve) => {
        if (this.stopSignal.signal.aborted) resolve();
        else this.stopSignal.signal.addEventListener('abort', () => resolve(), { once: true });
      });
      try {
        await consumer.connect();
        await consumer.subscribe({ topics: [this.topic], fromBeginning: false });
        await consumer.run({ autoCommit: false, eachMessage: (payload) => this.deliver(payload) });
        await Promise.race([gaveUp, stopped]);
      } catch (error) {
        this.onError(error);
      }
      await consumer.disconnect().catch(() => undefined);
      if (!this.closed) {
        await pause(this.options.restartBackoffMs, undefined, { signal: this.stopSignal.signal }).catch(() => undefined);
      }
    }
  }

  private async deliver({ message }: EachMessagePayload): Promise<void> {
    const origin = message.headers?.[ORIGIN_HEADER]?.toString();
    if (origin === this.instanceId) return;
    const id = message.headers?.[ID_HEADER]?.toString();
    if (id) {
      if (this.recentIds.has(id)) return;
      this.recentIds.add(id);
      if (this.recentIds.size > RECENT_IDS) this.recentIds.delete(this.recentIds.values().next().value as string);
    }
    if (message.headers?.[KIND_HEADER]?.toString() === 'presence') {
      try {
        const { trigger, count } = decodePresence(message.value);
        const counts = this.remoteCounts.get(trigger) ?? new Map<string, number>();
        counts.set(origin ?? '', count);
        this.remoteCounts.set(trigger, counts);
      } catch (error) {
        this.onError(error);
      }
      return;
    }
    let decoded: { trigger: string; payload: unknown };
    try {
      decoded = decodeLiveMessage(message.value);
    } catch (error) {
      // Nothing could ever deliver it; the next records must not wait for it.
      this.onError(error);
      return;
    }
    await super.publish(decoded.trigger, decoded.payload as never);
  }
}
