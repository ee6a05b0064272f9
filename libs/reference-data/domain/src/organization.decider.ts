import type { OrganizationEvent, OrganizationKind } from '@coord/contracts';
import { Actor, badInput, Decider, DomainError, hasRole, notFound } from '@coord/kernel';
import { normalizeOrganizationName } from './organization-name';

export interface RegisterOrganization {
  readonly type: 'RegisterOrganization';
  readonly organizationId: string;
  readonly name: string;
  readonly acronym: string | null;
  readonly kind: OrganizationKind;
  readonly actor: Actor;
  readonly at: Date;
}

export interface AddOrganizationAlias {
  readonly type: 'AddOrganizationAlias';
  readonly organizationId: string;
  readonly alias: string;
  readonly source: string;
  readonly actor: Actor;
}

export interface RemoveOrganizationAlias {
  readonly type: 'RemoveOrganizationAlias';
  readonly organizationId: string;
  readonly alias: string;
  readonly reason: string;
  readonly actor: Actor;
}

export type OrganizationCommand = RegisterOrganization | AddOrganizationAlias | RemoveOrganizationAlias;

export type OrganizationState =
  | { readonly status: 'None' }
  | {
      readonly status: 'Registered';
      readonly name: string;
      readonly acronym: string | null;
      /** Normalised alias → the alias as it was added. */
      readonly aliases: ReadonlyMap<string, string>;
    };

const MAX_ALIAS_LENGTH = 200;

const requireRegistered = (state: OrganizationState, organizationId: string) => {
  if (state.status === 'None') throw notFound(`no organisation ${organizationId}`, 'organizationId');
  return state;
};

const decideRegister = (command: RegisterOrganization, state: OrganizationState): OrganizationEvent[] => {
  if (state.status !== 'None') throw new DomainError('CONFLICT', 'this organisation is already registered', { reason: 'ALREADY_EXISTS' });
  return [
    {
      type: 'OrganizationRegistered',
      data: {
        organizationId: command.organizationId,
        name: command.name,
        acronym: command.acronym,
        kind: command.kind,
        registeredAt: command.at.toISOString(),
      },
    },
  ];
};

const decideAddAlias = (command: AddOrganizationAlias, state: OrganizationState): OrganizationEvent[] => {
  const registered = requireRegistered(state, command.organizationId);
  const alias = command.alias.trim();
  const normalized = normalizeOrganizationName(alias);
  if (normalized === '' || alias.length > MAX_ALIAS_LENGTH) {
    throw badInput('alias', `an alias has letters or digits and at most ${MAX_ALIAS_LENGTH} characters`);
  }
  // A spelling the organisation already answers to adds nothing, so an import may offer every
  // spelling it saw on every run and the log grows only with new ones.
  const known = [registered.name, registered.acronym ?? ''].map(normalizeOrganizationName);
  if (known.includes(normalized) || registered.aliases.has(normalized)) return [];
  return [{ type: 'OrganizationAliasAdded', data: { organizationId: command.organizationId, alias, normalized, source: command.source } }];
};

const decideRemoveAlias = (command: RemoveOrganizationAlias, state: OrganizationState): OrganizationEvent[] => {
  const registered = requireRegistered(state, command.organizationId);
  const normalized = normalizeOrganizationName(command.alias);
  const alias = registered.aliases.get(normalized);
  if (alias === undefined) throw notFound(`${command.organizationId} has no alias "${command.alias}"`, 'alias');
  if (command.reason.trim() === '') throw badInput('reason', 'say why the alias goes: the merge it undoes stays in the history');
  return [
    { type: 'OrganizationAliasRemoved', data: { organizationId: command.organizationId, alias, normalized, reason: command.reason.trim() } },
  ];
};

export const organizationDecider: Decider<OrganizationCommand, OrganizationState, OrganizationEvent> = {
  initialState: () => ({ status: 'None' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'OrganizationRegistered':
        return { status: 'Registered', name: event.data.name, acronym: event.data.acronym, aliases: new Map() };
      case 'OrganizationAliasAdded':
        return state.status === 'Registered'
          ? { ...state, aliases: new Map([...state.aliases, [event.data.normalized, event.data.alias]]) }
          : state;
      case 'OrganizationAliasRemoved': {
        if (state.status !== 'Registered') return state;
        const aliases = new Map(state.aliases);
        aliases.delete(event.data.normalized);
        return { ...state, aliases };
      }
      default: {
        const unknownEvent: never = event;
        throw new Error(`unknown organization event ${(unknownEvent as OrganizationEvent).type}`);
      }
    }
  },
  decide: (command, state) => {
    // DOMAIN.md "Who may do what": only ADMIN registers organisations (CONTRACT.md "Authentication"),
    // and an alias decides which organisation a file's rows belong to, so it is the same authority.
    if (!hasRole(command.actor, 'ADMIN')) throw new DomainError('FORBIDDEN', 'only an ADMIN registers organisations and their aliases');
    switch (command.type) {
      case 'RegisterOrganization':
        return decideRegister(command, state);
      case 'AddOrganizationAlias':
        return decideAddAlias(command, state);
      case 'RemoveOrganizationAlias':
        return decideRemoveAlias(command, state);
      default: {
        const unknownCommand: never = command;
        throw new Error(`unknown organization command ${(unknownCommand as OrganizationCommand).type}`);
      }
    }
  },
};
