import type { DomainEvent } from '@coord/kernel';
import type { AppendOptions, AppendResult, EventStore } from '../port/event-store.port';

/** What the contract suite needs from an adapter's spec to run against it. */
export interface EventStoreHarness {
  /** A fresh, empty store. `appendWithDelayedCommit` writes to the one created last. */
  create(): Promise<EventStore>;
  /**
   * Appends through a connection of its own (another client, thread or process) and holds the
   * transaction open for `delayMs` before committing, as a slow writer would.
   */
  appendWithDelayedCommit(
    streamId: string,
    events: readonly DomainEvent[],
    delayMs: number,
    options: AppendOptions,
  ): Promise<AppendResult>;
  /** Closes every store, connection and worker the harness made. */
  dispose(): Promise<void>;
}
