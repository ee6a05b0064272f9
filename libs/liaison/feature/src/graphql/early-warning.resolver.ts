import { Inject } from '@nestjs/common';
import { Args, Context, Resolver, Subscription } from '@nestjs/graphql';
import type { PubSubEngine } from 'graphql-subscriptions';
import { ReferenceChecks } from '@coord/read-model';
import { PUB_SUB, RequestContext, requireActor } from '@coord/runtime';
import { EARLY_WARNING_TRIGGER, EarlyWarning, reachesSubscriber } from '../early-warning/early-warning';

@Resolver()
export class EarlyWarningResolver {
  constructor(
    private readonly references: ReferenceChecks,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  // The concern's text is redacted per subscriber by the Concern resolver, as in queries.
  @Subscription('earlyWarning', {
    filter: (warning: EarlyWarning, variables: { adminCode?: string | null }) => reachesSubscriber(warning, variables.adminCode),
    resolve: (warning: EarlyWarning) => warning.concern,
  })
  async earlyWarning(@Args('adminCode') adminCode: string | null, @Context() context: RequestContext) {
    requireActor(context);
    // A mistyped area would wait for warnings that can never come: say so at once.
    if (adminCode) await this.references.requireLocation(adminCode, 'adminCode');
    return this.pubSub.asyncIterableIterator<EarlyWarning>(EARLY_WARNING_TRIGGER);
  }
}
