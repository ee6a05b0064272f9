import { badInput } from '@coord/kernel';
import { FAILURE_REASONS, type DeliveryFailed } from '@coord/contracts';
import type { ReportDeliveryFailed } from './aid-delivery.commands';
import type { AidDeliveryState } from './aid-delivery.state';
import { requireDelivery, requireOwningAgencyOfficer, requireStatus } from './aid-delivery.rules';

export const decideReportDeliveryFailed = (command: ReportDeliveryFailed, state: AidDeliveryState): DeliveryFailed[] => {
  const delivery = requireDelivery(state, command.deliveryId);
  requireOwningAgencyOfficer(command.actor, delivery, 'report the failure of');
  // DOMAIN.md lifecycle: a delivery fails before it arrives, from PLANNED or DISPATCHED.
  requireStatus(delivery, ['PLANNED', 'DISPATCHED'], 'report the failure of');
  // DOMAIN.md: FAILED carries a reason ACCESS_DENIED, INSECURITY, LOGISTICS or OTHER.
  if (!FAILURE_REASONS.includes(command.reason)) {
    throw badInput('reason', `the failure reason must be one of ${FAILURE_REASONS.join(', ')}`);
  }
  return [
    {
      type: 'DeliveryFailed',
      data: {
        deliveryId: command.deliveryId,
        reason: command.reason,
        note: command.note ?? null,
        failedAt: command.at.toISOString(),
      },
    },
  ];
};
