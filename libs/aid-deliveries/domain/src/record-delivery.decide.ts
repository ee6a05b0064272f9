import type { DeliveryRecorded } from '@coord/contracts';
import type { RecordDelivery } from './aid-delivery.commands';
import type { AidDeliveryState } from './aid-delivery.state';
import {
  requireDelivery,
  requireOwningAgencyOfficer,
  requireStatus,
  validateItems,
  validateReached,
} from './aid-delivery.rules';

export const decideRecordDelivery = (command: RecordDelivery, state: AidDeliveryState): DeliveryRecorded[] => {
  const delivery = requireDelivery(state, command.deliveryId);
  requireOwningAgencyOfficer(command.actor, delivery, 'record');
  // DOMAIN.md lifecycle: DISPATCHED → DELIVERED; nothing arrives that was never sent.
  requireStatus(delivery, ['DISPATCHED'], 'record');
  // DOMAIN.md "On delivery: delivered quantities and people reached (women, men, girls, boys)".
  validateItems('deliveredItems', command.deliveredItems);
  validateReached(command.reached);
  return [
    {
      type: 'DeliveryRecorded',
      data: {
        deliveryId: command.deliveryId,
        deliveredItems: command.deliveredItems,
        reached: command.reached,
        deliveredAt: command.at.toISOString(),
      },
    },
  ];
};
