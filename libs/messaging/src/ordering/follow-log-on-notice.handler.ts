import type { EventEnvelope } from '@coord/contracts';
import type { EventStore } from '@coord/event-store';
import { comparePositions, parsePosition } from '@coord/kernel';
import type { BatchHandler } from '../port/event-bus.port';

/** A reader that keeps its own position in the log and reads on from it in log order: the projection runner. */
export interface LogFollower {
  /** Applies the log after its own checkpoint, up to `until` inclusive. */
  catchUp(store: EventStore, until: string): Promise<unknown>;
}

const highestPosition = (events: readonly EventEnvelope[]): string =>
  events.reduce((highest, event) =>
    comparePositions(parsePosition(event.position), parsePosition(highest.position)) > 0 ? event : highest,
  ).position;

/**
 * The subscriber to give a bus that does not deliver in log order, on behalf of a follower whose
 * checkpoint is ONE log position and which skips everything at or below it.
 *
 * Why: Kafka keeps order only within a partition. Batches of different partitions and topics
 * interleave, and every context service may run its own relay at its own pace, so position 10 can
 * arrive before position 5. Applied directly, 10 would move the checkpoint past 5, and 5 would then
 * be skipped as "already seen": lost. One partition per topic would not help (the topics still
 * interleave), and per-stream version guards would not either (projections span streams, and
 * `X-Min-Position` needs "everything up to P applied").
 *
 * So a delivered batch is taken as a notice: "the log is published at least up to here". The
 * follower reads the log itself from its checkpoint up to the batch's highest position and applies
 * it in order. Everything up to that position is readable — the relay read it from the same log
 * before publishing it — so nothing is skipped; a batch seen twice, or one behind the checkpoint,
 * reads nothing and changes nothing (the projection checkpoint guards it). The handler resolves only
 * after the projection transaction committed, so the bus commits its offsets after that.
 */
export const followLogOnNotice =
  (store: EventStore, follower: LogFollower): BatchHandler =>
  async (events) => {
    if (events.length === 0) return;
    await follower.catchUp(store, highestPosition(events));
  };
