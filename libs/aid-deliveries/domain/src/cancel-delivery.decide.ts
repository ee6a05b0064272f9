import type { DeliveryCancelled } from '@coord/contracts';
import type { CancelDelivery } from './aid-delivery.commands';
import type { AidDeliveryState } from './aid-delivery.state';
import { requireDelivery, requireOwningAgencyOfficer, requireStatus, requireText } from './aid-delivery.rules';

export const decideCancelDelivery = (command: CancelDelivery, state: AidDeliveryState): DeliveryCancelled[] => {
  const delivery = requireDelivery(state, command.deliveryId);
  requireOwningAgencyOfficer(command.actor, delivery, 'cancel');
  // DOMAIN.md lifecycle: only a delivery that has not arrived or failed can be called off.
  requireStatus(delivery, ['PLANNED', 'DISPATCHED'], 'cancel');
  // The history must say why a planned delivery never happened.
  requireText('reason', command.reason);
  return [
    {
      type: 'DeliveryCancelled',
      data: { deliveryId: command.deliveryId, reason: command.reason, cancelledAt: command.at.toISOString() },
    },
  ];
};
