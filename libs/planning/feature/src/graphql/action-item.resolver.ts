import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { ActionItem } from '@coord/contracts';
import type { RequestContext } from '@coord/runtime';

@Resolver('ActionItem')
export class ActionItemResolver {
  @ResolveField('responsible')
  responsible(@Parent() item: ActionItem, @Context() context: RequestContext) {
    return context.loaders.organization.load(item.responsibleId);
  }

  @ResolveField('location')
  location(@Parent() item: ActionItem, @Context() context: RequestContext) {
    return item.adminCode ? context.loaders.location.load(item.adminCode) : null;
  }
}
