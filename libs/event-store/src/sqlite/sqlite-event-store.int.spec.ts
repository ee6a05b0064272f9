import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runEventStoreContract } from '../testing/event-store.contract';
import type { EventStoreHarness } from '../testing/event-store.harness';
import { SqliteDelayedCommitWriters } from '../testing/sqlite-delayed-commit.writers';
import { SqliteEventStore } from './sqlite-event-store';

const directory = mkdtempSync(join(tmpdir(), 'coord-event-store-'));
const newFile = (): string => join(directory, `${randomUUID()}.sqlite`);
const actor = { userId: 'user-1', organizationId: 'organisation-1' };
const occurredAt = new Date('2026-01-02T03:04:05.678Z');

const writers = new SqliteDelayedCommitWriters();
const opened: SqliteEventStore[] = [];
let latestFile = '';

const harness: EventStoreHarness = {
  create: async () => {
    latestFile = newFile();
    const store = SqliteEventStore.open(latestFile);
    opened.push(store);
    return store;
  },
  appendWithDelayedCommit: (streamId, events, delayMs, options) =>
    writers.append(latestFile, streamId, events, delayMs, options),
  dispose: async () => {
    await writers.close();
    await Promise.all(opened.map((store) => store.close()));
  },
};

afterAll(async () => {
  await harness.dispose();
  rmSync(directory, { recursive: true, force: true });
});

runEventStoreContract('sqlite', harness);

describe('SqliteEventStore', () => {
  it('commits durably: WAL with synchronous=FULL on its connection', async () => {
    const db = new Database(newFile());
    const store = new SqliteEventStore(db);

    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    await store.close();
  });

  it('keeps the log, the commands and the checkpoints across a reopen', async () => {
    const file = newFile();
    const command = { key: 'user-1|c-1', commandId: 'c-1', resultId: 'Thing-1' };
    const first = SqliteEventStore.open(file);
    const appended = await first.append('Thing-1', [{ type: 'ThingHappened', data: { n: 1 } }], {
      expectedVersion: 0,
      actor,
      occurredAt,
      command,
    });
    await first.saveCheckpoint('relay', appended.position);
    await first.close();

    const reopened = SqliteEventStore.open(file);

    expect(await reopened.readStream('Thing-1')).toHaveLength(1);
    expect(await reopened.findCommand(command.key)).toEqual({ ...appended, duplicate: true });
    expect(await reopened.loadCheckpoint('relay')).toBe(appended.position);
    await expect(reopened.append('Thing-1', [], { expectedVersion: 0, actor, occurredAt })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await reopened.close();
  });

  it('commits appends that arrive together as one group, each atomic on its own', async () => {
    const store = SqliteEventStore.open(newFile());
    await store.append('Thing-1', [{ type: 'ThingHappened', data: {} }], { expectedVersion: 0, actor, occurredAt });

    const outcomes = await Promise.allSettled([
      store.append('Thing-2', [{ type: 'ThingHappened', data: {} }], { expectedVersion: 0, actor, occurredAt }),
      store.append('Thing-1', [{ type: 'ThingHappened', data: {} }, { type: 'ThingHappened', data: {} }], {
        expectedVersion: 0,
        actor,
        occurredAt,
      }),
      store.append('Thing-1', [{ type: 'ThingHappened', data: {} }], { expectedVersion: 1, actor, occurredAt }),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await store.readStream('Thing-1')).map((event) => event.streamVersion)).toEqual([1, 2]);
    expect(await store.readStream('Thing-2')).toHaveLength(1);
    await store.close();
  });

  it("appends inside the caller's transaction and rolls back with it", async () => {
    const db = new Database(newFile());
    const store = new SqliteEventStore(db);

    db.exec('BEGIN IMMEDIATE');
    await store.append('Thing-1', [{ type: 'ThingHappened', data: {} }], { expectedVersion: 0, actor, occurredAt });
    db.exec('ROLLBACK');

    expect(await store.readStream('Thing-1')).toEqual([]);
    expect(await store.headPosition()).toBeNull();
    await store.close();
  });

  it('names the commit in the position: the sequence of the first event of the append', async () => {
    const store = SqliteEventStore.open(newFile());
    const events = [1, 2, 3].map((n) => ({ type: 'ThingHappened', data: { n } }));
    await store.append('Thing-1', events.slice(0, 1), { expectedVersion: 0, actor, occurredAt });
    await store.append('Thing-2', events, { expectedVersion: 0, actor, occurredAt });

    expect((await store.readAll({ after: null, limit: 10 })).map((event) => event.position)).toEqual([
      '1:1',
      '2:2',
      '2:3',
      '2:4',
    ]);
    await store.close();
  });
});
