import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { mayReadConcernText } from '@coord/liaison-domain';
import type { ConcernView } from '@coord/read-model';
import { RequestContext, requireActor } from '@coord/runtime';

/** A concern as every path hands it out — queries and the early-warning subscription alike. */
@Resolver('Concern')
export class ConcernResolver {
  @ResolveField('text')
  text(@Parent() concern: ConcernView, @Context() context: RequestContext) {
    const reader = requireActor(context).organizationId;
    const audience = { hostId: concern.hostId, sensitive: concern.sensitive, assigneeIds: concern.followUps.map((followUp) => followUp.assigneeId) };
    return mayReadConcernText(audience, reader) ? concern.text : null;
  }

  @ResolveField('location')
  location(@Parent() concern: ConcernView, @Context() context: RequestContext) {
    return context.loaders.location.load(concern.locationPcode);
  }
}
