import type { AidDeliveryEvent } from '@coord/contracts';
import type { AidDelivery, AidDeliveryState } from './aid-delivery.state';

/**
 * Events are facts, so evolve applies them without judging them again. A stream whose later events
 * arrive before its `DeliveryPlanned` is not an aid delivery: answering INTERNAL beats deciding on a
 * made-up state.
 */
const existing = (state: AidDeliveryState, event: AidDeliveryEvent): AidDelivery => {
  if (state.status === 'None') {
    throw new Error(`${event.type} for delivery ${event.data.deliveryId} before it was planned`);
  }
  return state;
};

export const evolve = (state: AidDeliveryState, event: AidDeliveryEvent): AidDeliveryState => {
  switch (event.type) {
    case 'DeliveryPlanned': {
      const { data } = event;
      return {
        status: 'PLANNED',
        deliveryId: data.deliveryId,
        agencyId: data.agencyId,
        implementingPartnerId: data.implementingPartnerId,
        sector: data.sector,
        items: data.items,
        deliveredItems: null,
        destination: data.destination,
        plannedDate: data.plannedDate,
        targetedBeneficiaries: data.targetedBeneficiaries,
        reached: null,
        failureReason: null,
        confirmedBy: null,
      };
    }
    case 'DeliveryDispatched':
      return { ...existing(state, event), status: 'DISPATCHED' };
    case 'DeliveryRecorded':
      return {
        ...existing(state, event),
        status: 'DELIVERED',
        deliveredItems: event.data.deliveredItems,
        reached: event.data.reached,
      };
    case 'DeliveryConfirmed':
      return { ...existing(state, event), status: 'CONFIRMED', confirmedBy: event.data.confirmedBy };
    case 'DeliveryFailed':
      return { ...existing(state, event), status: 'FAILED', failureReason: event.data.reason };
    case 'DeliveryCancelled':
      return { ...existing(state, event), status: 'CANCELLED' };
    case 'DeliveryCorrected': {
      const delivery = existing(state, event);
      const { changes, confirmationWithdrawn } = event.data;
      return {
        ...delivery,
        items: changes.items ?? delivery.items,
        deliveredItems: changes.deliveredItems ?? delivery.deliveredItems,
        reached: changes.reached ?? delivery.reached,
        targetedBeneficiaries: changes.targetedBeneficiaries ?? delivery.targetedBeneficiaries,
        destination: changes.destination ?? delivery.destination,
        // The confirmation vouched for the facts as they were; amended facts need confirming again.
        ...(confirmationWithdrawn ? { status: 'DELIVERED' as const, confirmedBy: null } : {}),
      };
    }
    default: {
      const unknown: never = event;
      throw new Error(`unknown aid-delivery event ${(unknown as { type: string }).type}`);
    }
  }
};
