import { setTimeout as pause } from 'node:timers/promises';
import type { EventEnvelope } from '@coord/contracts';
import { comparePositions, parsePosition } from '@coord/kernel';
import type { EventStore } from '../port/event-store.port';

/** A live feed of the log after a position (exclusive; null = from the start), closed by its reader. */
export interface LogFeed extends AsyncIterable<EventEnvelope> {
  close(): Promise<void>;
}

export type LogFeedSource = (after: string | null) => LogFeed;

export interface CatchUpSubscriptionOptions {
  /** Its checkpoint's name in the store. */
  readonly name: string;
  readonly handler: (event: EventEnvelope) => Promise<void>;
  /** Handled events between two checkpoint writes; a crash redelivers at most this many. */
  readonly checkpointEvery?: number;
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Told about every drop (server gone, feed ended, handler failed); the subscription resubscribes. */
  readonly onDrop?: (error: unknown, consecutiveDrops: number) => void;
}

type Checkpoints = Pick<EventStore, 'loadCheckpoint' | 'saveCheckpoint'>;

/**
 * A catch-up subscription that survives drops: it starts after its stored checkpoint, hands each
 * event to the handler, stores its position, and after a drop resubscribes from the stored
 * checkpoint with a growing backoff. @eventstore/db-client does not resubscribe on its own (a
 * dropped subscription just errors or ends), and resuming from memory instead of the store would
 * lose the events handled but not checkpointed by a crashed process.
 *
 * Delivery is at least once: after a crash the events since the last checkpoint come again, so the
 * handler must skip what it has seen (as every subscriber of the bus must).
 */
export class CatchUpSubscription {
  private readonly checkpointEvery: number;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly stopSignal = new AbortController();
  private feed: LogFeed | null = null;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly source: LogFeedSource,
    private readonly checkpoints: Checkpoints,
    private readonly options: CatchUpSubscriptionOptions,
  ) {
    this.checkpointEvery = options.checkpointEvery ?? 1;
    this.initialBackoffMs = options.initialBackoffMs ?? 100;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    if (!(this.checkpointEvery >= 1)) throw new Error('checkpointEvery must be at least 1');
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Stops after the event in hand, with its position stored. */
  async stop(): Promise<void> {
    this.stopSignal.abort();
    await this.feed?.close();
    await this.loop;
  }

  private get stopped(): boolean {
    return this.stopSignal.signal.aborted;
  }

  private async run(): Promise<void> {
    let drops = 0;
    while (!this.stopped) {
      let handled: string | null = null;
      let unsaved = 0;
      try {
        const after = await this.checkpoints.loadCheckpoint(this.options.name);
        const feed = this.source(after);
        this.feed = feed;
        for await (const event of feed) {
          if (this.stopped) break;
          // A server may resend the checkpoint's own event; what is not after it was handled already.
          if (after !== null && comparePositions(parsePosition(event.position), parsePosition(after)) <= 0) continue;
          await this.options.handler(event);
          handled = event.position;
          drops = 0;
          unsaved += 1;
          if (unsaved >= this.checkpointEvery) {
            await this.checkpoints.saveCheckpoint(this.options.name, handled);
            unsaved = 0;
          }
        }
        if (!this.stopped) throw new Error(`catch-up subscription "${this.options.name}" ended`);
      } catch (error) {
        if (this.stopped) break;
        drops += 1;
        this.options.onDrop?.(error, drops);
      } finally {
        await this.feed?.close().catch(() => undefined);
        this.feed = null;
        if (handled !== null && unsaved > 0) {
          await this.checkpoints.saveCheckpoint(this.options.name, handled).catch((error: unknown) => this.options.onDrop?.(error, drops));
        }
      }
      if (!this.stopped) {
        const delay = Math.min(this.maxBackoffMs, this.initialBackoffMs * 2 ** Math.max(0, drops - 1));
        await pause(delay, undefined, { signal: this.stopSignal.signal }).catch(() => undefined);
      }
    }
  }
}
