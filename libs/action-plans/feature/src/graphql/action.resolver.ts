import { Inject } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Clock } from '@coord/kernel';
import { isActionOverdue } from '@coord/action-plans-domain';
import type { ActionView } from '@coord/read-model';
import { CLOCK, RequestContext } from '@coord/runtime';

@Resolver('Action')
export class ActionResolver {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @ResolveField('responsible')
  responsible(@Parent() action: ActionView, @Context() context: RequestContext) {
    return context.loaders.organization.load(action.responsibleId);
  }

  @ResolveField('location')
  location(@Parent() action: ActionView, @Context() context: RequestContext) {
    return context.loaders.location.load(action.locationPcode);
  }

  /** Computed when read, so that it turns true as days pass without any event. */
  @ResolveField('overdue')
  overdue(@Parent() action: ActionView) {
    return isActionOverdue(action, this.clock.now());
  }
}
