import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { OverlapView } from '@coord/read-model';
import type { RequestContext } from '@coord/runtime';
import { unknownPlace, unregisteredOrganization } from './unknown-place';

@Resolver('Overlap')
export class OverlapResolver {
  @ResolveField('location')
  async location(@Parent() overlap: OverlapView, @Context() context: RequestContext) {
    return (await context.loaders.location.load(overlap.locationPcode)) ?? unknownPlace(overlap.locationPcode);
  }

  @ResolveField('organizations')
  async organizations(@Parent() overlap: OverlapView, @Context() context: RequestContext) {
    const found = await context.loaders.organization.loadMany([...overlap.organizationIds]);
    return found.map((organization, index) =>
      organization && !(organization instanceof Error) ? organization : unregisteredOrganization(overlap.organizationIds[index]),
    );
  }
}
