import type { EventEnvelope } from '@coord/contracts';
import type { PictureChange, PictureQueries, PictureRowView, ProjectionRunner } from '@coord/read-model';
import { PubSub } from 'graphql-subscriptions';
import type { Logger } from 'pino';
import { PICTURE_CHANGED_TRIGGER, reachesSubscriber } from './picture-changed';
import { PictureChangedPublisher } from './picture-changed.publisher';
import { anEnvelope } from '@coord/contracts/testing';

const event = (position: string): EventEnvelope => anEnvelope(2, { eventId: `e-${position}`, position });
const change = (locationPcode: string, areas: string[]): PictureChange => ({
  row: { locationPcode, deliveries: 1 } as unknown as PictureRowView,
  areas,
});

describe('picture changes, from what the picture applied', () => {
  let listener: (events: readonly EventEnvelope[]) => void;
  let published: PictureChange[];
  let errors: unknown[];
  let asked: string[][];
  let publisher: PictureChangedPublisher;

  beforeEach(() => {
    published = [];
    errors = [];
    asked = [];
    const runner = { onApplied: (callback: typeof listener) => ((listener = callback), () => undefined) } as unknown as ProjectionRunner;
    const picture = {
      changesFrom: async (events: readonly EventEnvelope[]) => {
        asked.push(events.map((applied) => applied.position));
        if (events.some((applied) => applied.position === 'broken')) throw new Error('read model unreachable');
        return events.map((applied) => change(`ML-${applied.position}`, [`ML-${applied.position}`, 'ML07', 'MLI']));
      },
    } as unknown as PictureQueries;
    const pubSub = new PubSub();
    void pubSub.subscribe(PICTURE_CHANGED_TRIGGER, (payload: PictureChange) => published.push(payload));
    const logger = { error: (details: unknown) => errors.push(details) } as unknown as Logger;
    publisher = new PictureChangedPublisher(runner, picture, pubSub, logger);
    publisher.onModuleInit();
  });

  it('publishes every cell a batch changed, as the picture now has it', async () => {
    await publisher.publish([event('1:1'), event('2:2')]);
    expect(published.map((payload) => payload.row.locationPcode)).toEqual(['ML-1:1', 'ML-2:2']);
  });

  it('listens to the picture runner from module start, batch after batch in the order applied', async () => {
    listener([event('3:3')]);
    listener([event('4:4')]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(asked).toEqual([['3:3'], ['4:4']]);
    expect(published.map((payload) => payload.row.locationPcode)).toEqual(['ML-3:3', 'ML-4:4']);
  });

  it('given a batch it cannot read, logs it and still publishes the next one', async () => {
    await publisher.publish([event('broken')]);
    await publisher.publish([event('5:5')]);
    expect(published.map((payload) => payload.row.locationPcode)).toEqual(['ML-5:5']);
    expect(errors).toHaveLength(1);
  });

  it('reaches a subscriber whose area contains the cell at any level, or who watches everywhere', () => {
    const payload = change('ML0701', ['ML0701', 'ML07', 'MLI']);
    expect(['ML0701', 'ML07', 'MLI', null].map((adminCode) => reachesSubscriber(payload, adminCode))).toEqual([true, true, true, true]);
    expect(reachesSubscriber(payload, 'ML01')).toBe(false);
  });
});
