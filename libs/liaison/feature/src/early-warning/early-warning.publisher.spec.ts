import type { EventEnvelope } from '@coord/contracts';
import type { ConcernView, LiaisonMeetingQueries, ProjectionRunner } from '@coord/read-model';
import { PubSub } from 'graphql-subscriptions';
import type { Logger } from 'pino';
import { EARLY_WARNING_TRIGGER, EarlyWarning, reachesSubscriber } from './early-warning';
import { EarlyWarningPublisher } from './early-warning.publisher';
import { anEnvelope } from '@coord/contracts/testing';

let position = 0;
const raised = (concernId: string, severity: string): EventEnvelope =>
  anEnvelope(++position, {
    type: 'ConcernRaised',
    streamId: 'LiaisonMeeting-1',
    actor: { userId: 'u-liaison', organizationId: 'org-mission' },
    data: { meetingId: 'LiaisonMeeting-1', concernId, severity, sensitive: true, text: 'secret', location: 'ML0701' },
  });
const concernView = (id: string): ConcernView => ({
  id,
  meetingId: 'LiaisonMeeting-1',
  hostId: 'org-mission',
  sector: 'PROTECTION',
  severity: 'CRITICAL',
  locationPcode: 'ML0701',
  text: 'secret',
  sensitive: true,
  raisedAt: '2026-03-02T11:00:00.000Z',
  followUps: [],
});

describe('early warnings, from what the projections applied', () => {
  let listener: (events: readonly EventEnvelope[]) => void;
  let published: EarlyWarning[];
  let errors: unknown[];
  let missing: Set<string>;
  let publisher: EarlyWarningPublisher;

  beforeEach(() => {
    published = [];
    errors = [];
    missing = new Set();
    const runner = { onApplied: (callback: typeof listener) => ((listener = callback), () => undefined) } as unknown as ProjectionRunner;
    const queries = {
      concern: async (_meetingId: string, concernId: string) => {
        if (concernId === 'c-broken') throw new Error('read model unreachable');
        return missing.has(concernId) ? null : concernView(concernId);
      },
      placesContaining: async () => ['ML0701', 'ML07', 'MLI'],
    } as unknown as LiaisonMeetingQueries;
    const pubSub = new PubSub();
    void pubSub.subscribe(EARLY_WARNING_TRIGGER, (warning: EarlyWarning) => published.push(warning));
    const logger = { error: (details: unknown) => errors.push(details) } as unknown as Logger;
    publisher = new EarlyWarningPublisher(runner, queries, pubSub, logger);
    publisher.onModuleInit();
  });

  it('given an applied batch, publishes each CRITICAL concern with the places containing it, and nothing else', async () => {
    const batch = [raised('c-low', 'LOW'), raised('c-1', 'CRITICAL'), raised('c-high', 'HIGH'), raised('c-2', 'CRITICAL')];
    await publisher.publish(batch);
    expect(published).toEqual([
      { concern: concernView('c-1'), areas: ['ML0701', 'ML07', 'MLI'] },
      { concern: concernView('c-2'), areas: ['ML0701', 'ML07', 'MLI'] },
    ]);
  });

  it('listens to the projection runner from module start, and publishes batches in the order applied', async () => {
    listener([raised('c-3', 'CRITICAL')]);
    listener([raised('c-4', 'CRITICAL'), raised('c-5', 'CRITICAL')]);
    listener([raised('c-6', 'CRITICAL')]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(published.map((warning) => warning.concern.id)).toEqual(['c-3', 'c-4', 'c-5', 'c-6']);
  });

  it('given a concern it cannot read, logs it and still publishes the next one', async () => {
    missing.add('c-gone');
    await publisher.publish([raised('c-broken', 'CRITICAL'), raised('c-gone', 'CRITICAL'), raised('c-4', 'CRITICAL')]);
    expect(published.map((warning) => warning.concern.id)).toEqual(['c-4']);
    expect(errors).toEqual([expect.objectContaining({ concernId: 'c-broken' })]);
  });

  it('reaches a subscriber whose area contains the concern at any level, or who watches everywhere', () => {
    const warning = { concern: concernView('c-1'), areas: ['ML0701', 'ML07', 'MLI'] };
    expect(['ML0701', 'ML07', 'MLI'].map((adminCode) => reachesSubscriber(warning, adminCode))).toEqual([true, true, true]);
    expect(reachesSubscriber(warning, null)).toBe(true);
    expect(reachesSubscriber(warning, 'ML01')).toBe(false);
    expect(reachesSubscriber(warning, 'ML070101')).toBe(false);
  });
});
