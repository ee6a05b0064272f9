import type { IsoDate, IsoDateTime, Sector } from '../common';

export const DELIVERY_STATUSES = ['PLANNED', 'DISPATCHED', 'DELIVERED', 'CONFIRMED', 'FAILED', 'CANCELLED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const FAILURE_REASONS = ['ACCESS_DENIED', 'INSECURITY', 'LOGISTICS', 'OTHER'] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export interface DeliveryItem {
  readonly commodity: string;
  readonly quantity: number;
  readonly unit: string;
}

export interface PeopleReached {
  readonly women: number;
  readonly men: number;
  readonly girls: number;
  readonly boys: number;
}

export type DeliveryPlanned = Readonly<{
  type: 'DeliveryPlanned';
  data: {
    deliveryId: string;
    agencyId: string;
    implementingPartnerId: string | null;
    sector: Sector;
    items: readonly DeliveryItem[];
    /** P-code of the destination location. */
    destination: string;
    plannedDate: IsoDate;
    targetedBeneficiaries: number;
    plannedAt: IsoDateTime;
  };
}>;

export type DeliveryDispatched = Readonly<{
  type: 'DeliveryDispatched';
  data: { deliveryId: string; dispatchedAt: IsoDateTime };
}>;

export type DeliveryRecorded = Readonly<{
  type: 'DeliveryRecorded';
  data: {
    deliveryId: string;
    deliveredItems: readonly DeliveryItem[];
    reached: PeopleReached;
    deliveredAt: IsoDateTime;
  };
}>;

export type DeliveryConfirmed = Readonly<{
  type: 'DeliveryConfirmed';
  data: { deliveryId: string; confirmedBy: string; confirmedAt: IsoDateTime };
}>;

export type DeliveryFailed = Readonly<{
  type: 'DeliveryFailed';
  data: { deliveryId: string; reason: FailureReason; note: string | null; failedAt: IsoDateTime };
}>;

export type DeliveryCancelled = Readonly<{
  type: 'DeliveryCancelled';
  data: { deliveryId: string; reason: string; cancelledAt: IsoDateTime };
}>;

/** The facts a correction may amend; absent fields are unchanged. */
export interface CorrectableDeliveryFacts {
  readonly items?: readonly DeliveryItem[];
  readonly deliveredItems?: readonly DeliveryItem[];
  readonly reached?: PeopleReached;
  readonly targetedBeneficiaries?: number;
  readonly destination?: string;
}

/**
 * A correction keeps the original in the history: `previous` holds the values it replaced, so the
 * stream alone tells what was recorded first and what it became.
 */
export type DeliveryCorrected = Readonly<{
  type: 'DeliveryCorrected';
  data: {
    deliveryId: string;
    reason: string;
    changes: CorrectableDeliveryFacts;
    previous: CorrectableDeliveryFacts;
    /** A confirmed delivery whose delivered facts change needs confirming again. */
    confirmationWithdrawn: boolean;
    correctedAt: IsoDateTime;
  };
}>;

export type AidDeliveryEvent =
  | DeliveryPlanned
  | DeliveryDispatched
  | DeliveryRecorded
  | DeliveryConfirmed
  | DeliveryFailed
  | DeliveryCancelled
  | DeliveryCorrected;

export const AID_DELIVERY_EVENT_TYPES = [
  'DeliveryPlanned',
  'DeliveryDispatched',
  'DeliveryRecorded',
  'DeliveryConfirmed',
  'DeliveryFailed',
  'DeliveryCancelled',
  'DeliveryCorrected',
] as const satisfies readonly AidDeliveryEvent['type'][];

export const AID_DELIVERY_STREAM = 'AidDelivery';
