import { Inject } from '@nestjs/common';
import { Args, Context, Resolver, Subscription } from '@nestjs/graphql';
import type { PubSubEngine } from 'graphql-subscriptions';
import { notFound } from '@coord/kernel';
import { PictureChange, PictureQueries } from '@coord/read-model';
import { PUB_SUB, RequestContext, requireActor } from '@coord/runtime';
import { PICTURE_CHANGED_TRIGGER, reachesSubscriber } from '../live/picture-changed';
import { withOrganizationsAndPlaces } from './picture-rows';

@Resolver()
export class PictureChangedResolver {
  constructor(
    private readonly picture: PictureQueries,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  // A cell carries totals only: nothing in it is broken down by person, so it goes out as it is.
  @Subscription('pictureChanged', {
    filter: (change: PictureChange, variables: { adminCode?: string | null }) => reachesSubscriber(change, variables.adminCode),
    resolve: async (change: PictureChange, _args: unknown, context: RequestContext) => (await withOrganizationsAndPlaces([change.row], context.loaders))[0],
  })
  async pictureChanged(@Args('adminCode') adminCode: string | null, @Context() context: RequestContext) {
    requireActor(context);
    // A mistyped area would wait for changes that can never come: say so at once.
    if (adminCode && (await this.picture.areasOf([adminCode])).size === 0) {
      throw notFound(`no location with P-code ${adminCode} in the gazetteer`, 'adminCode');
    }
    return this.pubSub.asyncIterableIterator<PictureChange>(PICTURE_CHANGED_TRIGGER);
  }
}
