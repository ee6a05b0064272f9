import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { badInput } from '@coord/kernel';
import { ReadModelQueries } from '@coord/read-model';
import { HistoryRedaction } from './history-redaction';
import { RequestContext, requireActor } from './request-context';

/** Reference data and history: read-side queries every context shares. */
@Resolver()
export class SharedResolvers {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly redaction: HistoryRedaction,
  ) {}

  @Query('organizations')
  organizations() {
    return this.queries.organizations();
  }

  @Query('locations')
  locations(@Args('level', { type: () => Int, nullable: true }) level?: number | null, @Args('parentCode') parentCode?: string | null) {
    if (level != null && (level < 0 || level > 3)) throw badInput('level', 'level must be between 0 (country) and 3 (commune)');
    return this.queries.locations({ level: level ?? undefined, parentCode: parentCode ?? undefined });
  }

  @Query('history')
  async history(@Args('id') id: string, @Context() context: RequestContext) {
    const entries = this.redaction.apply(id, await this.queries.history(id), requireActor(context));
    return entries.map((entry) => ({
      position: entry.position,
      version: entry.version,
      type: entry.type,
      occurredAt: entry.occurredAt,
      actor: entry.actorUserId,
      organizationId: entry.actorOrganizationId,
      data: typeof entry.data === 'string' ? entry.data : JSON.stringify(entry.data),
    }));
  }
}

@Resolver('HistoryEntry')
export class HistoryEntryResolver {
  @ResolveField('organization')
  organization(@Parent() entry: { organizationId: string }, @Context() context: RequestContext) {
    return context.loaders.organization
      .load(entry.organizationId)
      // An ADMIN's org claim need not name a registered organisation (CONTRACT.md); show it as is.
      .then((organization) => organization ?? { id: entry.organizationId, name: entry.organizationId, acronym: null, kind: 'COMMUNITY' });
  }
}

@Resolver('Location')
export class LocationResolver {
  @ResolveField('parent')
  parent(@Parent() location: { parentPcode?: string | null }, @Context() context: RequestContext) {
    return location.parentPcode ? context.loaders.location.load(location.parentPcode) : null;
  }
}
