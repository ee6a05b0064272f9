import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { PictureRowView } from '@coord/read-model';
import type { RequestContext } from '@coord/runtime';

/** Organisations and places come through the request's loaders: one query for all rows, never one per row. */
@Resolver('PictureRow')
export class PictureRowResolver {
  @ResolveField('organization')
  organization(@Parent() row: PictureRowView, @Context() context: RequestContext) {
    return row.organizationId ? context.loaders.organization.load(row.organizationId) : null;
  }

  @ResolveField('location')
  location(@Parent() row: PictureRowView, @Context() context: RequestContext) {
    return this.place(row.locationPcode, context);
  }

  @ResolveField('country')
  country(@Parent() row: PictureRowView, @Context() context: RequestContext) {
    return this.place(row.countryPcode, context);
  }

  @ResolveField('adm1')
  adm1(@Parent() row: PictureRowView, @Context() context: RequestContext) {
    return this.place(row.adm1Pcode, context);
  }

  @ResolveField('adm2')
  adm2(@Parent() row: PictureRowView, @Context() context: RequestContext) {
    return this.place(row.adm2Pcode, context);
  }

  @ResolveField('adm3')
  adm3(@Parent() row: PictureRowView, @Context() context: RequestContext) {
    return this.place(row.adm3Pcode, context);
  }

  private place(pcode: string | null, context: RequestContext) {
    return pcode ? context.loaders.location.load(pcode) : null;
  }
}
