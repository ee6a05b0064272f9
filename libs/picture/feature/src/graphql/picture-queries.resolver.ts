import { Inject } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { PictureDimension, PictureQueries, ProjectionRunner } from '@coord/read-model';
import { RequestContext, requireActor } from '@coord/runtime';
import { PICTURE_RUNNER } from '../follower/picture-follower';
import { withOrganizationsAndPlaces } from './picture-rows';

interface PictureFilterInput {
  adminCode?: string | null;
  sector?: string | null;
  organizationId?: string | null;
  from?: string | null;
  to?: string | null;
  status?: string[] | null;
}

/** Anyone allowed to read sees the whole picture (DOMAIN.md: "anyone allowed to read | see the picture"). */
@Resolver()
export class PictureQueriesResolver {
  constructor(
    private readonly picture: PictureQueries,
    @Inject(PICTURE_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  @Query('whoWhatWhere')
  async whoWhatWhere(
    @Args('filter') filter: PictureFilterInput | null,
    @Args('groupBy') groupBy: PictureDimension[],
    @Args('asOf') asOf: Date | null,
    @Context() context: RequestContext,
  ) {
    await this.readYourWrites(context);
    return withOrganizationsAndPlaces(await this.picture.whoWhatWhere(filter ?? {}, groupBy, asOf), context.loaders);
  }

  @Query('gaps')
  async gaps(@Args('adminCode') adminCode: string | null, @Args('from') from: string | null, @Args('to') to: string | null, @Context() context: RequestContext) {
    await this.readYourWrites(context);
    return this.picture.gaps(adminCode, from, to);
  }

  @Query('overlaps')
  async overlaps(@Args('adminCode') adminCode: string | null, @Args('from') from: string | null, @Args('to') to: string | null, @Context() context: RequestContext) {
    await this.readYourWrites(context);
    return this.picture.overlaps(adminCode, from, to);
  }

  /**
   * X-Min-Position: the platform's projections have applied it before any resolver runs; the
   * picture follows them on its own runner, so it is waited for here too.
   */
  private async readYourWrites(context: RequestContext): Promise<void> {
    requireActor(context);
    if (context.minPosition) await this.runner.waitFor(context.minPosition);
  }
}
