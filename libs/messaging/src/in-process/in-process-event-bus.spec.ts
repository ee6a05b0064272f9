import type { EventEnvelope } from '@coord/contracts';
import { InProcessEventBus } from './in-process-event-bus';
import { SubscriberFailedError } from './subscriber-failed.error';

const envelope = (n: number): EventEnvelope => ({
  eventId: `e${n}`,
  type: 'TestHappened',
  schemaVersion: 1,
  streamId: 'Test-1',
  streamVersion: n,
  position: `0:${n}`,
  occurredAt: '2026-03-01T00:00:00.000Z',
  actor: { userId: 'u', organizationId: 'o' },
  commandId: null,
  data: { n },
});

const deferred = () => {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
};

describe('InProcessEventBus', () => {
  it('acknowledges a batch only once every subscriber has handled it', async () => {
    const bus = new InProcessEventBus();
    const slow = deferred();
    const seen: string[] = [];
    bus.subscribe('fast', async (events) => {
      seen.push(`fast:${events.length}`);
    });
    bus.subscribe('slow', async (events) => {
      await slow.promise;
      seen.push(`slow:${events.length}`);
    });

    let acknowledged = false;
    const publishing = bus.publish([envelope(1), envelope(2)]).then(() => (acknowledged = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(acknowledged).toBe(false);
    slow.release();
    await publishing;

    expect(seen).toEqual(['fast:2', 'slow:2']);
  });

  it('rejects naming the failing subscriber, but only after the others finished', async () => {
    const bus = new InProcessEventBus();
    const slow = deferred();
    let slowDone = false;
    bus.subscribe('broken', async () => {
      throw new Error('disk full');
    });
    bus.subscribe('slow', async () => {
      await slow.promise;
      slowDone = true;
    });

    const publishing = bus.publish([envelope(1)]);
    setImmediate(slow.release);

    await expect(publishing).rejects.toBeInstanceOf(SubscriberFailedError);
    await expect(publishing).rejects.toMatchObject({ subscriber: 'broken', message: 'subscriber "broken" failed: disk full' });
    expect(slowDone).toBe(true);
  });

  it('reports several failures together', async () => {
    const bus = new InProcessEventBus();
    bus.subscribe('a', async () => Promise.reject(new Error('a')));
    bus.subscribe('b', async () => Promise.reject(new Error('b')));
    await expect(bus.publish([envelope(1)])).rejects.toMatchObject({ message: '2 subscribers failed: a, b' });
  });

  it('refuses a second subscriber of the same name, and publishing after close', async () => {
    const bus = new InProcessEventBus();
    bus.subscribe('read-model', async () => undefined);
    expect(() => bus.subscribe('read-model', async () => undefined)).toThrow('already registered');
    await expect(bus.ping()).resolves.toBeUndefined();
    await bus.close();
    await expect(bus.publish([envelope(1)])).rejects.toThrow('closed');
    await expect(bus.ping()).rejects.toThrow('closed');
  });

  it('waits on close for batches in flight', async () => {
    const bus = new InProcessEventBus();
    const slow = deferred();
    let handled = false;
    bus.subscribe('slow', async () => {
      await slow.promise;
      handled = true;
    });
    const publishing = bus.publish([envelope(1)]);
    const closing = bus.close();
    setImmediate(slow.release);
    await closing;
    expect(handled).toBe(true);
    await publishing;
  });
});
