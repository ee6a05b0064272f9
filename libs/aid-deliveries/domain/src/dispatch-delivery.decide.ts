import type { DeliveryDispatched } from '@coord/contracts';
import type { DispatchDelivery } from './aid-delivery.commands';
import type { AidDeliveryState } from './aid-delivery.state';
import { requireDelivery, requireOwningAgencyOfficer, requireStatus } from './aid-delivery.rules';

export const decideDispatchDelivery = (command: DispatchDelivery, state: AidDeliveryState): DeliveryDispatched[] => {
  const delivery = requireDelivery(state, command.deliveryId);
  requireOwningAgencyOfficer(command.actor, delivery, 'dispatch');
  // DOMAIN.md lifecycle: PLANNED → DISPATCHED, once.
  requireStatus(delivery, ['PLANNED'], 'dispatch');
  return [{ type: 'DeliveryDispatched', data: { deliveryId: command.deliveryId, dispatchedAt: command.at.toISOString() } }];
};
