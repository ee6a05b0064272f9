import { Inject } from '@nestjs/common';
import { Args, Context, Resolver, Subscription } from '@nestjs/graphql';
import type { PubSubEngine } from 'graphql-subscriptions';
import { ACTION_PLAN_STREAM } from '@coord/contracts';
import { notFound } from '@coord/kernel';
import { PUB_SUB, RequestContext, requireActor } from '@coord/runtime';
import { ACTION_PLAN_CHANGED_TRIGGER, ActionPlanChanged, reachesSubscriber } from '../live/action-plan-changed';

@Resolver()
export class ActionPlanChangedResolver {
  constructor(@Inject(PUB_SUB) private readonly pubSub: PubSubEngine) {}

  @Subscription('actionPlanChanged', {
    filter: (change: ActionPlanChanged, variables: { id?: string | null }) => reachesSubscriber(change, variables.id),
    resolve: (change: ActionPlanChanged) => change.plan,
  })
  actionPlanChanged(@Args('id') id: string | null, @Context() context: RequestContext) {
    requireActor(context);
    // The id of another kind of record would wait for changes that can never come: say so at once.
    // A plan id the read model does not know yet is fine: it may just have been drafted.
    if (id && !id.startsWith(`${ACTION_PLAN_STREAM}-`)) throw notFound(`no action plan ${id}`, 'id');
    return this.pubSub.asyncIterableIterator<ActionPlanChanged>(ACTION_PLAN_CHANGED_TRIGGER);
  }
}
