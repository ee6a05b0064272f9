import type { EventEnvelope } from '@coord/contracts';
import type { EventStore } from '@coord/event-store';
import { followLogOnNotice, LogFollower } from './follow-log-on-notice.handler';

const at = (position: string): EventEnvelope => ({
  eventId: position,
  type: 'DeliveryPlanned',
  schemaVersion: 1,
  streamId: `AidDelivery-${position}`,
  streamVersion: 1,
  position,
  occurredAt: '2026-03-01T08:00:00.000Z',
  actor: { userId: 'u', organizationId: 'o' },
  commandId: null,
  data: {},
});

describe('followLogOnNotice', () => {
  const store = {} as EventStore;

  it('has the follower read the log up to the highest position of the batch, by number not text', async () => {
    const reads: string[] = [];
    const follower: LogFollower = { catchUp: async (_store, until) => reads.push(until) };
    const handle = followLogOnNotice(store, follower);

    await handle([at('9:9'), at('10:10'), at('2:2')]);
    await handle([]);

    expect(reads).toEqual(['10:10']);
  });

  it('fails when the follower fails, so that the bus does not commit the batch', async () => {
    const handle = followLogOnNotice(store, { catchUp: async () => Promise.reject(new Error('read model down')) });

    await expect(handle([at('1:1')])).rejects.toThrow('read model down');
  });
});
