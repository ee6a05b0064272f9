import type {
  AidDeliveryEvent,
  ActionPlanEvent,
  ActionPlanStatus,
  ActionStatus,
  OperationalPresenceEvent,
  PeopleReached,
} from '@coord/contracts';
import type { FactFigures } from './picture-fact';

/*
 * How each kind of record folds into what the picture counts. Pure functions of the previous state
 * and one event; the projection persists the result.
 */

const total = (people: PeopleReached): number => people.women + people.men + people.girls + people.boys;

/**
 * A delivery's figures after one of its events; its open fact is its whole state. Every status
 * counts as a delivery (a filter on status narrows it); people reached count once recorded.
 */
export const evolveDelivery = (current: FactFigures | undefined, event: AidDeliveryEvent): FactFigures | undefined => {
  if (event.type === 'DeliveryPlanned') {
    const { data } = event;
    return (
      current ?? {
        kind: 'DELIVERY',
        organization_id: data.agencyId,
        partner_id: data.implementingPartnerId,
        sector: data.sector,
        location_pcode: data.destination,
        date_start: data.plannedDate,
        date_end: data.plannedDate,
        status: 'PLANNED',
        deliveries: 1,
        presences: 0,
        actions: 0,
        actions_in_progress: 0,
        targeted: data.targetedBeneficiaries,
        reached: 0,
      }
    );
  }
  if (!current) return undefined;
  switch (event.type) {
    case 'DeliveryDispatched':
      return { ...current, status: 'DISPATCHED' };
    case 'DeliveryRecorded':
      return { ...current, status: 'DELIVERED', reached: total(event.data.reached) };
    case 'DeliveryConfirmed':
      return { ...current, status: 'CONFIRMED' };
    case 'DeliveryFailed':
      return { ...current, status: 'FAILED' };
    case 'DeliveryCancelled':
      return { ...current, status: 'CANCELLED' };
    case 'DeliveryCorrected': {
      const { changes, confirmationWithdrawn } = event.data;
      return {
        ...current,
        ...(changes.reached ? { reached: total(changes.reached) } : {}),
        ...(changes.targetedBeneficiaries !== undefined ? { targeted: changes.targetedBeneficiaries } : {}),
        ...(changes.destination ? { location_pcode: changes.destination } : {}),
        // DOMAIN.md: a confirmed delivery whose delivered facts change needs confirming again.
        ...(confirmationWithdrawn ? { status: 'DELIVERED' } : {}),
      };
    }
    default: {
      const unhandled: never = event;
      throw new Error(`picture cannot apply ${(unhandled as { type: string }).type}`);
    }
  }
};

export interface PresenceState {
  readonly kind: 'PRESENCE';
  readonly organizationId: string;
  /** Null when the source names no sector. */
  readonly sector: string | null;
  readonly location: string;
  /** The code one level up as the source gave it: where an unknown P-code lies. */
  readonly parentLocation: string | null;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  readonly targeted: number | null;
  readonly reached: number | null;
  readonly withdrawn: boolean;
}

export const evolvePresence = (state: PresenceState | undefined, event: OperationalPresenceEvent): PresenceState | undefined => {
  switch (event.type) {
    case 'OperationalPresenceReported': {
      const { data } = event;
      return {
        kind: 'PRESENCE',
        organizationId: data.organizationId,
        sector: data.sector,
        location: data.location,
        parentLocation: data.parentLocation,
        periodStart: data.periodStart,
        periodEnd: data.periodEnd,
        targeted: data.targeted,
        reached: data.reached,
        withdrawn: false,
      };
    }
    case 'OperationalPresenceUpdated':
      return state && { ...state, targeted: event.data.targeted, reached: event.data.reached };
    case 'OperationalPresenceWithdrawn':
      return state && { ...state, withdrawn: true };
    default: {
      const unhandled: never = event;
      throw new Error(`picture cannot apply ${(unhandled as { type: string }).type}`);
    }
  }
};

/** A withdrawn presence leaves the picture; figures unknown to the report count as 0. */
export const presenceFigures = (state: PresenceState): FactFigures | undefined =>
  state.withdrawn
    ? undefined
    : {
        kind: 'PRESENCE',
        organization_id: state.organizationId,
        partner_id: null,
        sector: state.sector,
        location_pcode: state.location,
        date_start: state.periodStart,
        date_end: state.periodEnd,
        status: null,
        deliveries: 0,
        presences: 1,
        actions: 0,
        actions_in_progress: 0,
        targeted: state.targeted ?? 0,
        reached: state.reached ?? 0,
      };

export interface PlanState {
  readonly kind: 'PLAN';
  readonly status: ActionPlanStatus;
}

export interface ActionState {
  readonly kind: 'ACTION';
  readonly responsibleId: string;
  readonly sector: string;
  readonly location: string;
  readonly startDate: string;
  readonly dueDate: string;
  readonly status: ActionStatus;
  readonly removed: boolean;
}

export type PictureRecordState = PresenceState | PlanState | ActionState;

export interface PlanRecords {
  plan: PlanState | undefined;
  readonly actions: Map<string, ActionState>;
}

/** Folds one plan event into the plan and its actions, in place. */
export const evolvePlan = (records: PlanRecords, event: ActionPlanEvent): void => {
  if (event.type === 'ActionPlanDrafted') {
    records.plan ??= { kind: 'PLAN', status: 'DRAFT' };
    return;
  }
  if (!records.plan) return;
  const action = 'actionId' in event.data ? records.actions.get(event.data.actionId) : undefined;
  switch (event.type) {
    case 'ActionAdded': {
      const { data } = event;
      records.actions.set(data.actionId, {
        kind: 'ACTION',
        responsibleId: data.responsibleId,
        sector: data.sector,
        location: data.adminCode,
        startDate: data.startDate,
        dueDate: data.dueDate,
        status: 'PLANNED',
        removed: false,
      });
      return;
    }
    case 'ActionAmended': {
      if (!action) return;
      const { changes } = event.data;
      records.actions.set(event.data.actionId, {
        ...action,
        ...(changes.responsibleId !== undefined ? { responsibleId: changes.responsibleId } : {}),
        ...(changes.sector !== undefined ? { sector: changes.sector } : {}),
        ...(changes.adminCode !== undefined ? { location: changes.adminCode } : {}),
        ...(changes.startDate !== undefined ? { startDate: changes.startDate } : {}),
        ...(changes.dueDate !== undefined ? { dueDate: changes.dueDate } : {}),
      });
      return;
    }
    case 'ActionRemoved':
      if (action) records.actions.set(event.data.actionId, { ...action, removed: true });
      return;
    case 'ActionProgressReported':
      if (action) records.actions.set(event.data.actionId, { ...action, status: event.data.status });
      return;
    case 'ActionPlanSubmitted':
      records.plan = { kind: 'PLAN', status: 'SUBMITTED' };
      return;
    case 'ActionPlanApproved':
      records.plan = { kind: 'PLAN', status: 'APPROVED' };
      return;
    case 'ActionPlanChangesRequested':
      records.plan = { kind: 'PLAN', status: 'CHANGES_REQUESTED' };
      return;
    case 'ActionPlanClosed':
      records.plan = { kind: 'PLAN', status: 'CLOSED' };
      return;
    case 'ActionPlanAmended':
      return;
    default: {
      const unhandled: never = event;
      throw new Error(`picture cannot apply ${(unhandled as { type: string }).type}`);
    }
  }
};

/**
 * An action is in the picture once its plan has been approved (agreed with the host government),
 * closed or not, unless cancelled or removed; it is in progress only while its plan is still open.
 */
export const actionFigures = (action: ActionState, plan: PlanState): FactFigures | undefined => {
  if (action.removed || action.status === 'CANCELLED') return undefined;
  if (plan.status !== 'APPROVED' && plan.status !== 'CLOSED') return undefined;
  return {
    kind: 'ACTION',
    organization_id: action.responsibleId,
    partner_id: null,
    sector: action.sector,
    location_pcode: action.location,
    date_start: action.startDate,
    date_end: action.dueDate,
    status: null,
    deliveries: 0,
    presences: 0,
    actions: 1,
    actions_in_progress: plan.status === 'APPROVED' && action.status === 'IN_PROGRESS' ? 1 : 0,
    targeted: 0,
    reached: 0,
  };
};
