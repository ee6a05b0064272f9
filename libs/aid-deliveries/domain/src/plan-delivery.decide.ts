import { badInput, conflict, forbidden, hasRole } from '@coord/kernel';
import { SECTORS, type DeliveryPlanned } from '@coord/contracts';
import type { PlanDelivery } from './aid-delivery.commands';
import type { AidDeliveryState } from './aid-delivery.state';
import { validateDestination, validateItems, validateTargetedBeneficiaries } from './aid-delivery.rules';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date that exists (`2026-02-30` does not); pure, no clock involved. */
const isIsoDate = (value: string): boolean => {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
};

export const decidePlanDelivery = (command: PlanDelivery, state: AidDeliveryState): DeliveryPlanned[] => {
  const { actor } = command;
  // DOMAIN.md "Who may do what": an agency logs its own deliveries, through its AGENCY_OFFICERs.
  if (!hasRole(actor, 'AGENCY_OFFICER')) throw forbidden('only an agency officer may plan a delivery');
  if (command.agencyId !== actor.organizationId) {
    throw forbidden("a delivery may be planned only for the officer's own organisation");
  }
  // ARCHITECTURE.md "one stream per record": planning opens the stream, so it must not exist yet.
  if (state.status !== 'None') {
    throw conflict('ALREADY_EXISTS', `aid delivery ${command.deliveryId} is already planned`);
  }

  // DOMAIN.md "Reference data": the sector is one of the humanitarian clusters.
  if (!SECTORS.includes(command.sector)) throw badInput('sector', `unknown sector ${String(command.sector)}`);
  // DOMAIN.md "Humanitarian-aid deliveries": items (commodity, quantity > 0, unit), at least one.
  validateItems('items', command.items);
  validateDestination(command.destination);
  if (!isIsoDate(command.plannedDate)) {
    throw badInput('plannedDate', 'plannedDate must be a calendar date YYYY-MM-DD');
  }
  validateTargetedBeneficiaries(command.targetedBeneficiaries);
  const implementingPartnerId = command.implementingPartnerId ?? null;
  // DOMAIN.md "Humanitarian-aid deliveries": the implementing partner is another organisation; the
  // agency naming itself would blur who delivered and who may confirm.
  if (
    implementingPartnerId !== null &&
    (implementingPartnerId.trim() === '' || implementingPartnerId === command.agencyId)
  ) {
    throw badInput('implementingPartnerId', 'the implementing partner must be an organisation other than the agency');
  }

  return [
    {
      type: 'DeliveryPlanned',
      data: {
        deliveryId: command.deliveryId,
        agencyId: command.agencyId,
        implementingPartnerId,
        sector: command.sector,
        items: command.items,
        destination: command.destination,
        plannedDate: command.plannedDate,
        targetedBeneficiaries: command.targetedBeneficiaries,
        plannedAt: command.at.toISOString(),
      },
    },
  ];
};
