import type { DeliveryItem, DeliveryStatus, FailureReason, OrganizationKind, PeopleReached, Sector } from '@coord/contracts';

/** What the read-side queries answer: plain objects, independent of table and column names. */
export interface OrganizationView {
  readonly id: string;
  readonly name: string;
  readonly acronym: string | null;
  readonly kind: OrganizationKind;
  readonly registeredAt: string;
}

export interface LocationView {
  readonly pcode: string;
  readonly name: string;
  readonly level: number;
  readonly parentPcode: string | null;
  readonly adm1Pcode: string | null;
  readonly adm2Pcode: string | null;
  readonly adm3Pcode: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly validFrom: string | null;
}

export interface PeopleReachedView extends PeopleReached {
  readonly total: number;
}

export interface AidDeliveryView {
  readonly id: string;
  readonly agencyId: string;
  readonly implementingPartnerId: string | null;
  readonly sector: Sector;
  readonly items: readonly DeliveryItem[];
  readonly deliveredItems: readonly DeliveryItem[] | null;
  readonly destinationPcode: string;
  readonly adm1Pcode: string | null;
  readonly adm2Pcode: string | null;
  readonly adm3Pcode: string | null;
  readonly plannedDate: string;
  readonly status: DeliveryStatus;
  readonly targetedBeneficiaries: number;
  /** Null until the delivery is recorded. */
  readonly reached: PeopleReachedView | null;
  readonly failureReason: FailureReason | null;
  readonly confirmedById: string | null;
  readonly version: number;
  readonly position: string;
  readonly updatedAt: string;
}

export interface HistoryEntryView {
  readonly streamId: string;
  readonly version: number;
  readonly position: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly actorUserId: string;
  readonly actorOrganizationId: string;
  readonly commandId: string | null;
  /** The event's data as JSON text. */
  readonly data: string;
}

/** PictureFilter of the schema; absent or null fields do not filter. */
export interface DeliveryFilter {
  /** A P-code at any admin level: deliveries to it or anywhere below it. */
  readonly adminCode?: string | null;
  readonly sector?: string | null;
  /** The agency or the implementing partner. */
  readonly organizationId?: string | null;
  /** Inclusive bounds on the planned date, `YYYY-MM-DD`. */
  readonly from?: string | null;
  readonly to?: string | null;
  /** Any of these statuses; an empty list does not filter. */
  readonly status?: readonly string[] | null;
}

export interface DeliveryPage {
  readonly nodes: readonly AidDeliveryView[];
  readonly totalCount: number;
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}
