import { randomUUID } from 'node:crypto';
import { setTimeout as pause } from 'node:timers/promises';
import { comparePositions, parsePosition } from '@coord/kernel';
import type { EventStore } from '../port/event-store.port';
import type { EventStoreHarness } from './event-store.harness';

/** The least a reader under test must return: where each event sits and which one it is. */
export interface ReadEvent {
  readonly position: string;
  readonly data: unknown;
}

/** One page of the log after a cursor; the cursor is the `position` of the last event seen. */
export type PageReader = (after: string | null, limit: number) => Promise<readonly ReadEvent[]>;

export interface ConcurrentAppendsPlan {
  readonly writers: number;
  readonly appendsPerWriter: number;
  readonly eventsPerAppend: number;
  readonly maxCommitDelayMs: number;
  readonly catchUpBatchSize: number;
}

export const CONCURRENT_APPENDS_PLAN: ConcurrentAppendsPlan = {
  writers: 16,
  appendsPerWriter: 40,
  eventsPerAppend: 6,
  maxCommitDelayMs: 30,
  catchUpBatchSize: 50,
};

export interface ConcurrentAppendsOutcome {
  /** Markers of every acknowledged event. */
  readonly appended: ReadonlySet<string>;
  /** Markers each reader saw while the writers were running and until it caught up, in order. */
  readonly caughtUp: Readonly<Record<string, readonly string[]>>;
}

export interface ReadTally {
  readonly appended: number;
  readonly seenOnce: number;
  readonly skipped: number;
  readonly seenMoreThanOnce: number;
  readonly foreign: number;
}

const ACTOR = { userId: 'contract-writer', organizationId: 'contract-organisation' };
const CATCH_UP_DEADLINE_MS = 60_000;

const markerOf = (event: ReadEvent): string => (event.data as { marker: string }).marker;

const latestOf = (positions: readonly string[]): string =>
  positions.reduce((latest, position) =>
    comparePositions(parsePosition(position), parsePosition(latest)) > 0 ? position : latest,
  );

/** Polls, because a log may hold back what it has while an older transaction elsewhere is open. */
export const waitForHead = async (store: EventStore, position: string, timeoutMs = 20_000): Promise<void> => {
  const target = parsePosition(position);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const head = await store.headPosition();
    if (head !== null && comparePositions(parsePosition(head), target) >= 0) return;
    if (Date.now() > deadline) throw new Error(`head ${head} did not reach ${position} in ${timeoutMs} ms`);
    await pause(5);
  }
};

/**
 * `writers` concurrent writers, each on its own stream, append with commits held open for a random
 * 0–`maxCommitDelayMs`, while every reader polls after the last position it saw. A reader stops once
 * the writers are done, the store's head has passed the last acknowledged event, and a page read
 * after that came back empty: from then on it would never see anything more.
 */
export const runConcurrentAppends = async (
  harness: EventStoreHarness,
  store: EventStore,
  readers: Readonly<Record<string, PageReader>>,
  plan: ConcurrentAppendsPlan = CONCURRENT_APPENDS_PLAN,
): Promise<ConcurrentAppendsOutcome> => {
  const appended = new Set<string>();
  const positions: string[] = [];
  let settled = false;

  const write = async (writer: number): Promise<void> => {
    const streamId = `Concurrency-${randomUUID()}`;
    for (let append = 0; append < plan.appendsPerWriter; append += 1) {
      const markers = Array.from({ length: plan.eventsPerAppend }, (_, index) => `${writer}:${append}:${index}`);
      const result = await harness.appendWithDelayedCommit(
        streamId,
        markers.map((marker) => ({ type: 'ConcurrencyProbed', data: { marker } })),
        Math.random() * plan.maxCommitDelayMs,
        { expectedVersion: append * plan.eventsPerAppend, actor: ACTOR, occurredAt: new Date() },
      );
      markers.forEach((marker) => appended.add(marker));
      positions.push(result.position);
    }
  };

  const catchUp = async (reader: PageReader): Promise<string[]> => {
    const seen: string[] = [];
    const deadline = Date.now() + CATCH_UP_DEADLINE_MS;
    let after: string | null = null;
    for (;;) {
      const settledBeforeRead = settled;
      const page = await reader(after, plan.catchUpBatchSize);
      page.forEach((event) => seen.push(markerOf(event)));
      if (page.length > 0) {
        after = page[page.length - 1].position;
        continue;
      }
      if (settledBeforeRead) return seen;
      if (Date.now() > deadline) throw new Error(`catch-up reader still running after ${CATCH_UP_DEADLINE_MS} ms`);
      await pause(1);
    }
  };

  const readersDone = Promise.all(
    Object.entries(readers).map(async ([name, reader]) => [name, await catchUp(reader)] as const),
  );
  try {
    await Promise.all(Array.from({ length: plan.writers }, (_, writer) => write(writer)));
    await waitForHead(store, latestOf(positions));
  } finally {
    settled = true;
  }
  return { appended, caughtUp: Object.fromEntries(await readersDone) };
};

/** The whole log from the start, in pages of `batchSize`. */
export const readEverything = async (reader: PageReader, batchSize: number): Promise<string[]> => {
  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await reader(after, batchSize);
    if (page.length === 0) return seen;
    page.forEach((event) => seen.push(markerOf(event)));
    after = page[page.length - 1].position;
  }
};

export const tally = (appended: ReadonlySet<string>, seen: readonly string[]): ReadTally => {
  const counts = new Map<string, number>();
  for (const marker of seen) counts.set(marker, (counts.get(marker) ?? 0) + 1);
  let seenOnce = 0;
  let seenMoreThanOnce = 0;
  let foreign = 0;
  for (const [marker, count] of counts) {
    if (!appended.has(marker)) foreign += 1;
    else if (count === 1) seenOnce += 1;
    else seenMoreThanOnce += 1;
  }
  const skipped = [...appended].filter((marker) => !counts.has(marker)).length;
  return { appended: appended.size, seenOnce, skipped, seenMoreThanOnce, foreign };
};

/** A sentence with every count, so that a failed assertion says how the reader went wrong. */
export const describeTally = (label: string, result: ReadTally): string =>
  `${label}: ${result.appended} appended, ${result.seenOnce} seen once, ${result.skipped} skipped, ` +
  `${result.seenMoreThanOnce} seen more than once, ${result.foreign} never appended`;

export const perfectTally = (appended: ReadonlySet<string>): ReadTally => ({
  appended: appended.size,
  seenOnce: appended.size,
  skipped: 0,
  seenMoreThanOnce: 0,
  foreign: 0,
});
