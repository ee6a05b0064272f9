import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { visiblePeople } from '@coord/auth';
import { badInput } from '@coord/kernel';
import { AidDeliveryView, ReadModelQueries } from '@coord/read-model';
import { RequestContext, requireActor } from '@coord/runtime';

interface PictureFilterInput {
  adminCode?: string | null;
  sector?: string | null;
  organizationId?: string | null;
  from?: string | null;
  to?: string | null;
  status?: string[] | null;
}

const MAX_PAGE = 500;

@Resolver('AidDelivery')
export class AidDeliveryQueriesResolver {
  constructor(private readonly queries: ReadModelQueries) {}

  @Query('aidDelivery')
  aidDelivery(@Args('id') id: string) {
    return this.queries.deliveryById(id);
  }

  @Query('aidDeliveries')
  async aidDeliveries(
    @Args('filter') filter: PictureFilterInput | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after') after: string | null,
  ) {
    if (first != null && (first < 1 || first > MAX_PAGE)) throw badInput('first', `first must be between 1 and ${MAX_PAGE}`);
    if (filter?.from && filter?.to && filter.from > filter.to) throw badInput('filter.to', 'to must not be before from');
    const page = await this.queries.deliveries(
      {
        adminCode: filter?.adminCode ?? undefined,
        sector: filter?.sector ?? undefined,
        organizationId: filter?.organizationId ?? undefined,
        from: filter?.from ?? undefined,
        to: filter?.to ?? undefined,
        status: filter?.status ?? undefined,
      },
      first ?? undefined,
      after ?? undefined,
    );
    return {
      nodes: page.nodes,
      totalCount: page.totalCount,
      pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage },
    };
  }

  @ResolveField('agency')
  agency(@Parent() delivery: AidDeliveryView, @Context() context: RequestContext) {
    return context.loaders.organization.load(delivery.agencyId);
  }

  @ResolveField('implementingPartner')
  implementingPartner(@Parent() delivery: AidDeliveryView, @Context() context: RequestContext) {
    return delivery.implementingPartnerId ? context.loaders.organization.load(delivery.implementingPartnerId) : null;
  }

  @ResolveField('confirmedBy')
  confirmedBy(@Parent() delivery: AidDeliveryView, @Context() context: RequestContext) {
    return delivery.confirmedById ? context.loaders.organization.load(delivery.confirmedById) : null;
  }

  @ResolveField('destination')
  destination(@Parent() delivery: AidDeliveryView, @Context() context: RequestContext) {
    return context.loaders.location.load(delivery.destinationPcode);
  }

  @ResolveField('reached')
  reached(@Parent() delivery: AidDeliveryView, @Context() context: RequestContext) {
    if (!delivery.reached) return null;
    const reader = requireActor(context).organizationId;
    return visiblePeople(delivery.reached, reader === delivery.agencyId || reader === delivery.implementingPartnerId);
  }
}
