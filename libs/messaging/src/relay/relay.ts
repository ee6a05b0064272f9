import type { EventEnvelope } from '@coord/contracts';
import type { EventStore } from '@coord/event-store';
import { comparePositions, parsePosition } from '@coord/kernel';
import type { EventBus } from '../port/event-bus.port';

export interface RelayOptions {
  /** Events read and published per batch. */
  readonly batchSize?: number;
  /** The safety net for events appended by other processes, which never poke this relay. */
  readonly pollIntervalMs?: number;
  readonly checkpointName?: string;
  /**
   * Which events this relay publishes (default: all). A context service publishes only its own
   * context's events; its checkpoint still moves over the others, which their owners publish.
   */
  readonly filter?: (event: EventEnvelope) => boolean;
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Told about every failed attempt; the relay itself keeps retrying. */
  readonly onError?: (error: unknown, consecutiveFailures: number) => void;
  readonly now?: () => number;
}

export interface RelayLag {
  readonly headPosition: string | null;
  readonly publishedPosition: string | null;
  /** Age of the oldest event not yet published, in seconds; 0 when the relay is at the head. */
  readonly seconds: number;
}

const DEFAULTS = {
  batchSize: 500,
  pollIntervalMs: 1000,
  checkpointName: 'relay',
  initialBackoffMs: 100,
  maxBackoffMs: 30_000,
};

type RunState = 'stopped' | 'running' | 'stopping';

const FIRST_RECHECK_MS = 5;

/**
 * Publishes the log to the bus in global order (ARCHITECTURE.md "Publish"). The checkpoint moves
 * only after the bus acknowledged a batch, so a crash or a failing subscriber means the batch is
 * published again, never lost: delivery is at least once and subscribers skip what they have seen.
 */
export class Relay {
  private readonly options: typeof DEFAULTS;
  private readonly onError: (error: unknown, consecutiveFailures: number) => void;
  private readonly now: () => number;
  private readonly filter: ((event: EventEnvelope) => boolean) | null;
  /** `undefined` until loaded from the store; `null` when nothing was ever published. */
  private checkpoint: string | null | undefined;
  /** Serialises the loop and `drain()` so that both never publish the same batch. */
  private lock: Promise<unknown> = Promise.resolve();
  private state: RunState = 'stopped';
  private loop: Promise<void> | null = null;
  private poked = false;
  private wake: (() => void) | null = null;
  private failures = 0;
  private error: unknown = null;

  constructor(
    private readonly store: EventStore,
    private readonly bus: EventBus,
    options: RelayOptions = {},
  ) {
    this.options = {
      batchSize: options.batchSize ?? DEFAULTS.batchSize,
      pollIntervalMs: options.pollIntervalMs ?? DEFAULTS.pollIntervalMs,
      checkpointName: options.checkpointName ?? DEFAULTS.checkpointName,
      initialBackoffMs: options.initialBackoffMs ?? DEFAULTS.initialBackoffMs,
      maxBackoffMs: options.maxBackoffMs ?? DEFAULTS.maxBackoffMs,
    };
    if (!(this.options.batchSize > 0)) throw new Error('relay batchSize must be positive');
    this.onError = options.onError ?? (() => undefined);
    this.now = options.now ?? Date.now;
    this.filter = options.filter ?? null;
  }

  /** The position of the last event the bus acknowledged, or null before the first. */
  get lastPublishedPosition(): string | null {
    return this.checkpoint ?? null;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  get lastError(): unknown {
    return this.error;
  }

  get isRunning(): boolean {
    return this.state === 'running';
  }

  start(): void {
    if (this.state !== 'stopped') return;
    this.state = 'running';
    this.poked = true;
    this.loop = this.run();
  }

  /** Waits for the batch in flight, so a stopped relay leaves its checkpoint consistent. */
  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopping';
    this.wake?.();
    await this.loop;
    this.loop = null;
    this.state = 'stopped';
  }

  /** Called after every append in this process, so its events go out at once instead of at the next poll. */
  poke(): void {
    this.poked = true;
    // A failing bus is not hammered on every append: a poke during backoff waits for the backoff.
    if (this.failures === 0) this.wake?.();
  }

  /**
   * Publishes until the head as it was when called (for tests and the CLI). Failures are thrown,
   * not retried; the checkpoint stays at the last acknowledged batch.
   */
  async drain(): Promise<number> {
    const head = await this.store.headPosition();
    if (head === null) return 0;
    const target = parsePosition(head);
    let published = 0;
    while (this.checkpoint == null || comparePositions(parsePosition(this.checkpoint), target) < 0) {
      const { read, sent } = await this.publishNextBatch();
      if (read === 0) break;
      published += sent;
    }
    return published;
  }

  async lag(): Promise<RelayLag> {
    const headPosition = await this.store.headPosition();
    const publishedPosition = this.lastPublishedPosition;
    const caughtUp =
      headPosition === null ||
      (publishedPosition !== null && comparePositions(parsePosition(publishedPosition), parsePosition(headPosition)) >= 0);
    if (caughtUp) return { headPosition, publishedPosition, seconds: 0 };
    const [oldest] = await this.store.readAll({ after: publishedPosition, limit: 1 });
    const seconds = oldest ? Math.max(0, (this.now() - Date.parse(oldest.occurredAt)) / 1000) : 0;
    return { headPosition, publishedPosition, seconds };
  }

  private async run(): Promise<void> {
    /** After a poke that found nothing: the next quick look, doubling up to the poll interval. */
    let recheck: number | null = null;
    while (this.state === 'running') {
      let delay = this.options.pollIntervalMs;
      const poked = this.poked;
      this.poked = false;
      try {
        let published = 0;
        // Keep going while there is a backlog; the next empty read ends the burst.
        while (this.state === 'running') {
          const { read } = await this.publishNextBatch();
          if (read === 0) break;
          published += read;
        }
        this.failures = 0;
        this.error = null;
        // A poke means this process appended, yet on PostgreSQL the event stays out of sight while
        // any older transaction in the cluster is open: look again soon, not at the next poll.
        if (published > 0) recheck = null;
        else if (poked || recheck !== null) recheck = recheck === null ? FIRST_RECHECK_MS : recheck * 2;
        if (recheck !== null && recheck >= delay) recheck = null;
        if (recheck !== null) delay = recheck;
      } catch (error) {
        this.failures += 1;
        this.error = error;
        this.onError(error, this.failures);
        delay = Math.min(this.options.maxBackoffMs, this.options.initialBackoffMs * 2 ** (this.failures - 1));
      }
      if (this.state === 'running' && (this.failures > 0 || !this.poked)) await this.sleep(delay);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake?.(), ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }

  /** Reads, publishes and checkpoints one batch; answers how many events it read and how many went out. */
  private publishNextBatch(): Promise<{ read: number; sent: number }> {
    const next = this.lock.then(async () => {
      if (this.checkpoint === undefined) {
        this.checkpoint = await this.store.loadCheckpoint(this.options.checkpointName);
      }
      const batch = await this.store.readAll({ after: this.checkpoint, limit: this.options.batchSize });
      if (batch.length === 0) return { read: 0, sent: 0 };
      const owned = this.filter ? batch.filter(this.filter) : batch;
      if (owned.length > 0) await this.bus.publish(owned);
      const last = batch[batch.length - 1].position;
      await this.store.saveCheckpoint(this.options.checkpointName, last);
      this.checkpoint = last;
      return { read: batch.length, sent: owned.length };
    });
    this.lock = next.catch(() => undefined);
    return next;
  }
}
