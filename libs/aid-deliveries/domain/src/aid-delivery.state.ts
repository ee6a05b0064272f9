import type { DeliveryItem, DeliveryStatus, FailureReason, IsoDate, PeopleReached, Sector } from '@coord/contracts';

/** A delivery that exists: everything `decide` needs to judge the next command. */
export interface AidDelivery {
  readonly status: DeliveryStatus;
  readonly deliveryId: string;
  /** The agency that logged the delivery and owns its stream. */
  readonly agencyId: string;
  readonly implementingPartnerId: string | null;
  readonly sector: Sector;
  /** What was planned. */
  readonly items: readonly DeliveryItem[];
  /** What actually arrived; null until the delivery is recorded. */
  readonly deliveredItems: readonly DeliveryItem[] | null;
  /** P-code of the destination location. */
  readonly destination: string;
  readonly plannedDate: IsoDate;
  readonly targetedBeneficiaries: number;
  /** Null until the delivery is recorded. */
  readonly reached: PeopleReached | null;
  readonly failureReason: FailureReason | null;
  /** The confirming organisation; null whenever the delivery is not CONFIRMED. */
  readonly confirmedBy: string | null;
}

export type AidDeliveryState = { readonly status: 'None' } | AidDelivery;

export const initialState = (): AidDeliveryState => ({ status: 'None' });
