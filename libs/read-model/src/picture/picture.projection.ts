import {
  ACTION_PLAN_EVENT_TYPES,
  AID_DELIVERY_EVENT_TYPES,
  OPERATIONAL_PRESENCE_EVENT_TYPES,
  type ActionPlanEvent,
  type AidDeliveryEvent,
  type EventEnvelope,
  type LocationRegistered,
  type OperationalPresenceEvent,
} from '@coord/contracts';
import type { EntityManager } from 'typeorm';
import { selectWhereIn, upsertRows } from '../projection/batch-sql';
import type { Projection } from '../projection/projection';
import { ancestorsOfPlace, placesByPcode } from './picture-ancestors';
import { refreshPictureAncestors } from './picture-ancestors.refresh';
import { Ancestors, FACT_COLUMNS, FactFigures, monthOf, NO_ANCESTORS, PictureFactRow, sameFigures } from './picture-fact';
import {
  actionFigures,
  evolveDelivery,
  evolvePlan,
  evolvePresence,
  PictureRecordState,
  PlanRecords,
  PresenceState,
  presenceFigures,
} from './picture-record.state';
import { applyRollupDeltas, RollupDeltas } from './picture-rollups';

interface RecordRow {
  stream_id: string;
  record_id: string;
  version: number;
  occurred_at: string;
  state: string;
}

const FACTS = {
  table: 'picture_facts',
  columns: FACT_COLUMNS,
  key: ['stream_id', 'record_id', 'seq'],
  onConflict: 'update',
  // A stored version only ever closes.
  mutable: ['valid_to', 'closed_position'],
} as const;

const RECORDS = {
  table: 'picture_records',
  columns: ['stream_id', 'record_id', 'version', 'occurred_at', 'state'],
  key: ['stream_id', 'record_id'],
  onConflict: 'update',
} as const;

const DELIVERY_TYPES = new Set<string>(AID_DELIVERY_EVENT_TYPES);
const PRESENCE_TYPES = new Set<string>(OPERATIONAL_PRESENCE_EVENT_TYPES);

const recordKey = (streamId: string, recordId: string) => `${streamId}\u0000${recordId}`;
const laterOf = (a: string, b: string) => (a > b ? a : b);

/** The P-codes an event names, whose ancestors its new versions need. */
const pcodesOf = (event: EventEnvelope): string[] => {
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'DeliveryPlanned':
      return [data.destination as string];
    case 'DeliveryCorrected': {
      const destination = (data.changes as { destination?: string }).destination;
      return destination ? [destination] : [];
    }
    case 'OperationalPresenceReported':
      return [data.location as string, ...(data.parentLocation ? [data.parentLocation as string] : [])];
    case 'ActionAdded':
      return [data.adminCode as string];
    case 'ActionAmended': {
      const adminCode = (data.changes as { adminCode?: string }).adminCode;
      return adminCode ? [adminCode] : [];
    }
    default:
      return [];
  }
};

/** A presence's or plan's records as the batch folds them. */
interface StreamRecords {
  version: number;
  occurredAt: string;
  presence?: PresenceState;
  plan?: PlanRecords;
  readonly changed: Set<string>;
}

/**
 * The shared picture (DOMAIN.md "The shared picture"): every delivery, operational presence and
 * agreed action as versioned facts, and the current picture summed into rollups. Events at or below
 * what a record has applied are skipped (a delivery's open fact carries the revision that opened it;
 * a presence or plan keeps its revision in `picture_records`), so a redelivery changes nothing.
 * Ancestors come from `locations`, which the locations projection fills earlier in the same batch.
 */
export class PictureProjection implements Projection {
  readonly name = 'picture';
  // 2: the `regions` rollup.
  readonly version = 2;
  readonly handles = [...AID_DELIVERY_EVENT_TYPES, ...OPERATIONAL_PRESENCE_EVENT_TYPES, ...ACTION_PLAN_EVENT_TYPES, 'LocationRegistered'];
  readonly tables = ['picture_facts', 'picture_records', 'picture_rollups'];

  apply(event: EventEnvelope, manager: EntityManager): Promise<void> {
    return this.applyBatch([event], manager);
  }

  async applyBatch(events: readonly EventEnvelope[], manager: EntityManager): Promise<void> {
    const recordEvents = events.filter((event) => event.type !== 'LocationRegistered');
    if (recordEvents.length > 0) await this.applyRecordEvents(recordEvents, manager);
    const registered = events.flatMap((event) =>
      event.type === 'LocationRegistered' ? [(event.data as LocationRegistered['data']).pcode] : [],
    );
    if (registered.length > 0) await refreshPictureAncestors(manager, registered);
  }

  private async applyRecordEvents(events: readonly EventEnvelope[], manager: EntityManager): Promise<void> {
    // Every stream's stored rows, even for a batch that starts at its first event: that may be a
    // redelivery, which only the stored revision tells apart.
    const streamIds = [...new Set(events.map((event) => event.streamId))];
    const deliveryStreams = new Set(events.filter((event) => DELIVERY_TYPES.has(event.type)).map((event) => event.streamId));
    const openRows = await selectWhereIn<PictureFactRow>(manager, 'SELECT * FROM "picture_facts" WHERE "valid_to" IS NULL AND "stream_id" IN (?)', streamIds);
    const recordRows = await selectWhereIn<RecordRow>(
      manager,
      'SELECT * FROM "picture_records" WHERE "stream_id" IN (?)',
      streamIds.filter((streamId) => !deliveryStreams.has(streamId)),
    );

    const open = new Map<string, PictureFactRow>();
    const ancestors = new Map<string, Ancestors>();
    for (const row of openRows) {
      const fact = { ...row, seq: Number(row.seq) };
      open.set(recordKey(row.stream_id, row.record_id), fact);
      // Stored versions carry their place's ancestors: no need to look them up again.
      ancestors.set(row.location_pcode, {
        adm0_pcode: row.adm0_pcode,
        adm1_pcode: row.adm1_pcode,
        adm2_pcode: row.adm2_pcode,
        adm3_pcode: row.adm3_pcode,
      });
    }
    const initial = new Map(open);
    const streams = this.streamRecords(recordRows);
    const wanted = new Set(events.flatMap(pcodesOf));
    for (const records of streams.values()) {
      for (const action of records.plan?.actions.values() ?? []) wanted.add(action.location);
      if (records.presence) wanted.add(records.presence.location);
      if (records.presence?.parentLocation) wanted.add(records.presence.parentLocation);
    }
    for (const [pcode, place] of await placesByPcode(manager, [...wanted].filter((pcode) => !ancestors.has(pcode)))) {
      ancestors.set(pcode, ancestorsOfPlace(place));
    }

    const written = new Map<string, PictureFactRow>();
    /**
     * Closes the record's standing version and opens one with the new figures, unless they count
     * the same. A P-code the gazetteer does not know takes the ancestors of `parentPcode`, where the
     * source filed it.
     */
    const transition = (event: EventEnvelope, recordId: string, figures: FactFigures | undefined, at: string, parentPcode: string | null = null) => {
      const key = recordKey(event.streamId, recordId);
      const current = open.get(key);
      if (current && figures && sameFigures(current, figures)) return;
      if (current) {
        const closed = { ...current, valid_to: at, closed_position: event.position };
        written.set(`${key}\u0000${closed.seq}`, closed);
        open.delete(key);
      }
      if (figures) {
        const opened: PictureFactRow = {
          ...figures,
          ...(ancestors.get(figures.location_pcode) ?? (parentPcode ? ancestors.get(parentPcode) : undefined) ?? NO_ANCESTORS),
          stream_id: event.streamId,
          record_id: recordId,
          seq: event.streamVersion,
          month: monthOf(figures.date_start),
          valid_from: at,
          valid_to: null,
          opened_position: event.position,
          closed_position: null,
        };
        written.set(`${key}\u0000${opened.seq}`, opened);
        open.set(key, opened);
      }
    };

    for (const event of events) {
      if (DELIVERY_TYPES.has(event.type)) {
        const current = open.get(recordKey(event.streamId, event.streamId));
        if (current && event.streamVersion <= current.seq) continue;
        // A version never opens before the one it replaces, whatever the clocks of the writers did.
        const at = current ? laterOf(event.occurredAt, current.valid_from) : event.occurredAt;
        const figures = evolveDelivery(current, { type: event.type, data: event.data } as AidDeliveryEvent);
        if (figures) transition(event, event.streamId, figures, at);
        continue;
      }
      let records = streams.get(event.streamId);
      if (records && event.streamVersion <= records.version) continue;
      records ??= { version: 0, occurredAt: event.occurredAt, changed: new Set() };
      streams.set(event.streamId, records);
      const at = laterOf(event.occurredAt, records.occurredAt);
      records.version = event.streamVersion;
      records.occurredAt = at;
      records.changed.add(event.streamId);
      if (PRESENCE_TYPES.has(event.type)) {
        records.presence = evolvePresence(records.presence, { type: event.type, data: event.data } as OperationalPresenceEvent);
        const { presence } = records;
        if (presence) transition(event, event.streamId, presenceFigures(presence), at, presence.parentLocation);
      } else {
        records.plan ??= { plan: undefined, actions: new Map() };
        const before = new Map(records.plan.actions);
        evolvePlan(records.plan, { type: event.type, data: event.data } as ActionPlanEvent);
        const { plan, actions } = records.plan;
        if (!plan) continue;
        for (const [actionId, action] of actions) {
          if (before.get(actionId) !== action) records.changed.add(actionId);
          transition(event, actionId, actionFigures(action, plan), at);
        }
      }
    }

    const deltas = new RollupDeltas();
    for (const key of new Set([...initial.keys(), ...open.keys()])) {
      const before = initial.get(key);
      const after = open.get(key);
      if (before === after) continue;
      if (before) deltas.add(before, -1);
      if (after) deltas.add(after, 1);
    }
    await upsertRows(manager, RECORDS, this.recordRows(streams));
    await upsertRows(manager, FACTS, [...written.values()]);
    await applyRollupDeltas(manager, deltas);
  }

  private streamRecords(rows: readonly RecordRow[]): Map<string, StreamRecords> {
    const streams = new Map<string, StreamRecords>();
    const root = (streamId: string) => {
      let records = streams.get(streamId);
      if (!records) streams.set(streamId, (records = { version: 0, occurredAt: '', changed: new Set() }));
      return records;
    };
    for (const row of rows) {
      const records = root(row.stream_id);
      const state = JSON.parse(row.state) as PictureRecordState;
      if (row.record_id === row.stream_id) {
        records.version = Number(row.version);
        records.occurredAt = row.occurred_at;
      }
      if (state.kind === 'PRESENCE') records.presence = state;
      else if (state.kind === 'PLAN') (records.plan ??= { plan: undefined, actions: new Map() }).plan = state;
      else (records.plan ??= { plan: undefined, actions: new Map() }).actions.set(row.record_id, state);
    }
    return streams;
  }

  private recordRows(streams: ReadonlyMap<string, StreamRecords>): RecordRow[] {
    const rows: RecordRow[] = [];
    for (const [streamId, records] of streams) {
      for (const recordId of records.changed) {
        const state: PictureRecordState | undefined =
          recordId === streamId ? (records.presence ?? records.plan?.plan) : records.plan?.actions.get(recordId);
        // An event that could start no record (a presence updated before it was reported) leaves nothing to keep.
        if (!state) continue;
        rows.push({
          stream_id: streamId,
          record_id: recordId,
          version: recordId === streamId ? records.version : 0,
          occurred_at: recordId === streamId ? records.occurredAt : '',
          state: JSON.stringify(state),
        });
      }
    }
    return rows;
  }
}

