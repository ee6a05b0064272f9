import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommitteeView, PlanningQueries } from '@coord/read-model';
import type { RequestContext } from '@coord/runtime';
import { planningLoaders } from './planning-loaders';

@Resolver('Committee')
export class CommitteeQueriesResolver {
  constructor(private readonly queries: PlanningQueries) {}

  @Query('committee')
  committee(@Args('id') id: string) {
    return this.queries.committee(id);
  }

  @Query('committees')
  committees() {
    return this.queries.committees();
  }

  @ResolveField('chair')
  chair(@Parent() committee: CommitteeView, @Context() context: RequestContext) {
    return context.loaders.organization.load(committee.chairId);
  }

  @ResolveField('members')
  members(@Parent() committee: CommitteeView, @Context() context: RequestContext) {
    return Promise.all(committee.memberIds.map((id) => context.loaders.organization.load(id)));
  }

  @ResolveField('location')
  location(@Parent() committee: CommitteeView, @Context() context: RequestContext) {
    return committee.adminCode ? context.loaders.location.load(committee.adminCode) : null;
  }

  @ResolveField('sessions')
  sessions(@Parent() committee: CommitteeView, @Context() context: RequestContext) {
    return planningLoaders(context, this.queries).sessionsByCommittee.load(committee.id);
  }
}
