import { Inject } from '@nestjs/common';
import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { ActionPlanStatus } from '@coord/contracts';
import type { Clock } from '@coord/kernel';
import { ActionPlanQueries, ActionPlanView } from '@coord/read-model';
import { CLOCK, RequestContext } from '@coord/runtime';

@Resolver('ActionPlan')
export class ActionPlanQueriesResolver {
  constructor(
    private readonly plans: ActionPlanQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query('actionPlan')
  actionPlan(@Args('id') id: string) {
    return this.plans.plan(id);
  }

  @Query('actionPlans')
  actionPlans(@Args('status') status: ActionPlanStatus | null) {
    return this.plans.plans({ status });
  }

  @Query('actionForDecision')
  actionForDecision(@Args('decisionId') decisionId: string) {
    return this.plans.actionForDecision(decisionId);
  }

  /** Judged with the same clock as each action's `overdue`, so the list and the flag agree. */
  @Query('overdueActions')
  overdueActions(@Args('adminCode') adminCode: string | null) {
    return this.plans.overdueActions({ adminCode, today: this.clock.now().toISOString().slice(0, 10) });
  }

  @Query('actionPlanChanges')
  actionPlanChanges(@Args('id') id: string, @Args('since') since: Date) {
    return this.plans.changes(id, since);
  }

  @ResolveField('lead')
  lead(@Parent() plan: ActionPlanView, @Context() context: RequestContext) {
    return context.loaders.organization.load(plan.leadId);
  }

  @ResolveField('counterpart')
  counterpart(@Parent() plan: ActionPlanView, @Context() context: RequestContext) {
    return context.loaders.organization.load(plan.counterpartId);
  }

  @ResolveField('location')
  location(@Parent() plan: ActionPlanView, @Context() context: RequestContext) {
    return plan.adminCode ? context.loaders.location.load(plan.adminCode) : null;
  }
}
