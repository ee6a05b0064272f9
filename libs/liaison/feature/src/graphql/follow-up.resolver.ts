import { Inject } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Clock } from '@coord/kernel';
import { isFollowUpOverdue } from '@coord/liaison-domain';
import type { FollowUpView } from '@coord/read-model';
import { CLOCK, RequestContext } from '@coord/runtime';

@Resolver('FollowUp')
export class FollowUpResolver {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @ResolveField('assignee')
  assignee(@Parent() followUp: FollowUpView, @Context() context: RequestContext) {
    return context.loaders.organization.load(followUp.assigneeId);
  }

  /** Computed when read, so that it turns true as days pass without any event. */
  @ResolveField('overdue')
  overdue(@Parent() followUp: FollowUpView) {
    return isFollowUpOverdue(followUp, this.clock.now());
  }
}
