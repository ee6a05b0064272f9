import type { OperationalPresenceEvent } from '@coord/contracts';
import type { OperationalPresenceState } from './operational-presence.state';

export const evolvePresence = (state: OperationalPresenceState, event: OperationalPresenceEvent): OperationalPresenceState => {
  switch (event.type) {
    case 'OperationalPresenceReported': {
      const { data } = event;
      return {
        status: 'Active',
        organizationId: data.organizationId,
        sector: data.sector,
        location: data.location,
        role: data.role,
        periodStart: data.periodStart,
        periodEnd: data.periodEnd,
        activity: data.activity,
        targeted: data.targeted,
        reached: data.reached,
      };
    }
    case 'OperationalPresenceUpdated':
      return state.status === 'Active'
        ? { ...state, activity: event.data.activity, targeted: event.data.targeted, reached: event.data.reached }
        : state;
    case 'OperationalPresenceWithdrawn':
      return { status: 'Withdrawn' };
    default: {
      const unknownEvent: never = event;
      throw new Error(`unknown operational-presence event ${(unknownEvent as OperationalPresenceEvent).type}`);
    }
  }
};
