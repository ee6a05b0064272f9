import {
  EventEnvelope,
  OPERATIONAL_PRESENCE_EVENT_TYPES,
  OperationalPresenceEvent,
  OperationalPresenceReported,
  PresenceSource,
} from '@coord/contracts';
import type { EntityManager } from 'typeorm';
import { selectWhereIn, upsertRows } from '../projection/batch-sql';
import type { Projection } from '../projection/projection';

export interface OperationalPresenceRow {
  id: string;
  organization_id: string;
  organization_label: string;
  role: string;
  sector: string | null;
  sector_label: string | null;
  location_pcode: string;
  location_level: number;
  location_unknown: number;
  adm1_pcode: string | null;
  adm2_pcode: string | null;
  adm3_pcode: string | null;
  boundary_version: string | null;
  activity: string | null;
  period_start: string | null;
  period_end: string | null;
  targeted: number | null;
  reached: number | null;
  status: string;
  import_id: string | null;
  source_file: string | null;
  source_row: number | null;
  version: number;
  position: string;
  updated_at: string;
}

const PRESENCES = {
  table: 'operational_presences',
  columns: [
    'id',
    'organization_id',
    'organization_label',
    'role',
    'sector',
    'sector_label',
    'location_pcode',
    'location_level',
    'location_unknown',
    'adm1_pcode',
    'adm2_pcode',
    'adm3_pcode',
    'boundary_version',
    'activity',
    'period_start',
    'period_end',
    'targeted',
    'reached',
    'status',
    'import_id',
    'source_file',
    'source_row',
    'version',
    'position',
    'updated_at',
  ],
  key: ['id'],
  onConflict: 'update',
  // The stream revision guards the row: a redelivered event never takes it back to an older state.
  updateIf: '"operational_presences"."version" < excluded."version"',
} as const;

interface Place {
  readonly level: number;
  readonly adm1_pcode: string | null;
  readonly adm2_pcode: string | null;
  readonly adm3_pcode: string | null;
}

type Ancestors = Pick<OperationalPresenceRow, 'adm1_pcode' | 'adm2_pcode' | 'adm3_pcode'>;

const ADM_LEVELS = [1, 2, 3] as const;
const admColumn = (level: number) => `adm${level}_pcode` as keyof Ancestors;

/**
 * A known P-code brings its ancestors from the gazetteer. An unknown one (an older boundary version)
 * stands at the level its source gave it, under the parent its source named: still counted in that
 * parent, and findable by its own code.
 */
const ancestorsOf = (data: OperationalPresenceReported['data'], places: ReadonlyMap<string, Place>): Ancestors => {
  const known = places.get(data.location);
  if (known) return { adm1_pcode: known.adm1_pcode, adm2_pcode: known.adm2_pcode, adm3_pcode: known.adm3_pcode };
  const ancestors: Ancestors = { adm1_pcode: null, adm2_pcode: null, adm3_pcode: null };
  const parent = data.parentLocation ? places.get(data.parentLocation) : undefined;
  if (parent) {
    for (const level of ADM_LEVELS) if (level <= parent.level) ancestors[admColumn(level)] = parent[admColumn(level)];
  } else if (data.parentLocation && data.locationLevel - 1 >= 1) {
    ancestors[admColumn(data.locationLevel - 1)] = data.parentLocation;
  }
  if (data.locationLevel >= 1 && data.locationLevel <= 3) ancestors[admColumn(data.locationLevel)] = data.location;
  return ancestors;
};

const sourceColumns = (source: PresenceSource) =>
  source.kind === 'IMPORT'
    ? { import_id: source.importId, source_file: source.file, source_row: source.row }
    : { import_id: null, source_file: null, source_row: null };

const evolve = (
  row: OperationalPresenceRow | undefined,
  envelope: EventEnvelope,
  places: ReadonlyMap<string, Place>,
): OperationalPresenceRow | undefined => {
  const event = { type: envelope.type, data: envelope.data } as OperationalPresenceEvent;
  const stamp = { version: envelope.streamVersion, position: envelope.position, updated_at: envelope.occurredAt };
  switch (event.type) {
    case 'OperationalPresenceReported': {
      const { data } = event;
      return {
        id: envelope.streamId,
        organization_id: data.organizationId,
        organization_label: data.organizationLabel,
        role: data.role,
        sector: data.sector,
        sector_label: data.sectorLabel,
        location_pcode: data.location,
        location_level: data.locationLevel,
        location_unknown: data.locationUnknown ? 1 : 0,
        ...ancestorsOf(data, places),
        boundary_version: data.boundaryVersion,
        activity: data.activity,
        period_start: data.periodStart,
        period_end: data.periodEnd,
        targeted: data.targeted,
        reached: data.reached,
        status: 'ACTIVE',
        ...sourceColumns(data.source),
        ...stamp,
      };
    }
    case 'OperationalPresenceUpdated':
      if (!row) return undefined;
      return {
        ...row,
        activity: event.data.activity,
        targeted: event.data.targeted,
        reached: event.data.reached,
        ...sourceColumns(event.data.source),
        ...stamp,
      };
    case 'OperationalPresenceWithdrawn':
      return row ? { ...row, status: 'WITHDRAWN', ...stamp } : undefined;
    default: {
      const unhandled: never = event;
      throw new Error(`operational-presences projection cannot apply ${(unhandled as { type: string }).type}`);
    }
  }
};

/** One row per presence, whatever its source (a 3W import or a direct report). */
export class OperationalPresencesProjection implements Projection {
  readonly name = 'operational-presences';
  readonly version = 1;
  readonly handles = OPERATIONAL_PRESENCE_EVENT_TYPES;
  readonly tables = [PRESENCES.table];

  apply(event: EventEnvelope, manager: EntityManager): Promise<void> {
    return this.applyBatch([event], manager);
  }

  async applyBatch(events: readonly EventEnvelope[], manager: EntityManager): Promise<void> {
    const ids = [...new Set(events.map((event) => event.streamId))];
    const existing = await selectWhereIn<OperationalPresenceRow>(manager, 'SELECT * FROM "operational_presences" WHERE "id" IN (?)', ids);
    const rows = new Map(existing.map((row) => [row.id, { ...row, version: Number(row.version) }]));
    const codes = events.flatMap((event) => {
      if (event.type !== 'OperationalPresenceReported') return [];
      const data = event.data as OperationalPresenceReported['data'];
      return data.parentLocation ? [data.location, data.parentLocation] : [data.location];
    });
    const places = new Map(
      (
        await selectWhereIn<Place & { pcode: string }>(
          manager,
          'SELECT "pcode", "level", "adm1_pcode", "adm2_pcode", "adm3_pcode" FROM "locations" WHERE "pcode" IN (?)',
          codes.length > 0 ? codes : [''],
        )
      ).map((place) => [place.pcode, { ...place, level: Number(place.level) }]),
    );
    const changed = new Set<string>();
    for (const event of events) {
      const row = rows.get(event.streamId);
      // A redelivered event is at or below the row's revision: applying it again would undo later ones.
      if (row && event.streamVersion <= row.version) continue;
      const next = evolve(row, event, places);
      if (!next) continue;
      rows.set(event.streamId, next);
      changed.add(event.streamId);
    }
    await upsertRows(
      manager,
      PRESENCES,
      [...changed].map((id) => rows.get(id) as OperationalPresenceRow),
    );
  }
}
