import type { EventEnvelope } from '@coord/contracts';
import type { AidDeliveryView, PictureQueries, ProjectionRunner, ReadModelQueries } from '@coord/read-model';
import { PubSub } from 'graphql-subscriptions';
import type { Logger } from 'pino';
import { DELIVERY_CHANGED_TRIGGER, DeliveryChanged, reachesSubscriber } from './delivery-changed';
import { DeliveryChangedPublisher } from './delivery-changed.publisher';
import { anEnvelope } from '@coord/contracts/testing';

let position = 0;
const event = (streamId: string, type = 'DeliveryDispatched'): EventEnvelope => anEnvelope(++position, { streamId, type });
const view = (id: string, destinationPcode: string) => ({ id, destinationPcode }) as unknown as AidDeliveryView;

describe('delivery changes, from what the platform applied', () => {
  let listener: (events: readonly EventEnvelope[]) => void;
  let published: DeliveryChanged[];
  let errors: unknown[];
  let failing: boolean;
  let publisher: DeliveryChangedPublisher;

  beforeEach(() => {
    published = [];
    errors = [];
    failing = false;
    const runner = { onApplied: (callback: typeof listener) => ((listener = callback), () => undefined) } as unknown as ProjectionRunner;
    const deliveries = {
      deliveriesByIds: async (ids: readonly string[]) => {
        if (failing) throw new Error('read model unreachable');
        // In no particular order, and without the one that is not there.
        return [...ids].reverse().filter((id) => id !== 'AidDelivery-gone').map((id) => view(id, id === 'AidDelivery-b' ? 'XX99' : 'ML0701'));
      },
    } as unknown as ReadModelQueries;
    const picture = { areasOf: async () => new Map([['ML0701', ['ML0701', 'ML07', 'MLI']]]) } as unknown as PictureQueries;
    const pubSub = new PubSub();
    void pubSub.subscribe(DELIVERY_CHANGED_TRIGGER, (change: DeliveryChanged) => published.push(change));
    const logger = { error: (details: unknown) => errors.push(details) } as unknown as Logger;
    publisher = new DeliveryChangedPublisher(runner, deliveries, picture, pubSub, logger);
    publisher.onModuleInit();
  });

  it('publishes each delivery a batch changed once, in log order, with the areas containing it, and nothing for other records', async () => {
    await publisher.publish([event('AidDelivery-a'), event('LiaisonMeeting-1', 'ConcernRaised'), event('AidDelivery-b'), event('AidDelivery-a'), event('AidDelivery-gone')]);
    expect(published).toEqual([
      { delivery: view('AidDelivery-a', 'ML0701'), areas: ['ML0701', 'ML07', 'MLI'] },
      // A destination the gazetteer does not know is still an area of its own.
      { delivery: view('AidDelivery-b', 'XX99'), areas: ['XX99'] },
    ]);
  });

  it('listens to the platform runner from module start and logs what it cannot read', async () => {
    failing = true;
    listener([event('AidDelivery-c')]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(published).toEqual([]);
    expect(errors).toEqual([expect.objectContaining({ deliveryIds: ['AidDelivery-c'] })]);
  });

  it('reaches a subscriber watching an area containing the destination, or everywhere', () => {
    const change = { delivery: view('AidDelivery-a', 'ML0701'), areas: ['ML0701', 'ML07', 'MLI'] };
    expect(reachesSubscriber(change, 'ML07')).toBe(true);
    expect(reachesSubscriber(change, undefined)).toBe(true);
    expect(reachesSubscriber(change, 'ML0702')).toBe(false);
  });
});
