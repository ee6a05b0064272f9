import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ORGANIZATION_KINDS, ORGANIZATION_STREAM } from '@coord/contracts';
import { DomainError, newStreamId } from '@coord/kernel';
import { ExchangeQueries, ReadModelQueries } from '@coord/read-model';
import { CommandExecutor, inputs, parseInput, RequestContext, requireActor } from '@coord/runtime';
import { z } from 'zod';
import { organizationDecider } from '@coord/reference-data-domain';

const registerOrganizationInput = z.object({
  commandId: inputs.commandId(),
  name: inputs.text(200),
  acronym: inputs.optionalText(30),
  kind: z.enum(ORGANIZATION_KINDS),
});

const addOrganizationAliasInput = z.object({
  commandId: inputs.commandId(),
  organizationId: inputs.id(),
  alias: inputs.text(200),
  expectedVersion: inputs.expectedVersion(),
});

const removeOrganizationAliasInput = addOrganizationAliasInput.extend({ reason: inputs.text(500) });

const normalised = (value: string) => value.trim().toLowerCase().replace(/\s+/g, ' ');

@Resolver()
export class OrganizationResolver {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly queries: ReadModelQueries,
    private readonly exchange: ExchangeQueries,
  ) {}

  @Query('organizationAliases')
  organizationAliases(@Args('organizationId') organizationId: string, @Context() context: RequestContext) {
    requireActor(context);
    return this.exchange.aliasesOf(organizationId);
  }

  /** A manual merge: the spelling leads 3W imports to this organisation from now on. */
  @Mutation('addOrganizationAlias')
  addOrganizationAlias(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const actor = requireActor(context);
    const input = parseInput(addOrganizationAliasInput, raw);
    return this.executor.execute(
      'AddOrganizationAlias',
      input.organizationId,
      organizationDecider,
      { type: 'AddOrganizationAlias', organizationId: input.organizationId, alias: input.alias, source: 'admin', actor },
      { actor, commandId: input.commandId, expectedVersion: input.expectedVersion },
    );
  }

  /** Undoes a merge, by an import or by hand; the presences already recorded keep their organisation. */
  @Mutation('removeOrganizationAlias')
  removeOrganizationAlias(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const actor = requireActor(context);
    const input = parseInput(removeOrganizationAliasInput, raw);
    return this.executor.execute(
      'RemoveOrganizationAlias',
      input.organizationId,
      organizationDecider,
      { type: 'RemoveOrganizationAlias', organizationId: input.organizationId, alias: input.alias, reason: input.reason, actor },
      { actor, commandId: input.commandId, expectedVersion: input.expectedVersion },
    );
  }

  @Mutation('registerOrganization')
  async registerOrganization(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const actor = requireActor(context);
    const input = parseInput(registerOrganizationInput, raw);
    // Two records for one organisation split its picture in two; the read model is enough to catch
    // the honest duplicate (a race between two admins is left to the de-duplication of issue 5).
    const existing = (await this.queries.organizations()).find(
      (organization) =>
        normalised(organization.name) === normalised(input.name) ||
        (input.acronym && organization.acronym && normalised(organization.acronym) === normalised(input.acronym)),
    );
    if (existing && actor.roles.includes('ADMIN')) {
      throw new DomainError('CONFLICT', `an organisation with this name or acronym is already registered (${existing.id})`, {
        reason: 'ALREADY_EXISTS',
      });
    }
    const organizationId = newStreamId(ORGANIZATION_STREAM);
    return this.executor.execute(
      'RegisterOrganization',
      organizationId,
      organizationDecider,
      { type: 'RegisterOrganization', organizationId, ...input, actor, at: this.executor.now() },
      { actor, commandId: input.commandId },
    );
  }
}
