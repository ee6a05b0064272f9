import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@coord/contracts';
import { DomainError, DomainEvent, comparePositions, isPositionString, parsePosition } from '@coord/kernel';
import type { AppendOptions, EventStore } from '../port/event-store.port';
import {
  CONCURRENT_APPENDS_PLAN,
  PageReader,
  describeTally,
  perfectTally,
  readEverything,
  runConcurrentAppends,
  tally,
  waitForHead,
} from './concurrent-appends.scenario';
import type { EventStoreHarness } from './event-store.harness';

const ACTOR = { userId: 'user-1', organizationId: 'organisation-1' };
const OCCURRED_AT = new Date('2026-03-04T05:06:07.089Z');
const CONCURRENCY_TIMEOUT_MS = 120_000;

const probe = (n: number): DomainEvent => ({ type: 'ContractProbed', data: { n, nested: { list: [n, 'x'] } } });
const probes = (...ns: number[]): DomainEvent[] => ns.map(probe);
const newStream = (): string => `Contract-${randomUUID()}`;
const at = (expectedVersion: AppendOptions['expectedVersion'], extra: Partial<AppendOptions> = {}): AppendOptions => ({
  expectedVersion,
  actor: ACTOR,
  occurredAt: OCCURRED_AT,
  ...extra,
});
const commandOf = (streamId: string) => {
  const commandId = randomUUID();
  return { key: `${ACTOR.userId}|${commandId}`, commandId, resultId: streamId };
};

const expectConflict = async (attempt: Promise<unknown>): Promise<void> => {
  const error = await attempt.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ code: 'CONFLICT', details: { reason: 'WRONG_EXPECTED_VERSION' } });
};

const isAfter = (a: string, b: string): boolean => comparePositions(parsePosition(a), parsePosition(b)) > 0;

const readPages = async (store: EventStore, limit: number): Promise<EventEnvelope[]> => {
  const events: EventEnvelope[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await store.readAll({ after, limit });
    if (page.length === 0) return events;
    events.push(...page);
    after = page[page.length - 1].position;
  }
};

const readAllReader =
  (store: EventStore): PageReader =>
  (after, limit) =>
    store.readAll({ after, limit });

/**
 * The behaviour every EventStore adapter must have (STYLE.md: one contract suite per port, run on
 * every adapter). The adapter's spec supplies the harness and disposes of it after all its tests.
 */
export const runEventStoreContract = (adapterName: string, harness: EventStoreHarness): void => {
  describe(`EventStore contract: ${adapterName}`, () => {
    let store: EventStore;

    beforeEach(async () => {
      store = await harness.create();
    });

    describe('append and readStream', () => {
      it('round-trips events inside the envelope the store adds', async () => {
        const streamId = newStream();
        const command = commandOf(streamId);
        const result = await store.append(streamId, probes(1, 2), at(0, { command }));

        const events = await store.readStream(streamId);

        expect(events).toEqual([
          expect.objectContaining({ type: 'ContractProbed', schemaVersion: 1, streamId, streamVersion: 1, data: probe(1).data }),
          expect.objectContaining({ type: 'ContractProbed', schemaVersion: 1, streamId, streamVersion: 2, data: probe(2).data }),
        ]);
        for (const event of events) {
          expect(event.eventId).toMatch(/^[0-9a-f-]{36}$/);
          expect(isPositionString(event.position)).toBe(true);
          expect(event.occurredAt).toBe(OCCURRED_AT.toISOString());
          expect(event.actor).toEqual(ACTOR);
          expect(event.commandId).toBe(command.commandId);
        }
        expect(events[0].eventId).not.toBe(events[1].eventId);
        expect(isAfter(events[1].position, events[0].position)).toBe(true);
        expect(result).toEqual({ streamId, resultId: streamId, version: 2, position: events[1].position, duplicate: false });
      });

      it('continues a stream at its current version, after every earlier position', async () => {
        const streamId = newStream();
        const first = await store.append(streamId, probes(1), at(0));
        const second = await store.append(streamId, probes(2, 3), at(1));

        const events = await store.readStream(streamId);

        expect(events.map((event) => [event.streamVersion, (event.data as { n: number }).n])).toEqual([
          [1, 1],
          [2, 2],
          [3, 3],
        ]);
        expect(second.version).toBe(3);
        expect(isAfter(second.position, first.position)).toBe(true);
        expect(events.every((event) => event.commandId === null)).toBe(true);
      });

      it('reads an unknown stream as empty', async () => {
        await expect(store.readStream(newStream())).resolves.toEqual([]);
      });

      it('answers the current version and appends nothing when given no events', async () => {
        const streamId = newStream();
        const appended = await store.append(streamId, probes(1), at(0));

        const result = await store.append(streamId, [], at(1));

        expect(result).toMatchObject({ version: 1, position: appended.position, duplicate: false });
        await expectConflict(store.append(streamId, [], at(0)));
        expect(await store.readStream(streamId)).toHaveLength(1);
      });
    });

    describe('expected version', () => {
      it('rejects a stale version and appends nothing', async () => {
        const streamId = newStream();
        await store.append(streamId, probes(1, 2), at(0));

        await expectConflict(store.append(streamId, probes(3), at(1)));

        expect(await store.readStream(streamId)).toHaveLength(2);
      });

      it('rejects "new stream" (0) when the stream exists', async () => {
        const streamId = newStream();
        await store.append(streamId, probes(1), at(0));

        await expectConflict(store.append(streamId, probes(2), at(0)));
      });

      it('rejects a version when the stream does not exist', async () => {
        const streamId = newStream();

        await expectConflict(store.append(streamId, probes(1), at(3)));

        expect(await store.readStream(streamId)).toEqual([]);
      });

      it("skips the check for 'any'", async () => {
        const streamId = newStream();
        await store.append(streamId, probes(1), at('any'));
        const result = await store.append(streamId, probes(2), at('any'));

        expect(result.version).toBe(2);
        expect((await store.readStream(streamId)).map((event) => event.streamVersion)).toEqual([1, 2]);
      });

      it('lets exactly one of 16 racing creators of one stream win', async () => {
        const streamId = newStream();

        const outcomes = await Promise.allSettled(
          Array.from({ length: 16 }, (_, n) => store.append(streamId, probes(n), at(0))),
        );

        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        for (const outcome of outcomes) {
          if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ code: 'CONFLICT' });
        }
        expect(await store.readStream(streamId)).toHaveLength(1);
      });

      it('lets exactly one of two writers on separate connections win a race for the same version', async () => {
        const streamId = newStream();
        await store.append(streamId, probes(1), at(0));

        const outcomes = await Promise.allSettled([
          harness.appendWithDelayedCommit(streamId, probes(2), 50, at(1)),
          store.append(streamId, probes(3), at(1)),
        ]);

        const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
        const losers = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
        expect(winners).toHaveLength(1);
        expect(losers).toEqual([expect.objectContaining({ code: 'CONFLICT', details: { reason: 'WRONG_EXPECTED_VERSION' } })]);
        expect((await store.readStream(streamId)).map((event) => event.streamVersion)).toEqual([1, 2]);
      });
    });

    describe('command idempotency', () => {
      it('answers a repeated command key with the first result and appends once', async () => {
        const streamId = newStream();
        const command = { ...commandOf(streamId), resultId: `Session-${randomUUID()}` };
        const first = await store.append(streamId, probes(1, 2), at(0, { command }));

        const repeat = await store.append(streamId, probes(1, 2), at(0, { command }));

        expect(repeat).toEqual({ ...first, duplicate: true });
        expect(first).toMatchObject({ resultId: command.resultId, duplicate: false });
        expect(await store.readStream(streamId)).toHaveLength(2);
      });

      it('answers a repeat even when its expected version is stale by then', async () => {
        const streamId = newStream();
        const command = commandOf(streamId);
        const first = await store.append(streamId, probes(1), at(0, { command }));
        await store.append(streamId, probes(2), at(1));

        const repeat = await store.append(streamId, probes(1), at(0, { command }));

        expect(repeat).toEqual({ ...first, duplicate: true });
        expect(await store.readStream(streamId)).toHaveLength(2);
      });

      it('answers a repeat without an expected version as well', async () => {
        const streamId = newStream();
        const command = commandOf(streamId);
        const first = await store.append(streamId, probes(1), at('any', { command }));

        const repeat = await store.append(streamId, probes(1), at('any', { command }));

        expect(repeat).toEqual({ ...first, duplicate: true });
        expect(await store.readStream(streamId)).toHaveLength(1);
      });

      it('answers a retry that races its still-committing first attempt once', async () => {
        const streamId = newStream();
        const command = commandOf(streamId);

        const results = await Promise.all([
          harness.appendWithDelayedCommit(streamId, probes(1), 50, at(0, { command })),
          store.append(streamId, probes(1), at(0, { command })),
        ]);

        expect(results.map((result) => result.duplicate).sort()).toEqual([false, true]);
        expect(results[0].position).toBe(results[1].position);
        expect(await store.readStream(streamId)).toHaveLength(1);
      });

      it('finds a recorded command, and nothing for an unknown key', async () => {
        const streamId = newStream();
        const command = commandOf(streamId);
        const first = await store.append(streamId, probes(1), at(0, { command }));

        await expect(store.findCommand(command.key)).resolves.toEqual({ ...first, duplicate: true });
        await expect(store.findCommand(`unknown|${randomUUID()}`)).resolves.toBeNull();
      });

      it('does not confuse the same commandId from two users', async () => {
        const streamId = newStream();
        const commandId = randomUUID();
        await store.append(streamId, probes(1), at(0, { command: { key: `a|${commandId}`, commandId, resultId: streamId } }));

        const other = await store.append(streamId, probes(2), at(1, { command: { key: `b|${commandId}`, commandId, resultId: streamId } }));

        expect(other).toMatchObject({ version: 2, duplicate: false });
      });
    });

    describe('readAll', () => {
      it('is empty, with no head, on an empty log', async () => {
        await expect(store.readAll({ after: null, limit: 10 })).resolves.toEqual([]);
        await expect(store.headPosition()).resolves.toBeNull();
      });

      it('has its head at the last event of an append, by number rather than by text', async () => {
        const result = await store.append(newStream(), probes(...Array.from({ length: 12 }, (_, n) => n)), at(0));

        await waitForHead(store, result.position);

        await expect(store.headPosition()).resolves.toBe(result.position);
        expect((await store.readAll({ after: null, limit: 100 })).at(-1)?.position).toBe(result.position);
      });

      it('returns every stream in global order and pages after the last position seen', async () => {
        const streams = [newStream(), newStream(), newStream()];
        const expected: string[] = [];
        let last = '';
        for (let round = 0; round < 10; round += 1) {
          for (const [index, streamId] of streams.entries()) {
            const events = probes(...Array.from({ length: 1 + ((round + index) % 3) }, (_, n) => round * 10 + n));
            const result = await store.append(streamId, events, at('any'));
            events.forEach((event) => expected.push(`${streamId}/${(event.data as { n: number }).n}`));
            last = result.position;
          }
        }
        await waitForHead(store, last);

        const everything = await store.readAll({ after: null, limit: 1_000 });
        const paged = await readPages(store, 7);

        expect(everything.map((event) => `${event.streamId}/${(event.data as { n: number }).n}`)).toEqual(expected);
        expect(paged.map((event) => event.eventId)).toEqual(everything.map((event) => event.eventId));
        for (let index = 1; index < everything.length; index += 1) {
          expect(isAfter(everything[index].position, everything[index - 1].position)).toBe(true);
        }
        expect(everything[everything.length - 1].position).toBe(last);
        await expect(store.headPosition()).resolves.toBe(last);
        await expect(store.readAll({ after: last, limit: 10 })).resolves.toEqual([]);
        const middle = everything[11].position;
        expect((await store.readAll({ after: middle, limit: 3 })).map((event) => event.eventId)).toEqual(
          everything.slice(12, 15).map((event) => event.eventId),
        );
      });
    });

    describe('checkpoints', () => {
      it('keeps one position per reader name and overwrites it', async () => {
        await expect(store.loadCheckpoint('relay')).resolves.toBeNull();

        await store.saveCheckpoint('relay', '1:1');
        await store.saveCheckpoint('relay', '7:9');
        await store.saveCheckpoint('projector', '3:3');

        await expect(store.loadCheckpoint('relay')).resolves.toBe('7:9');
        await expect(store.loadCheckpoint('projector')).resolves.toBe('3:3');
      });
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it(
      'shows a catch-up reader every event exactly once while 16 writers commit late in random order',
      async () => {
        const reader = readAllReader(store);

        const { appended, caughtUp } = await runConcurrentAppends(harness, store, { readAll: reader });

        const expectedCount = CONCURRENT_APPENDS_PLAN.writers * CONCURRENT_APPENDS_PLAN.appendsPerWriter * CONCURRENT_APPENDS_PLAN.eventsPerAppend;
        expect(appended.size).toBe(expectedCount);
        const perfect = (label: string) => describeTally(label, perfectTally(appended));
        const catchUp = `catch-up in batches of ${CONCURRENT_APPENDS_PLAN.catchUpBatchSize}`;
        expect(describeTally(catchUp, tally(appended, caughtUp.readAll))).toBe(perfect(catchUp));
        for (const batchSize of [100, 1_000]) {
          const label = `full read in batches of ${batchSize}`;
          expect(describeTally(label, tally(appended, await readEverything(reader, batchSize)))).toBe(perfect(label));
        }
      },
      CONCURRENCY_TIMEOUT_MS,
    );
  });
};
