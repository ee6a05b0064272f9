import {
  AID_DELIVERY_EVENT_TYPES,
  AidDeliveryEvent,
  CorrectableDeliveryFacts,
  DeliveryPlanned,
  EventEnvelope,
  LocationRegistered,
  PeopleReached,
} from '@coord/contracts';
import type { EntityManager } from 'typeorm';
import { executeWhereIn, selectWhereIn, upsertRows } from '../projection/batch-sql';
import type { Projection } from '../projection/projection';

export interface AidDeliveryRow {
  id: string;
  agency_id: string;
  implementing_partner_id: string | null;
  sector: string;
  destination_pcode: string;
  adm1_pcode: string | null;
  adm2_pcode: string | null;
  adm3_pcode: string | null;
  planned_date: string;
  status: string;
  targeted: number;
  reached_women: number | null;
  reached_men: number | null;
  reached_girls: number | null;
  reached_boys: number | null;
  items: string;
  delivered_items: string | null;
  failure_reason: string | null;
  confirmed_by: string | null;
  version: number;
  position: string;
  updated_at: string;
}

const AID_DELIVERIES = {
  table: 'aid_deliveries',
  columns: [
    'id',
    'agency_id',
    'implementing_partner_id',
    'sector',
    'destination_pcode',
    'adm1_pcode',
    'adm2_pcode',
    'adm3_pcode',
    'planned_date',
    'status',
    'targeted',
    'reached_women',
    'reached_men',
    'reached_girls',
    'reached_boys',
    'items',
    'delivered_items',
    'failure_reason',
    'confirmed_by',
    'version',
    'position',
    'updated_at',
  ],
  key: ['id'],
  onConflict: 'update',
  // The stream revision guards the row: a redelivered event never takes it back to an older state.
  updateIf: '"aid_deliveries"."version" < excluded."version"',
} as const;

const WHERE_COLUMNS = ['destination_pcode', 'adm1_pcode', 'adm2_pcode', 'adm3_pcode'];
// SQLite rewrites only the indexes over the columns an UPDATE sets. Who delivers, in which sector
// and on which date never changes after planning, and the destination rarely: a row that stayed
// where it was is updated without touching those indexes.
const LIFECYCLE_COLUMNS = AID_DELIVERIES.columns.filter(
  (column) => !['agency_id', 'implementing_partner_id', 'sector', 'planned_date', ...WHERE_COLUMNS].includes(column),
);
const RELOCATED = { ...AID_DELIVERIES, mutable: [...LIFECYCLE_COLUMNS, ...WHERE_COLUMNS] };
const STAYED = { ...AID_DELIVERIES, mutable: LIFECYCLE_COLUMNS };

type Ancestors = Pick<AidDeliveryRow, 'adm1_pcode' | 'adm2_pcode' | 'adm3_pcode'>;
const NO_ANCESTORS: Ancestors = { adm1_pcode: null, adm2_pcode: null, adm3_pcode: null };

const reachedColumns = (reached: PeopleReached) => ({
  reached_women: reached.women,
  reached_men: reached.men,
  reached_girls: reached.girls,
  reached_boys: reached.boys,
});

const corrected = (row: AidDeliveryRow, changes: CorrectableDeliveryFacts, ancestors: (pcode: string) => Ancestors) => ({
  ...(changes.items ? { items: JSON.stringify(changes.items) } : {}),
  ...(changes.deliveredItems ? { delivered_items: JSON.stringify(changes.deliveredItems) } : {}),
  ...(changes.reached ? reachedColumns(changes.reached) : {}),
  ...(changes.targetedBeneficiaries !== undefined ? { targeted: changes.targetedBeneficiaries } : {}),
  ...(changes.destination && changes.destination !== row.destination_pcode
    ? { destination_pcode: changes.destination, ...ancestors(changes.destination) }
    : {}),
});

const planned = (event: EventEnvelope, data: DeliveryPlanned['data'], ancestors: Ancestors): AidDeliveryRow => ({
  id: event.streamId,
  agency_id: data.agencyId,
  implementing_partner_id: data.implementingPartnerId,
  sector: data.sector,
  destination_pcode: data.destination,
  ...ancestors,
  planned_date: data.plannedDate,
  status: 'PLANNED',
  targeted: data.targetedBeneficiaries,
  reached_women: null,
  reached_men: null,
  reached_girls: null,
  reached_boys: null,
  items: JSON.stringify(data.items),
  delivered_items: null,
  failure_reason: null,
  confirmed_by: null,
  version: event.streamVersion,
  position: event.position,
  updated_at: event.occurredAt,
});

/** The row after one event of its stream; `undefined` while the stream has not been planned. */
const evolve = (
  row: AidDeliveryRow | undefined,
  envelope: EventEnvelope,
  ancestors: (pcode: string) => Ancestors,
): AidDeliveryRow | undefined => {
  const event = { type: envelope.type, data: envelope.data } as AidDeliveryEvent;
  if (event.type === 'DeliveryPlanned') return row ?? planned(envelope, event.data, ancestors(event.data.destination));
  if (!row) return undefined;
  const stamp = { version: envelope.streamVersion, position: envelope.position, updated_at: envelope.occurredAt };
  switch (event.type) {
    case 'DeliveryDispatched':
      return { ...row, ...stamp, status: 'DISPATCHED' };
    case 'DeliveryRecorded':
      return {
        ...row,
        ...stamp,
        status: 'DELIVERED',
        delivered_items: JSON.stringify(event.data.deliveredItems),
        ...reachedColumns(event.data.reached),
      };
    case 'DeliveryConfirmed':
      return { ...row, ...stamp, status: 'CONFIRMED', confirmed_by: event.data.confirmedBy };
    case 'DeliveryFailed':
      return { ...row, ...stamp, status: 'FAILED', failure_reason: event.data.reason };
    case 'DeliveryCancelled':
      return { ...row, ...stamp, status: 'CANCELLED' };
    case 'DeliveryCorrected':
      return {
        ...row,
        ...stamp,
        ...corrected(row, event.data.changes, ancestors),
        // DOMAIN.md: a confirmed delivery whose delivered facts change needs confirming again.
        ...(event.data.confirmationWithdrawn ? { status: 'DELIVERED', confirmed_by: null } : {}),
      };
    default: {
      const unhandled: never = event;
      throw new Error(`aid-deliveries projection cannot apply ${(unhandled as { type: string }).type}`);
    }
  }
};

const destinationsOf = (event: EventEnvelope): string[] => {
  if (event.type === 'DeliveryPlanned') return [(event.data as DeliveryPlanned['data']).destination];
  if (event.type === 'DeliveryCorrected') {
    const destination = (event.data as { changes: CorrectableDeliveryFacts }).changes.destination;
    return destination ? [destination] : [];
  }
  return [];
};

const ANCESTORS_OF_DESTINATION = (['adm1_pcode', 'adm2_pcode', 'adm3_pcode'] as const)
  .map(
    (column) =>
      `"${column}" = (SELECT l."${column}" FROM "locations" l WHERE l."pcode" = "aid_deliveries"."destination_pcode")`,
  )
  .join(', ');

/**
 * One row per delivery, with its destination's ancestors copied from `locations` (so the locations
 * projection runs first in a batch). A location registered after deliveries to it or below it (a
 * gazetteer imported late) refreshes their ancestors.
 */
export class AidDeliveriesProjection implements Projection {
  readonly name = 'aid-deliveries';
  readonly version = 1;
  readonly handles = [...AID_DELIVERY_EVENT_TYPES, 'LocationRegistered'];
  readonly tables = [AID_DELIVERIES.table];

  apply(event: EventEnvelope, manager: EntityManager): Promise<void> {
    return this.applyBatch([event], manager);
  }

  async applyBatch(events: readonly EventEnvelope[], manager: EntityManager): Promise<void> {
    const deliveryEvents = events.filter((event) => event.type !== 'LocationRegistered');
    if (deliveryEvents.length > 0) await this.applyDeliveryEvents(deliveryEvents, manager);
    const registered = events.flatMap((event) =>
      event.type === 'LocationRegistered' ? [(event.data as LocationRegistered['data']).pcode] : [],
    );
    if (registered.length > 0) {
      await executeWhereIn(
        manager,
        `UPDATE "aid_deliveries" SET ${ANCESTORS_OF_DESTINATION} WHERE "destination_pcode" IN (` +
          'SELECT "pcode" FROM "locations" WHERE "pcode" IN (?) OR "adm1_pcode" IN (?) OR "adm2_pcode" IN (?) OR "adm3_pcode" IN (?))',
        registered,
      );
    }
  }

  private async applyDeliveryEvents(events: readonly EventEnvelope[], manager: EntityManager): Promise<void> {
    // A stream whose batch starts at its first event has no row yet, or one that `updateIf` keeps
    // (a redelivery): only the others need their current row to fold onto.
    const startsHere = new Set<string>();
    const continues = new Set<string>();
    for (const event of events) {
      if (startsHere.has(event.streamId) || continues.has(event.streamId)) continue;
      (event.streamVersion === 1 ? startsHere : continues).add(event.streamId);
    }
    const existing = await selectWhereIn<AidDeliveryRow>(
      manager,
      'SELECT * FROM "aid_deliveries" WHERE "id" IN (?)',
      [...continues],
    );
    const locations = await selectWhereIn<Ancestors & { pcode: string }>(
      manager,
      'SELECT "pcode", "adm1_pcode", "adm2_pcode", "adm3_pcode" FROM "locations" WHERE "pcode" IN (?)',
      events.flatMap(destinationsOf),
    );
    const ancestorsByPcode = new Map(locations.map(({ pcode, ...ancestors }) => [pcode, ancestors]));
    const ancestors = (pcode: string): Ancestors => ancestorsByPcode.get(pcode) ?? NO_ANCESTORS;

    const stored = new Map(existing.map((row) => [row.id, row]));
    const rows = new Map(stored);
    const changed = new Set<string>();
    for (const event of events) {
      const row = rows.get(event.streamId);
      if (row && event.streamVersion <= row.version) continue;
      const next = evolve(row, event, ancestors);
      if (!next) continue;
      rows.set(event.streamId, next);
      changed.add(event.streamId);
    }
    const relocated: AidDeliveryRow[] = [];
    const stayed: AidDeliveryRow[] = [];
    for (const id of changed) {
      const row = rows.get(id) as AidDeliveryRow;
      (stored.get(id)?.destination_pcode === row.destination_pcode ? stayed : relocated).push(row);
    }
    await upsertRows(manager, RELOCATED, relocated);
    await upsertRows(manager, STAYED, stayed);
  }
}
