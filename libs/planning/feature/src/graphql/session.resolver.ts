import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { PlanningQueries, SessionView } from '@coord/read-model';
import type { RequestContext } from '@coord/runtime';
import { planningLoaders } from './planning-loaders';

@Resolver('Session')
export class SessionResolver {
  constructor(private readonly queries: PlanningQueries) {}

  @ResolveField('attendees')
  attendees(@Parent() session: SessionView, @Context() context: RequestContext) {
    return Promise.all(session.attendeeIds.map((id) => context.loaders.organization.load(id)));
  }

  @ResolveField('decisions')
  decisions(@Parent() session: SessionView, @Context() context: RequestContext) {
    return planningLoaders(context, this.queries).decisionsBySession.load(session.id);
  }
}
