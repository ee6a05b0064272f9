import { Actor, badInput, forbidden, hasRole, invalidTransition, notFound } from '@coord/kernel';
import type { DeliveryItem, DeliveryStatus, PeopleReached } from '@coord/contracts';
import type { AidDelivery, AidDeliveryState } from './aid-delivery.state';

/*
 * Guards shared by the decide functions. Every decide checks in the same order — existence, authority,
 * lifecycle, values — so that an actor who may never act on a delivery always hears FORBIDDEN,
 * whatever its state: the answer does not change with time, and it tells an outsider nothing about
 * the delivery's progress. Existence comes first because there is no owner to check against before
 * it, and it is no secret: every reader sees the delivery in the shared picture.
 * Error fields are named as the GraphQL input names them.
 */

export const requireDelivery = (state: AidDeliveryState, deliveryId: string): AidDelivery => {
  if (state.status === 'None') throw notFound(`aid delivery ${deliveryId} does not exist`, 'deliveryId');
  return state;
};

// DOMAIN.md "Who may do what": write only for one's own organisation's records; "An AidDelivery
// belongs to the agency that logs it", and logging is the AGENCY_OFFICER's job.
export const requireOwningAgencyOfficer = (actor: Actor, delivery: AidDelivery, doing: string): void => {
  if (actor.organizationId !== delivery.agencyId || !hasRole(actor, 'AGENCY_OFFICER')) {
    throw forbidden(`only an agency officer of the delivering agency may ${doing} a delivery`);
  }
};

export const requireStatus = (delivery: AidDelivery, allowed: readonly DeliveryStatus[], doing: string): void => {
  if (!allowed.includes(delivery.status)) {
    throw invalidTransition(`cannot ${doing} a ${delivery.status} delivery`);
  }
};

const isBlank = (value: string): boolean => value.trim().length === 0;

/** Strings are kept as given (the input layer trims and bounds them); only emptiness is refused. */
export const requireText = (field: string, value: string): void => {
  if (typeof value !== 'string' || isBlank(value)) throw badInput(field, `${field} must not be empty`);
};

// DOMAIN.md "Humanitarian-aid deliveries": items (commodity, quantity > 0, unit).
export const validateItems = (field: 'items' | 'deliveredItems', items: readonly DeliveryItem[]): void => {
  if (!Array.isArray(items) || items.length === 0) throw badInput(field, `${field} must hold at least one item`);
  items.forEach((item, index) => {
    requireText(`${field}[${index}].commodity`, item.commodity);
    if (typeof item.quantity !== 'number' || !Number.isFinite(item.quantity) || item.quantity <= 0) {
      throw badInput(`${field}[${index}].quantity`, 'a quantity must be a finite number greater than 0');
    }
    requireText(`${field}[${index}].unit`, item.unit);
  });
};

const isCount = (value: number): boolean => Number.isSafeInteger(value) && value >= 0;

// DOMAIN.md "Humanitarian-aid deliveries": people reached (women, men, girls, boys) are head counts.
export const validateReached = (reached: PeopleReached): void => {
  for (const group of ['women', 'men', 'girls', 'boys'] as const) {
    if (!isCount(reached?.[group])) {
      throw badInput(`reached.${group}`, `reached.${group} must be a whole number of people, 0 or more`);
    }
  }
};

// DOMAIN.md "Humanitarian-aid deliveries": targeted beneficiaries are a head count.
export const validateTargetedBeneficiaries = (targetedBeneficiaries: number): void => {
  if (!isCount(targetedBeneficiaries)) {
    throw badInput('targetedBeneficiaries', 'targetedBeneficiaries must be a whole number of people, 0 or more');
  }
};

export const validateDestination = (destination: string): void => requireText('adminCode', destination);
