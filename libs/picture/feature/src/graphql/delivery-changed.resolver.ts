import { Inject } from '@nestjs/common';
import { Args, Context, Resolver, Subscription } from '@nestjs/graphql';
import type { PubSubEngine } from 'graphql-subscriptions';
import { notFound } from '@coord/kernel';
import { PictureQueries } from '@coord/read-model';
import { PUB_SUB, RequestContext, requireActor } from '@coord/runtime';
import { DELIVERY_CHANGED_TRIGGER, DeliveryChanged, reachesSubscriber } from '../live/delivery-changed';

@Resolver()
export class DeliveryChangedResolver {
  constructor(
    private readonly picture: PictureQueries,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  // The delivery is resolved per subscriber by the AidDelivery resolvers, as in queries: small
  // counts of people reached are not broken down for readers outside the delivering organisations.
  @Subscription('deliveryChanged', {
    filter: (change: DeliveryChanged, variables: { adminCode?: string | null }) => reachesSubscriber(change, variables.adminCode),
    resolve: (change: DeliveryChanged) => change.delivery,
  })
  async deliveryChanged(@Args('adminCode') adminCode: string | null, @Context() context: RequestContext) {
    requireActor(context);
    if (adminCode && (await this.picture.areasOf([adminCode])).size === 0) {
      throw notFound(`no location with P-code ${adminCode} in the gazetteer`, 'adminCode');
    }
    return this.pubSub.asyncIterableIterator<DeliveryChanged>(DELIVERY_CHANGED_TRIGGER);
  }
}
