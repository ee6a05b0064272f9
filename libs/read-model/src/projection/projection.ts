import type { EventEnvelope } from '@coord/contracts';
import type { EntityManager } from 'typeorm';

/** In `handles`, stands for every event type (the history of every stream). */
export const ALL_EVENT_TYPES = '*';

/**
 * A read-model projection (STYLE.md "Projections"). The runner calls it inside the transaction that
 * also moves its checkpoint, only with events above that checkpoint, in log order.
 */
export interface Projection {
  readonly name: string;
  /** Bump when the logic changes: the runner then empties `tables` and replays the log into them. */
  readonly version: number;
  /** Event types it applies, or `[ALL_EVENT_TYPES]`. */
  readonly handles: readonly string[];
  /** The tables it owns and alone writes: what a rebuild empties. */
  readonly tables: readonly string[];
  apply(event: EventEnvelope, manager: EntityManager): Promise<void>;
  /**
   * Optional: the same as `apply` over each event in turn, with fewer round trips. Replaying the log
   * event by event costs several statements per event; a batch costs a few per table.
   */
  applyBatch?(events: readonly EventEnvelope[], manager: EntityManager): Promise<void>;
}

export const handlesType = (projection: Projection, type: string): boolean =>
  projection.handles.includes(ALL_EVENT_TYPES) || projection.handles.includes(type);
