import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { ActionPlanChangeView } from '@coord/read-model';
import type { RequestContext } from '@coord/runtime';

/** Names the view's fields as the schema does, and turns organisation ids into organisations. */
@Resolver('ActionPlanChange')
export class ActionPlanChangeResolver {
  @ResolveField('actor')
  actor(@Parent() change: ActionPlanChangeView) {
    return change.actorUserId;
  }

  @ResolveField('organization')
  organization(@Parent() change: ActionPlanChangeView, @Context() context: RequestContext) {
    return context.loaders.organization.load(change.actorOrganizationId);
  }

  @ResolveField('previousStatus')
  previousStatus(@Parent() change: ActionPlanChangeView) {
    return change.previousPlanStatus;
  }

  @ResolveField('status')
  status(@Parent() change: ActionPlanChangeView) {
    return change.planStatus;
  }

  @ResolveField('responsible')
  responsible(@Parent() change: ActionPlanChangeView, @Context() context: RequestContext) {
    return change.responsibleId ? context.loaders.organization.load(change.responsibleId) : null;
  }
}
