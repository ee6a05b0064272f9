import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GapView } from '@coord/read-model';
import type { RequestContext } from '@coord/runtime';
import { unknownPlace } from './unknown-place';

/** A gap says where, which sector, how many and how severe: never what was said (no concern text). */
@Resolver('Gap')
export class GapResolver {
  @ResolveField('location')
  async location(@Parent() gap: GapView, @Context() context: RequestContext) {
    return (await context.loaders.location.load(gap.locationPcode)) ?? unknownPlace(gap.locationPcode);
  }
}
