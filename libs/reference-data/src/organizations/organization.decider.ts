import type { OrganizationEvent, OrganizationKind } from '@coord/contracts';
import { Actor, Decider, DomainError, hasRole } from '@coord/kernel';

export interface RegisterOrganization {
  readonly type: 'RegisterOrganization';
  readonly organizationId: string;
  readonly name: string;
  readonly acronym: string | null;
  readonly kind: OrganizationKind;
  readonly actor: Actor;
  readonly at: Date;
}

export type OrganizationState = { readonly status: 'None' } | { readonly status: 'Registered'; readonly name: string };

export const organizationDecider: Decider<RegisterOrganization, OrganizationState, OrganizationEvent> = {
  initialState: () => ({ status: 'None' }),
  evolve: (_state, event) => {
    switch (event.type) {
      case 'OrganizationRegistered':
        return { status: 'Registered', name: event.data.name };
      default: {
        const unknownEvent: never = event.type;
        throw new Error(`unknown organization event ${unknownEvent}`);
      }
    }
  },
  decide: (command, state) => {
    // DOMAIN.md "Who may do what": only ADMIN registers organisations (CONTRACT.md "Authentication").
    if (!hasRole(command.actor, 'ADMIN')) throw new DomainError('FORBIDDEN', 'only an ADMIN registers organisations');
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
  },
};
