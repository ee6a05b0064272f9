import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Decider, DomainEvent } from '@coord/kernel';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { handleCommand } from './handle-command';

type Added = DomainEvent<'ItemAdded', { itemId: string }>;
const decider: Decider<{ itemId: string }, number, Added> = {
  initialState: () => 0,
  evolve: (count) => count + 1,
  decide: ({ itemId }) => [{ type: 'ItemAdded', data: { itemId } }],
};
const actor = { userId: 'user-1', organizationId: 'org-1', roles: [] };
const occurredAt = new Date('2026-03-02T09:30:00.000Z');

describe('handleCommand answers the id of what the command made', () => {
  const directory = mkdtempSync(join(tmpdir(), 'coord-handle-command-'));
  const store = SqliteEventStore.open(join(directory, 'events.sqlite'));
  afterAll(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('given a resultId and no commandId, answers the resultId', async () => {
    const result = await handleCommand(store, 'Basket-1', decider, { itemId: 'item-1' }, { actor, resultId: 'item-1', occurredAt });
    expect(result).toMatchObject({ id: 'item-1', version: 1, duplicate: false });
  });

  it('given a resultId and a commandId, answers the resultId, and the same again for a repeat', async () => {
    const context = { actor, resultId: 'item-2', commandId: 'add-2', occurredAt };
    const first = await handleCommand(store, 'Basket-1', decider, { itemId: 'item-2' }, context);
    const repeat = await handleCommand(store, 'Basket-1', decider, { itemId: 'item-2' }, { ...context, resultId: 'item-other' });
    expect(first).toMatchObject({ id: 'item-2', version: 2, duplicate: false });
    expect(repeat).toMatchObject({ id: 'item-2', version: 2, duplicate: true });
  });

  it('given no resultId, answers the stream id', async () => {
    expect(await handleCommand(store, 'Basket-2', decider, { itemId: 'item-3' }, { actor, occurredAt })).toMatchObject({ id: 'Basket-2' });
  });
});
