import type { EventEnvelope } from '@coord/contracts';
import { comparePositions, parsePosition } from '@coord/kernel';
import { CatchUpSubscription, LogFeed } from './catch-up.subscription';

const event = (n: number): EventEnvelope => ({
  eventId: `e${n}`,
  type: 'DeliveryPlanned',
  schemaVersion: 1,
  streamId: `AidDelivery-${n % 3}`,
  streamVersion: 1,
  position: `${n}:${n}`,
  occurredAt: '2026-03-01T08:00:00.000Z',
  actor: { userId: 'u', organizationId: 'o' },
  commandId: null,
  data: { n },
});

const eventually = async (condition: () => boolean, what: string) => {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

/**
 * A server's `$all` with faults: it drops a subscription after `dropAfter[i]` events of the i-th
 * one, may start a subscription AT its position (inclusive), and then waits for more.
 */
class FakeServer {
  readonly log = Array.from({ length: 30 }, (_, index) => event(index + 1));
  readonly subscribedFrom: (string | null)[] = [];
  open = 0;

  constructor(private readonly dropAfter: readonly number[]) {}

  feed = (after: string | null): LogFeed => {
    const attempt = this.subscribedFrom.push(after) - 1;
    const drop = this.dropAfter[attempt];
    let closed = false;
    const log = this.log;
    this.open += 1;
    return {
      async *[Symbol.asyncIterator]() {
        const start = after === null ? 0 : log.findIndex((candidate) => comparePositions(parsePosition(candidate.position), parsePosition(after)) >= 0);
        let sent = 0;
        for (const next of log.slice(start)) {
          if (drop !== undefined && sent === drop) throw new Error('connection reset');
          sent += 1;
          yield next;
        }
        while (!closed) await new Promise((resolve) => setTimeout(resolve, 2));
      },
      close: async () => {
        if (!closed) this.open -= 1;
        closed = true;
      },
    };
  };
}

class MemoryCheckpoints {
  readonly saved: string[] = [];
  async loadCheckpoint(): Promise<string | null> {
    return this.saved.at(-1) ?? null;
  }
  async saveCheckpoint(_name: string, position: string): Promise<void> {
    this.saved.push(position);
  }
}

describe('CatchUpSubscription', () => {
  it('resubscribes from its stored checkpoint after every drop and hands each event over once', async () => {
    const server = new FakeServer([7, 0, 12]);
    const checkpoints = new MemoryCheckpoints();
    const handled: string[] = [];
    const drops: number[] = [];
    const subscription = new CatchUpSubscription(server.feed, checkpoints, {
      name: 'relay',
      handler: async (next) => {
        handled.push(next.eventId);
      },
      initialBackoffMs: 1,
      onDrop: (_error, consecutive) => drops.push(consecutive),
    });

    subscription.start();
    await eventually(() => handled.length === 30, 'the whole log');
    await subscription.stop();

    expect(handled).toEqual(server.log.map((candidate) => candidate.eventId));
    expect(server.subscribedFrom).toEqual([null, '7:7', '7:7', '18:18']);
    expect(drops).toEqual([1, 2, 1]);
    expect(checkpoints.saved.at(-1)).toBe('30:30');
    expect(server.open).toBe(0);
  });

  it('redelivers an event whose handler failed, from the checkpoint before it', async () => {
    const server = new FakeServer([]);
    const checkpoints = new MemoryCheckpoints();
    const handled: string[] = [];
    let failures = 1;
    const subscription = new CatchUpSubscription(server.feed, checkpoints, {
      name: 'policy',
      handler: async (next) => {
        if (next.eventId === 'e5' && failures-- > 0) throw new Error('database unavailable');
        handled.push(next.eventId);
      },
      checkpointEvery: 3,
      initialBackoffMs: 1,
    });

    subscription.start();
    await eventually(() => handled.length === 30, 'the whole log');
    await subscription.stop();

    expect(handled).toEqual(server.log.map((candidate) => candidate.eventId));
    expect(server.subscribedFrom).toEqual([null, '4:4']);
    // Every third event, and the last one handled whenever the subscription drops or stops.
    expect(checkpoints.saved.slice(0, 2)).toEqual(['3:3', '4:4']);
    expect(checkpoints.saved.at(-1)).toBe('30:30');
  });

  it('stores the last handled position when stopped between checkpoints', async () => {
    const server = new FakeServer([]);
    const checkpoints = new MemoryCheckpoints();
    let handled = 0;
    const subscription = new CatchUpSubscription(server.feed, checkpoints, {
      name: 'relay',
      handler: async () => {
        handled += 1;
      },
      checkpointEvery: 100,
    });

    subscription.start();
    await eventually(() => handled === 30, 'the whole log');
    await subscription.stop();

    expect(checkpoints.saved).toEqual(['30:30']);
    expect(() => new CatchUpSubscription(server.feed, checkpoints, { name: 'x', handler: async () => undefined, checkpointEvery: 0 })).toThrow(
      'at least 1',
    );
  });
});
