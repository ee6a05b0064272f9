import type { ActionPlanView, ActionPlanQueries, ProjectionRunner } from '@coord/read-model';
import type { EventEnvelope } from '@coord/contracts';
import { PubSub } from 'graphql-subscriptions';
import type { Logger } from 'pino';
import { ACTION_PLAN_CHANGED_TRIGGER, ActionPlanChanged, reachesSubscriber } from './action-plan-changed';
import { ActionPlanChangedPublisher } from './action-plan-changed.publisher';
import { anEnvelope } from '@coord/contracts/testing';

let position = 0;
const event = (streamId: string, type = 'ActionAdded'): EventEnvelope =>
  anEnvelope(++position, { streamId, type, actor: { userId: 'u-lead', organizationId: 'org-mission' } });
const view = (id: string) => ({ id, title: `plan ${id}` }) as unknown as ActionPlanView;

describe('action plan changes, from what the projections applied', () => {
  let listener: (events: readonly EventEnvelope[]) => void;
  let published: ActionPlanChanged[];
  let errors: unknown[];
  let publisher: ActionPlanChangedPublisher;

  beforeEach(() => {
    published = [];
    errors = [];
    const runner = { onApplied: (callback: typeof listener) => ((listener = callback), () => undefined) } as unknown as ProjectionRunner;
    const plans = {
      plan: async (id: string) => {
        if (id === 'ActionPlan-broken') throw new Error('read model unreachable');
        return id === 'ActionPlan-gone' ? null : view(id);
      },
    } as unknown as ActionPlanQueries;
    const pubSub = new PubSub();
    void pubSub.subscribe(ACTION_PLAN_CHANGED_TRIGGER, (change: ActionPlanChanged) => published.push(change));
    const logger = { error: (details: unknown) => errors.push(details) } as unknown as Logger;
    publisher = new ActionPlanChangedPublisher(runner, plans, pubSub, logger);
    publisher.onModuleInit();
  });

  it('given an applied batch, publishes each plan it changed once, in log order, and nothing for other records', async () => {
    await publisher.publish([
      event('ActionPlan-b'),
      event('Committee-1', 'DecisionRecorded'),
      event('ActionPlan-a'),
      event('ActionPlan-b', 'ActionPlanSubmitted'),
    ]);
    expect(published).toEqual([{ plan: view('ActionPlan-b') }, { plan: view('ActionPlan-a') }]);
  });

  it('listens to the projection runner from module start, batch after batch', async () => {
    listener([event('ActionPlan-1')]);
    listener([event('ActionPlan-2')]);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(published.map((change) => change.plan.id)).toEqual(['ActionPlan-1', 'ActionPlan-2']);
  });

  it('given a plan it cannot read, logs it and still publishes the next one', async () => {
    await publisher.publish([event('ActionPlan-broken'), event('ActionPlan-gone'), event('ActionPlan-ok')]);
    expect(published.map((change) => change.plan.id)).toEqual(['ActionPlan-ok']);
    expect(errors).toEqual([expect.objectContaining({ planId: 'ActionPlan-broken' })]);
  });

  it('reaches a subscriber watching that plan, or every plan', () => {
    const change = { plan: view('ActionPlan-1') };
    expect(reachesSubscriber(change, 'ActionPlan-1')).toBe(true);
    expect(reachesSubscriber(change, null)).toBe(true);
    expect(reachesSubscriber(change, 'ActionPlan-2')).toBe(false);
  });
});
