import type { Actor, Role } from '@coord/kernel';
import type {
  AidDeliveryEvent,
  DeliveryCancelled,
  DeliveryConfirmed,
  DeliveryCorrected,
  DeliveryDispatched,
  DeliveryFailed,
  DeliveryPlanned,
  DeliveryRecorded,
} from '@coord/contracts';
import type {
  CancelDelivery,
  ConfirmDelivery,
  CorrectDelivery,
  DispatchDelivery,
  PlanDelivery,
  RecordDelivery,
  ReportDeliveryFailed,
} from '../aid-delivery.commands';

/** Shared cast and history for the decide specs: WFP delivers through a partner NGO to a commune. */
export const DELIVERY_ID = 'AidDelivery-6f1f0c4e-8a7b-4d0e-9a61-2b8f3c1d7e55';
export const AGENCY = 'org-wfp';
export const PARTNER = 'org-ngo-partner';
export const OTHER_AGENCY = 'org-unicef';
export const COMMUNITY = 'org-community-gao';
export const GOVERNMENT = 'org-gov-gao';
export const MISSION = 'org-mission';
export const AT = new Date('2026-03-02T09:30:00.000Z');

const actor = (userId: string, organizationId: string, ...roles: Role[]): Actor => ({ userId, organizationId, roles });

export const agencyOfficer = actor('u-agency', AGENCY, 'AGENCY_OFFICER');
export const agencyObserver = actor('u-agency-observer', AGENCY, 'OBSERVER');
export const agencyFocalPoint = actor('u-agency-focal', AGENCY, 'AGENCY_OFFICER', 'COMMUNITY_FOCAL_POINT');
export const partnerOfficer = actor('u-partner', PARTNER, 'AGENCY_OFFICER');
export const partnerFocalPoint = actor('u-partner-focal', PARTNER, 'COMMUNITY_FOCAL_POINT');
export const otherAgencyOfficer = actor('u-other', OTHER_AGENCY, 'AGENCY_OFFICER');
export const communityFocalPoint = actor('u-community', COMMUNITY, 'COMMUNITY_FOCAL_POINT');
export const governmentCounterpart = actor('u-gov', GOVERNMENT, 'GOVERNMENT_COUNTERPART');
export const liaisonOfficer = actor('u-liaison', MISSION, 'LIAISON_OFFICER');
export const missionAdmin = actor('u-admin', MISSION, 'ADMIN');
export const communityObserver = actor('u-community-observer', COMMUNITY, 'OBSERVER');

export const ITEMS = [
  { commodity: 'Sorghum', quantity: 12.5, unit: 'MT' },
  { commodity: 'Vegetable oil', quantity: 800, unit: 'L' },
] as const;
export const DELIVERED_ITEMS = [
  { commodity: 'Sorghum', quantity: 12, unit: 'MT' },
  { commodity: 'Vegetable oil', quantity: 800, unit: 'L' },
] as const;
export const REACHED = { women: 140, men: 120, girls: 90, boys: 85 } as const;

const base = { deliveryId: DELIVERY_ID, actor: agencyOfficer, at: AT };

export const plan = (overrides: Partial<PlanDelivery> = {}): PlanDelivery => ({
  ...base,
  type: 'PlanDelivery',
  agencyId: AGENCY,
  implementingPartnerId: PARTNER,
  sector: 'FOOD_SECURITY',
  items: ITEMS,
  destination: 'ML070101',
  plannedDate: '2026-03-10',
  targetedBeneficiaries: 500,
  ...overrides,
});
export const dispatch = (overrides: Partial<DispatchDelivery> = {}): DispatchDelivery => ({
  ...base,
  type: 'DispatchDelivery',
  ...overrides,
});
export const record = (overrides: Partial<RecordDelivery> = {}): RecordDelivery => ({
  ...base,
  type: 'RecordDelivery',
  deliveredItems: DELIVERED_ITEMS,
  reached: REACHED,
  ...overrides,
});
export const confirm = (overrides: Partial<ConfirmDelivery> = {}): ConfirmDelivery => ({
  ...base,
  actor: communityFocalPoint,
  type: 'ConfirmDelivery',
  ...overrides,
});
export const reportFailed = (overrides: Partial<ReportDeliveryFailed> = {}): ReportDeliveryFailed => ({
  ...base,
  type: 'ReportDeliveryFailed',
  reason: 'INSECURITY',
  note: 'Road to Ansongo closed',
  ...overrides,
});
export const cancel = (overrides: Partial<CancelDelivery> = {}): CancelDelivery => ({
  ...base,
  type: 'CancelDelivery',
  reason: 'Duplicate of another distribution',
  ...overrides,
});
export const correct = (overrides: Partial<CorrectDelivery> = {}): CorrectDelivery => ({
  ...base,
  type: 'CorrectDelivery',
  reason: 'Typo in the field report',
  ...overrides,
});

const iso = AT.toISOString();

export const planned = (overrides: Partial<DeliveryPlanned['data']> = {}): DeliveryPlanned => ({
  type: 'DeliveryPlanned',
  data: {
    deliveryId: DELIVERY_ID,
    agencyId: AGENCY,
    implementingPartnerId: PARTNER,
    sector: 'FOOD_SECURITY',
    items: ITEMS,
    destination: 'ML070101',
    plannedDate: '2026-03-10',
    targetedBeneficiaries: 500,
    plannedAt: iso,
    ...overrides,
  },
});
export const dispatched = (): DeliveryDispatched => ({
  type: 'DeliveryDispatched',
  data: { deliveryId: DELIVERY_ID, dispatchedAt: iso },
});
export const recorded = (): DeliveryRecorded => ({
  type: 'DeliveryRecorded',
  data: { deliveryId: DELIVERY_ID, deliveredItems: DELIVERED_ITEMS, reached: REACHED, deliveredAt: iso },
});
export const confirmed = (confirmedBy = COMMUNITY): DeliveryConfirmed => ({
  type: 'DeliveryConfirmed',
  data: { deliveryId: DELIVERY_ID, confirmedBy, confirmedAt: iso },
});
export const failed = (): DeliveryFailed => ({
  type: 'DeliveryFailed',
  data: { deliveryId: DELIVERY_ID, reason: 'INSECURITY', note: 'Road to Ansongo closed', failedAt: iso },
});
export const cancelled = (): DeliveryCancelled => ({
  type: 'DeliveryCancelled',
  data: { deliveryId: DELIVERY_ID, reason: 'Duplicate of another distribution', cancelledAt: iso },
});
export const corrected = (
  data: Pick<DeliveryCorrected['data'], 'changes' | 'previous'> & Partial<DeliveryCorrected['data']>,
): DeliveryCorrected => ({
  type: 'DeliveryCorrected',
  data: {
    deliveryId: DELIVERY_ID,
    reason: 'Typo in the field report',
    confirmationWithdrawn: false,
    correctedAt: iso,
    ...data,
  },
});

/** One history per place in the lifecycle; FAILED and CANCELLED are reachable two ways. */
export const HISTORIES = {
  PLANNED: [planned()],
  DISPATCHED: [planned(), dispatched()],
  DELIVERED: [planned(), dispatched(), recorded()],
  CONFIRMED: [planned(), dispatched(), recorded(), confirmed()],
  'FAILED from PLANNED': [planned(), failed()],
  'FAILED from DISPATCHED': [planned(), dispatched(), failed()],
  'CANCELLED from PLANNED': [planned(), cancelled()],
  'CANCELLED from DISPATCHED': [planned(), dispatched(), cancelled()],
} satisfies Record<string, AidDeliveryEvent[]>;
export type HistoryName = keyof typeof HISTORIES;
