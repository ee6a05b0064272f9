import type { DeliveryStatus, EventEnvelope, PeopleReached, Sector } from '@coord/contracts';
import type { PictureDimension, PictureFilter, PictureRowView } from '../picture/picture.views';

/*
 * An independent account of the shared picture for tests: the log cut at an instant, folded in
 * plain TypeScript and summed in memory. It shares no code with the projection or the queries, so
 * that the two can only agree by both being right.
 */

interface Counted {
  readonly organizationId: string;
  readonly partnerId: string | null;
  readonly sector: string | null;
  readonly location: string;
  /** Where an unknown P-code lies, as its source said. */
  readonly filedUnder: string | null;
  readonly dateStart: string | null;
  readonly dateEnd: string | null;
  readonly status: string | null;
  readonly deliveries: number;
  readonly presences: number;
  readonly actions: number;
  readonly actionsInProgress: number;
  readonly targeted: number;
  readonly reached: number;
}

type Gazetteer = Map<string, { level: number; parent: string | null }>;

const sum = (people: PeopleReached) => people.women + people.men + people.girls + people.boys;

/** Every record that counts in the picture after the events that occurred at or before `instant` (all when null). */
export const recordsAt = (events: readonly EventEnvelope[], instant: string | null): Counted[] => {
  const deliveries = new Map<string, Counted>();
  const presences = new Map<string, Counted & { withdrawn: boolean }>();
  const plans = new Map<string, { status: string; actions: Map<string, { responsible: string; sector: string; location: string; start: string; due: string; status: string; removed: boolean }> }>();
  for (const event of events) {
    if (instant !== null && event.occurredAt > instant) continue;
    const data = event.data as any;
    const delivery = deliveries.get(event.streamId);
    const presence = presences.get(event.streamId);
    const plan = plans.get(event.streamId);
    switch (event.type) {
      case 'DeliveryPlanned':
        deliveries.set(event.streamId, {
          organizationId: data.agencyId, partnerId: data.implementingPartnerId, sector: data.sector, location: data.destination, filedUnder: null,
          dateStart: data.plannedDate, dateEnd: data.plannedDate, status: 'PLANNED', deliveries: 1, presences: 0, actions: 0, actionsInProgress: 0,
          targeted: data.targetedBeneficiaries, reached: 0,
        });
        break;
      case 'DeliveryDispatched':
      case 'DeliveryConfirmed':
      case 'DeliveryFailed':
      case 'DeliveryCancelled': {
        const status = { DeliveryDispatched: 'DISPATCHED', DeliveryConfirmed: 'CONFIRMED', DeliveryFailed: 'FAILED', DeliveryCancelled: 'CANCELLED' }[event.type];
        if (delivery) deliveries.set(event.streamId, { ...delivery, status });
        break;
      }
      case 'DeliveryRecorded':
        if (delivery) deliveries.set(event.streamId, { ...delivery, status: 'DELIVERED', reached: sum(data.reached) });
        break;
      case 'DeliveryCorrected': {
        if (!delivery) break;
        const { changes } = data;
        deliveries.set(event.streamId, {
          ...delivery,
          location: changes.destination ?? delivery.location,
          targeted: changes.targetedBeneficiaries ?? delivery.targeted,
          reached: changes.reached ? sum(changes.reached) : delivery.reached,
          status: data.confirmationWithdrawn ? 'DELIVERED' : delivery.status,
        });
        break;
      }
      case 'OperationalPresenceReported':
        presences.set(event.streamId, {
          organizationId: data.organizationId, partnerId: null, sector: data.sector, location: data.location, filedUnder: data.parentLocation,
          dateStart: data.periodStart, dateEnd: data.periodEnd, status: null, deliveries: 0, presences: 1, actions: 0, actionsInProgress: 0,
          targeted: data.targeted ?? 0, reached: data.reached ?? 0, withdrawn: false,
        });
        break;
      case 'OperationalPresenceUpdated':
        if (presence) presences.set(event.streamId, { ...presence, targeted: data.targeted ?? 0, reached: data.reached ?? 0 });
        break;
      case 'OperationalPresenceWithdrawn':
        if (presence) presences.set(event.streamId, { ...presence, withdrawn: true });
        break;
      case 'ActionPlanDrafted':
        plans.set(event.streamId, { status: 'DRAFT', actions: new Map() });
        break;
      case 'ActionAdded':
        plan?.actions.set(data.actionId, { responsible: data.responsibleId, sector: data.sector, location: data.adminCode, start: data.startDate, due: data.dueDate, status: 'PLANNED', removed: false });
        break;
      case 'ActionAmended': {
        const action = plan?.actions.get(data.actionId);
        if (!action) break;
        const { changes } = data;
        Object.assign(action, {
          responsible: changes.responsibleId ?? action.responsible,
          sector: changes.sector ?? action.sector,
          location: changes.adminCode ?? action.location,
          start: changes.startDate ?? action.start,
          due: changes.dueDate ?? action.due,
        });
        break;
      }
      case 'ActionRemoved': {
        const action = plan?.actions.get(data.actionId);
        if (action) action.removed = true;
        break;
      }
      case 'ActionProgressReported': {
        const action = plan?.actions.get(data.actionId);
        if (action) action.status = data.status;
        break;
      }
      case 'ActionPlanSubmitted':
      case 'ActionPlanApproved':
      case 'ActionPlanChangesRequested':
      case 'ActionPlanClosed':
        if (plan) {
          plan.status = { ActionPlanSubmitted: 'SUBMITTED', ActionPlanApproved: 'APPROVED', ActionPlanChangesRequested: 'CHANGES_REQUESTED', ActionPlanClosed: 'CLOSED' }[event.type];
        }
        break;
      default:
        break;
    }
  }
  const actions: Counted[] = [];
  for (const plan of plans.values()) {
    if (plan.status !== 'APPROVED' && plan.status !== 'CLOSED') continue;
    for (const action of plan.actions.values()) {
      if (action.removed || action.status === 'CANCELLED') continue;
      actions.push({
        organizationId: action.responsible, partnerId: null, sector: action.sector, location: action.location, filedUnder: null,
        dateStart: action.start, dateEnd: action.due, status: null, deliveries: 0, presences: 0, actions: 1,
        actionsInProgress: plan.status === 'APPROVED' && action.status === 'IN_PROGRESS' ? 1 : 0, targeted: 0, reached: 0,
      });
    }
  }
  return [...deliveries.values(), ...[...presences.values()].filter((presence) => !presence.withdrawn), ...actions];
};

const gazetteerOf = (events: readonly EventEnvelope[]): Gazetteer =>
  new Map(
    events
      .filter((event) => event.type === 'LocationRegistered')
      .map((event) => {
        const data = event.data as { pcode: string; level: number; parentPcode: string | null };
        return [data.pcode, { level: data.level, parent: data.parentPcode }];
      }),
  );

/** [country, adm1, adm2, adm3] of a place, by walking up its parents. */
const ancestors = (gazetteer: Gazetteer, pcode: string | null): (string | null)[] => {
  const chain: (string | null)[] = [null, null, null, null];
  let current = pcode;
  while (current !== null && gazetteer.has(current)) {
    const place = gazetteer.get(current)!;
    if (place.level >= 0 && place.level <= 3) chain[place.level] = current;
    current = place.parent;
  }
  return chain;
};

const LEVELS: Partial<Record<PictureDimension, number>> = { ADM1: 1, ADM2: 2, ADM3: 3 };

/** The who-what-where of the log cut at `instant`, computed in memory. */
export const expectedPicture = (
  events: readonly EventEnvelope[],
  instant: string | null,
  filter: PictureFilter,
  groupBy: readonly PictureDimension[],
): PictureRowView[] => {
  const gazetteer = gazetteerOf(events);
  const finest = Math.max(-1, ...groupBy.map((dimension) => LEVELS[dimension] ?? -1));
  const rows = new Map<string, PictureRowView>();
  for (const record of recordsAt(events, instant)) {
    const areas = gazetteer.has(record.location) ? ancestors(gazetteer, record.location) : ancestors(gazetteer, record.filedUnder);
    if (filter.adminCode != null) {
      const level = gazetteer.get(filter.adminCode)?.level;
      const inside = level !== undefined && level <= 3 ? areas[level] === filter.adminCode : record.location === filter.adminCode;
      if (!inside) continue;
    }
    if (filter.sector != null && record.sector !== filter.sector) continue;
    if (filter.organizationId != null && record.organizationId !== filter.organizationId && record.partnerId !== filter.organizationId) continue;
    if (filter.from != null && record.dateEnd !== null && record.dateEnd < filter.from) continue;
    if (filter.to != null && record.dateStart !== null && record.dateStart > filter.to) continue;
    if (filter.status && filter.status.length > 0 && !filter.status.includes(record.status as string)) continue;
    const row = {
      organizationId: groupBy.includes('ORGANIZATION') ? record.organizationId : null,
      sector: groupBy.includes('SECTOR') ? (record.sector as Sector | null) : null,
      countryPcode: finest >= 0 ? areas[0] : null,
      adm1Pcode: finest >= 1 ? areas[1] : null,
      adm2Pcode: finest >= 2 ? areas[2] : null,
      adm3Pcode: finest >= 3 ? areas[3] : null,
      locationPcode: finest >= 1 ? areas[finest] : null,
      month: groupBy.includes('MONTH') ? (record.dateStart?.slice(0, 7) ?? null) : null,
      status: groupBy.includes('STATUS') ? (record.status as DeliveryStatus | null) : null,
    };
    const key = JSON.stringify(row);
    const total = rows.get(key) ?? { ...row, deliveries: 0, targeted: 0, reached: 0, actionsInProgress: 0, presences: 0, actions: 0 };
    rows.set(key, {
      ...total,
      deliveries: total.deliveries + record.deliveries,
      targeted: total.targeted + record.targeted,
      reached: total.reached + record.reached,
      actionsInProgress: total.actionsInProgress + record.actionsInProgress,
      presences: total.presences + record.presences,
      actions: total.actions + record.actions,
    });
  }
  const order = ['organizationId', 'sector', 'countryPcode', 'adm1Pcode', 'adm2Pcode', 'adm3Pcode', 'month', 'status'] as const;
  return [...rows.values()].sort((a, b) => {
    for (const key of order) {
      if (a[key] === b[key]) continue;
      if (a[key] === null) return -1;
      if (b[key] === null) return 1;
      return (a[key] as string) < (b[key] as string) ? -1 : 1;
    }
    return 0;
  });
};
