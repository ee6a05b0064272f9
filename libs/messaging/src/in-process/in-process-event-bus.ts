import type { EventEnvelope } from '@coord/contracts';
import type { BatchHandler, EventBus } from '../port/event-bus.port';
import { SubscriberFailedError } from './subscriber-failed.error';

/**
 * The embedded bus: a batch is acknowledged once every subscriber has handled it. Delivery is at
 * least once — when one subscriber fails the relay republishes the batch to all of them — so every
 * subscriber must skip what it has already seen (projections by checkpoint, policies by command id).
 */
export class InProcessEventBus implements EventBus {
  private readonly subscribers = new Map<string, BatchHandler>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  subscribe(name: string, handler: BatchHandler): void {
    if (this.subscribers.has(name)) throw new Error(`a subscriber named "${name}" is already registered`);
    this.subscribers.set(name, handler);
  }

  async publish(events: readonly EventEnvelope[]): Promise<void> {
    if (this.closed) throw new Error('the event bus is closed');
    if (events.length === 0) return;
    const names = [...this.subscribers.keys()];
    // allSettled, not all: rejecting while another subscriber is still at work would let the relay
    // republish into a handler that has not finished the previous attempt.
    const delivery = Promise.allSettled([...this.subscribers.values()].map(async (handler) => handler(events)));
    this.inFlight.add(delivery);
    try {
      const outcomes = await delivery;
      const failures = outcomes.flatMap((outcome, index) =>
        outcome.status === 'rejected' ? [{ name: names[index], reason: outcome.reason as unknown }] : [],
      );
      if (failures.length === 1) throw new SubscriberFailedError(failures[0].name, failures[0].reason);
      if (failures.length > 1) {
        throw new AggregateError(
          failures.map((failure) => new SubscriberFailedError(failure.name, failure.reason)),
          `${failures.length} subscribers failed: ${failures.map((failure) => failure.name).join(', ')}`,
        );
      }
    } finally {
      this.inFlight.delete(delivery);
    }
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('the event bus is closed');
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
    this.subscribers.clear();
  }
}
