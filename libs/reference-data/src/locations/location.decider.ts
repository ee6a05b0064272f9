import type { LocationEvent } from '@coord/contracts';
import { Actor, Decider, DomainError, hasRole } from '@coord/kernel';

export interface ImportLocation {
  readonly type: 'ImportLocation';
  readonly pcode: string;
  readonly name: string;
  readonly level: number;
  readonly parentPcode: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly validFrom: string | null;
  readonly source: string;
  readonly actor: Actor;
}

export type LocationState =
  | { readonly status: 'None' }
  | {
      readonly status: 'Known';
      readonly name: string;
      readonly level: number;
      readonly parentPcode: string | null;
      readonly latitude: number | null;
      readonly longitude: number | null;
    };

/**
 * A gazetteer row is applied by content (CONTRACT.md: re-importing updates names and is otherwise
 * idempotent): a known place with the same name and coordinates records nothing.
 */
export const locationDecider: Decider<ImportLocation, LocationState, LocationEvent> = {
  initialState: () => ({ status: 'None' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'LocationRegistered':
        return {
          status: 'Known',
          name: event.data.name,
          level: event.data.level,
          parentPcode: event.data.parentPcode,
          latitude: event.data.latitude,
          longitude: event.data.longitude,
        };
      case 'LocationUpdated':
        return state.status === 'Known'
          ? { ...state, name: event.data.name, latitude: event.data.latitude, longitude: event.data.longitude }
          : state;
      default: {
        const unknownEvent: never = event;
        throw new Error(`unknown location event ${(unknownEvent as LocationEvent).type}`);
      }
    }
  },
  decide: (command, state) => {
    if (!hasRole(command.actor, 'ADMIN')) throw new DomainError('FORBIDDEN', 'only an ADMIN imports locations');
    if (state.status === 'None') {
      return [
        {
          type: 'LocationRegistered',
          data: {
            pcode: command.pcode,
            name: command.name,
            level: command.level,
            parentPcode: command.parentPcode,
            latitude: command.latitude,
            longitude: command.longitude,
            validFrom: command.validFrom,
            source: command.source,
          },
        },
      ];
    }
    // A P-code names one place in one hierarchy; moving it would silently re-file every record coded
    // against it, so that is refused rather than treated as an update.
    if (state.level !== command.level || state.parentPcode !== command.parentPcode) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `${command.pcode} is already level ${state.level} under ${state.parentPcode ?? 'no parent'}; a P-code cannot move`,
        { field: 'parentPcode' },
      );
    }
    const unchanged =
      state.name === command.name &&
      state.latitude === (command.latitude ?? state.latitude) &&
      state.longitude === (command.longitude ?? state.longitude);
    if (unchanged) return [];
    return [
      {
        type: 'LocationUpdated',
        data: {
          pcode: command.pcode,
          name: command.name,
          latitude: command.latitude ?? state.latitude,
          longitude: command.longitude ?? state.longitude,
          previousName: state.name,
          source: command.source,
        },
      },
    ];
  },
};
