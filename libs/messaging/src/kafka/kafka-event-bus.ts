import { setTimeout as pause } from 'node:timers/promises';
import {
  Admin,
  Consumer,
  EachBatchPayload,
  Kafka,
  logLevel,
  LogEntry,
  Message,
  Partitioners,
  Producer,
  TopicMessages,
} from 'kafkajs';
import type { EventEnvelope } from '@coord/contracts';
import type { BatchHandler, EventBus } from '../port/event-bus.port';
import { SubscriberFailedError } from '../in-process/subscriber-failed.error';
import { decodeEnvelope, encodeEnvelope } from './kafka-envelope.codec';
import { CONTEXT_TOPICS } from './kafka-topics';

/** Where a failure happened, for the logs: a subscriber's batch, a record, or the producer. */
export interface KafkaErrorContext {
  readonly subscriber?: string;
  readonly topic?: string;
  readonly partition?: number;
  readonly offset?: string;
  /** Consecutive failed attempts of the same batch or of the consumer's start. */
  readonly attempt?: number;
}

export interface KafkaLogLine {
  readonly level: 'error' | 'warn' | 'info' | 'debug';
  readonly namespace: string;
  readonly message: string;
  readonly extra: Readonly<Record<string, unknown>>;
}

export interface KafkaEventBusOptions {
  readonly brokers: readonly string[];
  readonly clientId?: string;
  /**
   * An idempotent producer's own retries neither duplicate nor reorder a partition's records.
   * Redelivery is harmless downstream anyway, but per-stream order on the wire is the contract.
   */
  readonly idempotent?: boolean;
  /** How long the brokers may take to acknowledge a batch from every in-sync replica. */
  readonly ackTimeoutMs?: number;
  /** Client-level retries of one request; after them `publish` rejects and the relay retries the batch. */
  readonly retries?: number;
  readonly sessionTimeoutMs?: number;
  readonly heartbeatIntervalMs?: number;
  /**
   * The longest a fetch waits for records. Brokers answer as soon as one arrives, so this bounds
   * only idle polling — and stopping, which waits for the fetch in flight.
   */
  readonly maxWaitTimeMs?: number;
  /** Backoff between attempts of a batch a subscriber refused, and between restarts of a consumer. */
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Told about every failure the bus itself recovers from (it keeps retrying). */
  readonly onError?: (error: unknown, context: KafkaErrorContext) => void;
  /** kafkajs's own log lines; dropped when absent. */
  readonly log?: (line: KafkaLogLine) => void;
}

const DEFAULTS = {
  clientId: 'coordination',
  idempotent: true,
  ackTimeoutMs: 30_000,
  retries: 8,
  sessionTimeoutMs: 30_000,
  heartbeatIntervalMs: 3_000,
  // How long a fetch may wait for data. A broker answers as soon as data arrives, but the mock cluster
  // (and a quiet partition among many) can hold a fetch the whole time: measured at 50 commands/s on
  // the distributed shape, mutation → visible p99 was 971 ms with 1 s, 408 ms with 250 ms, and 1,054
  // ms with 100 ms (the extra fetches cost CPU). bench/RESULTS-distributed.md, run 3.
  maxWaitTimeMs: 250,
  initialBackoffMs: 100,
  maxBackoffMs: 30_000,
};

const LEVELS: Record<number, KafkaLogLine['level']> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** The longest a refused batch waits without a heartbeat, so that the group keeps its member. */
const HEARTBEAT_SLICE_MS = 250;

const backoff = (options: typeof DEFAULTS, failures: number): number =>
  Math.min(options.maxBackoffMs, options.initialBackoffMs * 2 ** Math.max(0, failures - 1));

const toMessages = (events: readonly EventEnvelope[]): TopicMessages[] => {
  const byTopic = new Map<string, Message[]>();
  for (const event of events) {
    const { topic, key, value, headers } = encodeEnvelope(event);
    const messages = byTopic.get(topic) ?? [];
    messages.push({ key, value, headers });
    byTopic.set(topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
};

/**
 * The bus on Kafka (kafkajs stays behind the port, so another client could replace it).
 *
 * Publish: every event goes to its context's topic, keyed by stream id; `publish` resolves once
 * every in-sync replica acknowledged (acks -1), so the relay's checkpoint never passes an event the
 * cluster could still lose.
 *
 * Subscribe: one consumer group per subscriber name over every context topic. A partition's batch
 * goes to the handler, and its offset is committed only after the handler resolved — for the read
 * model, after the projection transaction committed. Delivery is therefore at least once: a batch
 * whose handler failed, or whose consumer stopped or crashed before the commit, comes again, and
 * subscribers skip what they have seen (projections by their checkpoint, policies by command id).
 *
 * Order: within a partition, hence within a stream, records arrive in log order; across partitions
 * and topics they interleave, so consecutive batches are NOT in global log order. A subscriber that
 * needs the whole log in order (the projection runner, whose checkpoint is one log position) must
 * not apply these batches directly — see `followLogOnNotice`.
 */
export class KafkaEventBus implements EventBus {
  private readonly options: typeof DEFAULTS;
  private readonly onError: (error: unknown, context: KafkaErrorContext) => void;
  private readonly kafka: Kafka;
  private readonly subscriptions = new Map<string, KafkaSubscription>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private producer: Promise<Producer> | null = null;
  private admin: Promise<Admin> | null = null;
  private closed = false;

  constructor(options: KafkaEventBusOptions) {
    if (options.brokers.length === 0) throw new Error('the Kafka event bus needs at least one broker');
    this.options = {
      clientId: options.clientId ?? DEFAULTS.clientId,
      idempotent: options.idempotent ?? DEFAULTS.idempotent,
      ackTimeoutMs: options.ackTimeoutMs ?? DEFAULTS.ackTimeoutMs,
      retries: options.retries ?? DEFAULTS.retries,
      sessionTimeoutMs: options.sessionTimeoutMs ?? DEFAULTS.sessionTimeoutMs,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? DEFAULTS.heartbeatIntervalMs,
      maxWaitTimeMs: options.maxWaitTimeMs ?? DEFAULTS.maxWaitTimeMs,
      initialBackoffMs: options.initialBackoffMs ?? DEFAULTS.initialBackoffMs,
      maxBackoffMs: options.maxBackoffMs ?? DEFAULTS.maxBackoffMs,
    };
    this.onError = options.onError ?? (() => undefined);
    const log = options.log;
    this.kafka = new Kafka({
      clientId: this.options.clientId,
      brokers: [...options.brokers],
      retry: { retries: this.options.retries },
      logLevel: log ? logLevel.INFO : logLevel.NOTHING,
      logCreator:
        () =>
        ({ namespace, level, log: entry }: LogEntry) => {
          const { message, ...extra } = entry;
          log?.({ level: LEVELS[level] ?? 'debug', namespace, message, extra });
        },
    });
  }

  async publish(events: readonly EventEnvelope[]): Promise<void> {
    if (this.closed) throw new Error('the event bus is closed');
    if (events.length === 0) return;
    const topicMessages = toMessages(events);
    const sending = this.connectedProducer().then((producer) =>
      producer.sendBatch({ acks: -1, timeout: this.options.ackTimeoutMs, topicMessages }),
    );
    this.inFlight.add(sending);
    try {
      await sending;
    } finally {
      this.inFlight.delete(sending);
    }
  }

  subscribe(name: string, handler: BatchHandler): void {
    if (this.closed) throw new Error('the event bus is closed');
    if (this.subscriptions.has(name)) throw new Error(`a subscriber named "${name}" is already registered`);
    const subscription = new KafkaSubscription(this.kafka, name, handler, this.options, this.onError);
    this.subscriptions.set(name, subscription);
    subscription.start();
  }

  /** Resolves once the subscriber's consumer has joined its group and been given partitions. */
  subscribed(name: string): Promise<void> {
    const subscription = this.subscriptions.get(name);
    if (!subscription) return Promise.reject(new Error(`no subscriber named "${name}"`));
    return subscription.joined;
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('the event bus is closed');
    const admin = await this.connectedAdmin();
    const { brokers } = await admin.describeCluster();
    if (brokers.length === 0) throw new Error('the Kafka cluster reports no brokers');
  }

  /** Waits for batches in flight, stops every consumer (uncommitted batches come again) and disconnects. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
    await Promise.all([...this.subscriptions.values()].map((subscription) => subscription.stop()));
    this.subscriptions.clear();
    const [producer, admin] = [this.producer, this.admin];
    this.producer = null;
    this.admin = null;
    await Promise.allSettled([
      producer?.then((connected) => connected.disconnect()),
      admin?.then((connected) => connected.disconnect()),
    ]);
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= this.connect(
      this.kafka.producer({
        idempotent: this.options.idempotent,
        // One request in flight per broker keeps a partition's order through retries in every mode.
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      }),
      () => (this.producer = null),
    );
    return this.producer;
  }

  private connectedAdmin(): Promise<Admin> {
    this.admin ??= this.connect(this.kafka.admin(), () => (this.admin = null));
    return this.admin;
  }

  /** A failed connection is forgotten, so that the next call tries again instead of failing forever. */
  private async connect<T extends { connect(): Promise<void> }>(client: T, forget: () => void): Promise<T> {
    try {
      await client.connect();
      return client;
    } catch (error) {
      forget();
      throw error;
    }
  }
}

/** One subscriber's consumer group: started in the background, restarted when kafkajs gives up. */
class KafkaSubscription {
  readonly joined: Promise<void>;
  private markJoined!: () => void;
  private consumer: Consumer | null = null;
  private loop: Promise<void> | null = null;
  private stopping = false;
  /** Cuts every wait short on stop, so that a stopped bus leaves no timer behind. */
  private readonly stopSignal = new AbortController();

  constructor(
    private readonly kafka: Kafka,
    private readonly name: string,
    private readonly handler: BatchHandler,
    private readonly options: typeof DEFAULTS,
    private readonly onError: (error: unknown, context: KafkaErrorContext) => void,
  ) {
    this.joined = new Promise((resolve) => (this.markJoined = resolve));
  }

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.stopSignal.abort();
    await this.consumer?.disconnect().catch(() => undefined);
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      const consumer = this.kafka.consumer({
        groupId: this.name,
        sessionTimeout: this.options.sessionTimeoutMs,
        heartbeatInterval: this.options.heartbeatIntervalMs,
        maxWaitTimeInMs: this.options.maxWaitTimeMs,
        retry: { retries: this.options.retries },
      });
      this.consumer = consumer;
      consumer.on(consumer.events.GROUP_JOIN, () => this.markJoined());
      const gaveUp = new Promise<unknown>((resolve) => {
        consumer.on(consumer.events.CRASH, ({ payload }) => {
          this.onError(payload.error, { subscriber: this.name });
          // kafkajs restarts by itself after a retriable crash; only when it gives up do we.
          if (!payload.restart) resolve(payload.error);
        });
      });
      const stopped = new Promise<void>((resolve) => {
        if (this.stopSignal.signal.aborted) resolve();
        else this.stopSignal.signal.addEventListener('abort', () => resolve(), { once: true });
      });
      try {
        await consumer.connect();
        await consumer.subscribe({ topics: [...CONTEXT_TOPICS], fromBeginning: true });
        await consumer.run({
          autoCommit: false,
          eachBatchAutoResolve: false,
          eachBatch: (payload) => this.deliver(payload),
        });
        failures = 0;
        await Promise.race([gaveUp, stopped]);
      } catch (error) {
        failures += 1;
        this.onError(error, { subscriber: this.name, attempt: failures });
      }
      await consumer.disconnect().catch(() => undefined);
      if (!this.stopping) await this.sleep(backoff(this.options, Math.max(failures, 1)));
    }
  }

  private sleep(ms: number): Promise<void> {
    return pause(ms, undefined, { signal: this.stopSignal.signal }).catch(() => undefined);
  }

  /**
   * Hands one partition's batch to the handler, retrying it in place until it succeeds, and commits
   * the offset after it. When the consumer stops or loses the partition meanwhile, it returns without
   * committing: whoever consumes the partition next receives the batch again.
   */
  private async deliver({ batch, resolveOffset, commitOffsetsIfNecessary, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    const events: EventEnvelope[] = [];
    for (const message of batch.messages) {
      try {
        events.push(decodeEnvelope(message.value));
      } catch (error) {
        // Nothing can ever handle it, and holding the partition up for it would stall every stream there.
        this.onError(error, { subscriber: this.name, topic, partition, offset: message.offset });
      }
    }
    for (let attempt = 1; events.length > 0; attempt += 1) {
      if (!isRunning() || isStale()) return;
      try {
        await this.handler(events);
        break;
      } catch (error) {
        this.onError(new SubscriberFailedError(this.name, error), { subscriber: this.name, topic, partition, attempt });
        const until = Date.now() + backoff(this.options, attempt);
        while (Date.now() < until && isRunning() && !isStale()) {
          await this.sleep(Math.min(HEARTBEAT_SLICE_MS, until - Date.now()));
          await heartbeat();
        }
      }
    }
    const last = batch.lastOffset();
    resolveOffset(last);
    await commitOffsetsIfNecessary({
      topics: [{ topic, partitions: [{ partition, offset: (BigInt(last) + 1n).toString() }] }],
    });
    await heartbeat();
  }
}
