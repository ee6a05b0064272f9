import type { ActionStatus, ActorRef, DeliveryStatus, PeopleReached, Sector } from '@coord/contracts';
import type { DomainEvent } from '@coord/kernel';
import { actionAdded, planDrafted } from './action-plan-events';
import { presenceReported, presenceUpdated, presenceWithdrawn } from './picture-events';
import {
  ACTOR,
  deliveryCancelled,
  deliveryConfirmed,
  deliveryCorrected,
  deliveryDispatched,
  deliveryFailed,
  deliveryPlanned,
  deliveryRecorded,
  GAZETTEER,
  TestEventLog,
} from './read-model-test-kit';

/** One append of a generated history. */
export interface HistoryStep {
  readonly streamId: string;
  readonly event: DomainEvent;
  readonly occurredAt: Date;
}

export const HISTORY_ORGANIZATIONS = ['org-wfp', 'org-unicef', 'org-ngo', 'org-msf'] as const;
export const HISTORY_SECTORS: readonly Sector[] = ['FOOD_SECURITY', 'HEALTH', 'WASH', 'SHELTER'];
const PLACES = GAZETTEER.map((event) => (event.data as { pcode: string }).pcode);
/** Not in the gazetteer: a presence files it under its region. */
export const UNKNOWN_PCODE = 'ML0299';

/** A small deterministic generator (mulberry32): the same seed gives the same history. */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A random history of the records the picture counts: deliveries through every lifecycle with
 * corrections (destination, people reached, targeted; confirmations withdrawn), cancellations and
 * failures; operational presences reported, updated and withdrawn, some at P-codes the gazetteer
 * does not know; action plans drafted, amended, sent back, approved, progressed and closed. Clocks
 * move forward by 0–3 minutes a step, so several events often share an instant.
 */
export const generateHistory = (seed: number, steps: number, start = Date.parse('2026-03-01T00:00:00.000Z')): HistoryStep[] => {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const integer = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  const date = () => `2026-${pad(integer(1, 6))}-${pad(integer(1, 28))}`;
  const people = (): PeopleReached => ({ women: integer(0, 20), men: integer(0, 20), girls: integer(0, 20), boys: integer(0, 20) });

  const history: HistoryStep[] = [];
  let clock = start;
  const emit = (streamId: string, event: DomainEvent) => {
    clock += integer(0, 3) * 60_000;
    history.push({ streamId, event, occurredAt: new Date(clock) });
  };

  const deliveries: { id: string; status: DeliveryStatus; destination: string; reached: PeopleReached | null; targeted: number }[] = [];
  const presences: { id: string; withdrawn: boolean }[] = [];
  const plans: { id: string; status: string; actions: { id: string; status: ActionStatus; removed: boolean }[] }[] = [];

  // Every history holds an agreed plan with an action under way, whatever the dice say next.
  const agreed = { id: 'ActionPlan-0', status: 'APPROVED', actions: [{ id: 'ActionPlan-0-a1', status: 'IN_PROGRESS' as ActionStatus, removed: false }] };
  plans.push(agreed);
  emit(agreed.id, planDrafted(agreed.id));
  emit(agreed.id, actionAdded(agreed.id, 'ActionPlan-0-a1', { responsibleId: pick(HISTORY_ORGANIZATIONS), sector: pick(HISTORY_SECTORS), adminCode: pick(PLACES) }));
  emit(agreed.id, { type: 'ActionPlanSubmitted', data: { planId: agreed.id, submittedAt: '2026-03-01T00:00:00.000Z' } });
  emit(agreed.id, { type: 'ActionPlanApproved', data: { planId: agreed.id, reviewerId: 'org-gov', comment: null, approvedAt: '2026-03-01T00:00:00.000Z' } });
  emit(agreed.id, {
    type: 'ActionProgressReported',
    data: { planId: agreed.id, actionId: 'ActionPlan-0-a1', status: 'IN_PROGRESS', previousStatus: 'PLANNED', actual: null, previousActual: null, note: null, reportedAt: '2026-03-01T00:00:00.000Z' },
  });

  // And a presence at a P-code the gazetteer does not know, filed under its region.
  presences.push({ id: 'Presence-0', withdrawn: false });
  emit('Presence-0', presenceReported({ presenceId: 'Presence-0', organizationId: pick(HISTORY_ORGANIZATIONS), sector: pick(HISTORY_SECTORS), location: UNKNOWN_PCODE, parentLocation: 'ML02', locationUnknown: true }));

  for (let step = 0; step < steps; step += 1) {
    const roll = random();
    if (roll < 0.2 || deliveries.length === 0) {
      const id = `AidDelivery-${deliveries.length + 1}`;
      const planned = { id, status: 'PLANNED' as DeliveryStatus, destination: pick(PLACES), reached: null, targeted: integer(10, 500) };
      deliveries.push(planned);
      const agencyId = pick(HISTORY_ORGANIZATIONS);
      emit(id, deliveryPlanned({
        deliveryId: id,
        agencyId,
        implementingPartnerId: random() < 0.3 ? pick(HISTORY_ORGANIZATIONS.filter((org) => org !== agencyId)) : null,
        sector: pick(HISTORY_SECTORS),
        destination: planned.destination,
        plannedDate: date(),
        targetedBeneficiaries: planned.targeted,
      }));
    } else if (roll < 0.55) {
      const delivery = pick(deliveries);
      const { id } = delivery;
      const correct = () => {
        const changes: { destination?: string; targetedBeneficiaries?: number; reached?: PeopleReached } = {};
        if (random() < 0.5) changes.destination = pick(PLACES.filter((place) => place !== delivery.destination));
        if (random() < 0.5) changes.targetedBeneficiaries = integer(10, 500);
        if (delivery.reached && random() < 0.6) changes.reached = people();
        if (Object.keys(changes).length === 0) changes.targetedBeneficiaries = delivery.targeted + 1;
        const withdrawn = delivery.status === 'CONFIRMED' && changes.reached !== undefined;
        emit(id, deliveryCorrected(id, changes, {}, withdrawn));
        delivery.destination = changes.destination ?? delivery.destination;
        delivery.targeted = changes.targetedBeneficiaries ?? delivery.targeted;
        delivery.reached = changes.reached ?? delivery.reached;
        if (withdrawn) delivery.status = 'DELIVERED';
      };
      const advance = (status: DeliveryStatus, event: DomainEvent) => {
        emit(id, event);
        delivery.status = status;
      };
      const move = random();
      switch (delivery.status) {
        case 'PLANNED':
          if (move < 0.6) advance('DISPATCHED', deliveryDispatched(id));
          else if (move < 0.8) advance('CANCELLED', deliveryCancelled(id));
          else correct();
          break;
        case 'DISPATCHED':
          if (move < 0.7) {
            delivery.reached = people();
            advance('DELIVERED', deliveryRecorded(id, delivery.reached));
          } else if (move < 0.85) advance('FAILED', deliveryFailed(id, 'INSECURITY'));
          else advance('CANCELLED', deliveryCancelled(id));
          break;
        case 'DELIVERED':
          if (move < 0.6) advance('CONFIRMED', deliveryConfirmed(id, 'org-community'));
          else correct();
          break;
        case 'CONFIRMED':
          correct();
          break;
        default:
          break;
      }
    } else if (roll < 0.75) {
      const presence = presences.length > 0 && random() < 0.5 ? pick(presences) : undefined;
      if (!presence) {
        const id = `Presence-${presences.length + 1}`;
        presences.push({ id, withdrawn: false });
        const unknown = random() < 0.15;
        const start = random() < 0.2 ? null : date();
        emit(id, presenceReported({
          presenceId: id,
          organizationId: pick(HISTORY_ORGANIZATIONS),
          sector: random() < 0.1 ? null : pick(HISTORY_SECTORS),
          location: unknown ? UNKNOWN_PCODE : pick(PLACES),
          parentLocation: unknown ? 'ML02' : null,
          locationUnknown: unknown,
          periodStart: start,
          periodEnd: start && random() < 0.8 ? `2026-${pad(integer(7, 12))}-15` : null,
          targeted: random() < 0.2 ? null : integer(0, 900),
          reached: random() < 0.3 ? null : integer(0, 900),
        }));
      } else if (!presence.withdrawn && random() < 0.7) {
        emit(presence.id, presenceUpdated(presence.id, integer(0, 900), random() < 0.2 ? null : integer(0, 900)));
      } else if (!presence.withdrawn) {
        emit(presence.id, presenceWithdrawn(presence.id));
        presence.withdrawn = true;
      }
    } else {
      const plan = plans.length > 0 && random() < 0.8 ? pick(plans) : undefined;
      if (!plan) {
        const id = `ActionPlan-${plans.length + 1}`;
        plans.push({ id, status: 'DRAFT', actions: [] });
        emit(id, planDrafted(id));
        continue;
      }
      const live = plan.actions.filter((action) => !action.removed);
      const editable = plan.status === 'DRAFT' || plan.status === 'CHANGES_REQUESTED';
      const move = random();
      if (editable && (move < 0.4 || live.length === 0)) {
        const actionId = `${plan.id}-a${plan.actions.length + 1}`;
        plan.actions.push({ id: actionId, status: 'PLANNED', removed: false });
        emit(plan.id, actionAdded(plan.id, actionId, { responsibleId: pick(HISTORY_ORGANIZATIONS), sector: pick(HISTORY_SECTORS), adminCode: pick(PLACES), dueDate: date() }));
      } else if (editable && move < 0.55) {
        const action = pick(live);
        emit(plan.id, {
          type: 'ActionAmended',
          data: { planId: plan.id, actionId: action.id, changes: { sector: pick(HISTORY_SECTORS), adminCode: pick(PLACES), startDate: date() }, previous: {}, amendedAt: '2026-03-01T00:00:00.000Z' },
        });
      } else if (editable && move < 0.62) {
        const action = pick(live);
        action.removed = true;
        emit(plan.id, { type: 'ActionRemoved', data: { planId: plan.id, actionId: action.id, reason: null, removedAt: '2026-03-01T00:00:00.000Z' } });
      } else if (editable) {
        plan.status = 'SUBMITTED';
        emit(plan.id, { type: 'ActionPlanSubmitted', data: { planId: plan.id, submittedAt: '2026-03-01T00:00:00.000Z' } });
      } else if (plan.status === 'SUBMITTED') {
        plan.status = move < 0.7 ? 'APPROVED' : 'CHANGES_REQUESTED';
        emit(plan.id, plan.status === 'APPROVED'
          ? { type: 'ActionPlanApproved', data: { planId: plan.id, reviewerId: 'org-gov', comment: null, approvedAt: '2026-03-01T00:00:00.000Z' } }
          : { type: 'ActionPlanChangesRequested', data: { planId: plan.id, reviewerId: 'org-gov', comment: 'more', requestedAt: '2026-03-01T00:00:00.000Z' } });
      } else if (plan.status === 'APPROVED' && move < 0.85 && live.some((action) => action.status !== 'DONE' && action.status !== 'CANCELLED')) {
        const action = pick(live.filter((candidate) => candidate.status !== 'DONE' && candidate.status !== 'CANCELLED'));
        const status = pick<ActionStatus>(['IN_PROGRESS', 'IN_PROGRESS', 'DONE', 'BLOCKED', 'CANCELLED']);
        emit(plan.id, {
          type: 'ActionProgressReported',
          data: { planId: plan.id, actionId: action.id, status, previousStatus: action.status, actual: null, previousActual: null, note: null, reportedAt: '2026-03-01T00:00:00.000Z' },
        });
        action.status = status;
      } else if (plan.status === 'APPROVED') {
        plan.status = 'CLOSED';
        emit(plan.id, { type: 'ActionPlanClosed', data: { planId: plan.id, closedAt: '2026-03-01T00:00:00.000Z' } });
      }
    }
  }
  return history;
};

/** Writes the gazetteer, then the history, through the real event store. */
export const appendHistory = async (log: TestEventLog, history: readonly HistoryStep[], actor: ActorRef = ACTOR): Promise<void> => {
  for (const location of GAZETTEER) {
    await log.store.append(`Location-${(location.data as { pcode: string }).pcode}`, [location], {
      expectedVersion: 0,
      actor,
      occurredAt: new Date('2026-01-01T00:00:00.000Z'),
    });
  }
  const versions = new Map<string, number>();
  for (const { streamId, event, occurredAt } of history) {
    const version = versions.get(streamId) ?? 0;
    await log.store.append(streamId, [event], { expectedVersion: version, actor, occurredAt });
    versions.set(streamId, version + 1);
  }
};
