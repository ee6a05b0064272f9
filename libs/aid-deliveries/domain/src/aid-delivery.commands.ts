import type { Actor } from '@coord/kernel';
import type { DeliveryItem, FailureReason, IsoDate, PeopleReached, Sector } from '@coord/contracts';

/** Time and actor travel with the command: decide never reads a clock and never makes ids. */
interface DeliveryCommandBase {
  readonly deliveryId: string;
  readonly actor: Actor;
  readonly at: Date;
}

export type PlanDelivery = DeliveryCommandBase &
  Readonly<{
    type: 'PlanDelivery';
    /** The logging agency; must be the actor's own organisation. */
    agencyId: string;
    implementingPartnerId?: string | null;
    sector: Sector;
    items: readonly DeliveryItem[];
    /** P-code of the destination (`adminCode` in the GraphQL input). */
    destination: string;
    plannedDate: IsoDate;
    targetedBeneficiaries: number;
  }>;

export type DispatchDelivery = DeliveryCommandBase & Readonly<{ type: 'DispatchDelivery' }>;

export type RecordDelivery = DeliveryCommandBase &
  Readonly<{
    type: 'RecordDelivery';
    deliveredItems: readonly DeliveryItem[];
    reached: PeopleReached;
  }>;

export type ConfirmDelivery = DeliveryCommandBase & Readonly<{ type: 'ConfirmDelivery' }>;

export type ReportDeliveryFailed = DeliveryCommandBase &
  Readonly<{
    type: 'ReportDeliveryFailed';
    reason: FailureReason;
    note?: string | null;
  }>;

export type CancelDelivery = DeliveryCommandBase & Readonly<{ type: 'CancelDelivery'; reason: string }>;

/** Absent facts stay as they are; `destination` is `adminCode` in the GraphQL input. */
export type CorrectDelivery = DeliveryCommandBase &
  Readonly<{
    type: 'CorrectDelivery';
    reason: string;
    items?: readonly DeliveryItem[];
    deliveredItems?: readonly DeliveryItem[];
    reached?: PeopleReached;
    targetedBeneficiaries?: number;
    destination?: string;
  }>;

export type AidDeliveryCommand =
  | PlanDelivery
  | DispatchDelivery
  | RecordDelivery
  | ConfirmDelivery
  | ReportDeliveryFailed
  | CancelDelivery
  | CorrectDelivery;
