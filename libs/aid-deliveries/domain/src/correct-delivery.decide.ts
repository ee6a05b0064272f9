import { DomainError } from '@coord/kernel';
import type { CorrectableDeliveryFacts, DeliveryCorrected, DeliveryItem, PeopleReached } from '@coord/contracts';
import type { CorrectDelivery } from './aid-delivery.commands';
import type { AidDeliveryState } from './aid-delivery.state';
import {
  requireDelivery,
  requireOwningAgencyOfficer,
  requireStatus,
  requireText,
  validateDestination,
  validateItems,
  validateReached,
  validateTargetedBeneficiaries,
} from './aid-delivery.rules';

type Facts = { -readonly [K in keyof CorrectableDeliveryFacts]: CorrectableDeliveryFacts[K] };

const itemKeys = (items: readonly DeliveryItem[]): string[] =>
  items.map((item) => JSON.stringify([item.commodity, item.quantity, item.unit])).sort();

/** The same items in another order are the same facts. */
const sameItems = (a: readonly DeliveryItem[], b: readonly DeliveryItem[]): boolean => {
  const keysOfB = itemKeys(b);
  return a.length === b.length && itemKeys(a).every((key, index) => key === keysOfB[index]);
};

const sameReached = (a: PeopleReached, b: PeopleReached): boolean =>
  a.women === b.women && a.men === b.men && a.girls === b.girls && a.boys === b.boys;

// The task's rule "each changed value must differ": a no-op correction would put noise in the history.
const requireChanged = (field: string, unchanged: boolean): void => {
  if (unchanged) {
    throw new DomainError('BAD_USER_INPUT', `${field} is already the recorded value`, { field, reason: 'UNCHANGED' });
  }
};

/** evolve sets delivered facts together with DELIVERED, so their absence there means a corrupt stream. */
const recorded = <T>(value: T | null, what: string): T => {
  if (value === null) throw new Error(`a delivered delivery without ${what}`);
  return value;
};

export const decideCorrectDelivery = (command: CorrectDelivery, state: AidDeliveryState): DeliveryCorrected[] => {
  const delivery = requireDelivery(state, command.deliveryId);
  requireOwningAgencyOfficer(command.actor, delivery, 'correct');
  // DOMAIN.md lifecycle: a cancelled delivery is closed; nothing it recorded is worth amending.
  requireStatus(delivery, ['PLANNED', 'DISPATCHED', 'DELIVERED', 'CONFIRMED', 'FAILED'], 'correct');
  const correctsDeliveredFacts = command.deliveredItems != null || command.reached != null;
  // DOMAIN.md "On delivery: delivered quantities and people reached": those facts exist only from then on.
  if (correctsDeliveredFacts) requireStatus(delivery, ['DELIVERED', 'CONFIRMED'], 'correct the delivered facts of');
  // DOMAIN.md "A correction amends a recorded fact with a reason".
  requireText('reason', command.reason);

  const changes: Facts = {};
  const previous: Facts = {};
  // Same value rules as planning and recording: a correction cannot smuggle in what they refuse.
  if (command.items != null) {
    validateItems('items', command.items);
    requireChanged('items', sameItems(command.items, delivery.items));
    changes.items = command.items;
    previous.items = delivery.items;
  }
  if (command.deliveredItems != null) {
    const current = recorded(delivery.deliveredItems, 'delivered items');
    validateItems('deliveredItems', command.deliveredItems);
    requireChanged('deliveredItems', sameItems(command.deliveredItems, current));
    changes.deliveredItems = command.deliveredItems;
    previous.deliveredItems = current;
  }
  if (command.reached != null) {
    const current = recorded(delivery.reached, 'people reached');
    validateReached(command.reached);
    requireChanged('reached', sameReached(command.reached, current));
    changes.reached = command.reached;
    previous.reached = current;
  }
  if (command.targetedBeneficiaries != null) {
    validateTargetedBeneficiaries(command.targetedBeneficiaries);
    requireChanged('targetedBeneficiaries', command.targetedBeneficiaries === delivery.targetedBeneficiaries);
    changes.targetedBeneficiaries = command.targetedBeneficiaries;
    previous.targetedBeneficiaries = delivery.targetedBeneficiaries;
  }
  if (command.destination != null) {
    validateDestination(command.destination);
    requireChanged('adminCode', command.destination === delivery.destination);
    changes.destination = command.destination;
    previous.destination = delivery.destination;
  }
  if (Object.keys(changes).length === 0) {
    throw new DomainError('BAD_USER_INPUT', 'a correction must change at least one fact', { reason: 'NO_CHANGES' });
  }

  return [
    {
      type: 'DeliveryCorrected',
      data: {
        deliveryId: command.deliveryId,
        reason: command.reason,
        changes,
        previous,
        // The confirmer vouched for what was delivered, not for the plan: only amended delivered
        // facts need confirming again.
        confirmationWithdrawn: delivery.status === 'CONFIRMED' && correctsDeliveredFacts,
        correctedAt: command.at.toISOString(),
      },
    },
  ];
};
