import { forbidden, hasRole } from '@coord/kernel';
import type { DeliveryConfirmed } from '@coord/contracts';
import type { ConfirmDelivery } from './aid-delivery.commands';
import type { AidDeliveryState } from './aid-delivery.state';
import { requireDelivery, requireStatus } from './aid-delivery.rules';

export const decideConfirmDelivery = (command: ConfirmDelivery, state: AidDeliveryState): DeliveryConfirmed[] => {
  const delivery = requireDelivery(state, command.deliveryId);
  const { actor } = command;
  // DOMAIN.md "Confirmation comes from another organisation … never from the delivering one"; the
  // implementing partner delivered too, so it cannot vouch for its own work either.
  if (actor.organizationId === delivery.agencyId || actor.organizationId === delivery.implementingPartnerId) {
    throw forbidden('a delivery is confirmed by another organisation than the ones that delivered it');
  }
  // DOMAIN.md: confirmation comes from the community or the host government ("confirm a delivery it
  // received"); the mission's liaison officers, who meet those communities, may relay it.
  if (!hasRole(actor, 'COMMUNITY_FOCAL_POINT', 'GOVERNMENT_COUNTERPART', 'LIAISON_OFFICER')) {
    throw forbidden('only a community focal point, a government counterpart or a liaison officer may confirm');
  }
  // DOMAIN.md lifecycle: DELIVERED → CONFIRMED; only what was delivered can be confirmed, and once.
  requireStatus(delivery, ['DELIVERED'], 'confirm');
  return [
    {
      type: 'DeliveryConfirmed',
      data: { deliveryId: command.deliveryId, confirmedBy: actor.organizationId, confirmedAt: command.at.toISOString() },
    },
  ];
};
