import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  ActorRef,
  AidDeliveryEvent,
  CorrectableDeliveryFacts,
  DeliveryItem,
  EventEnvelope,
  FailureReason,
  LocationEvent,
  OrganizationEvent,
  OrganizationKind,
  PeopleReached,
  Sector,
} from '@coord/contracts';
import { SqliteEventStore } from '@coord/event-store';
import type { DomainEvent } from '@coord/kernel';
import type { DataSource } from 'typeorm';
import { createTestDatabase, describeWithPostgres } from '@coord/test-support';
import { quoteIdentifier } from '../projection/batch-sql';
import { handlesType, Projection } from '../projection/projection';
import { ProjectionRunner } from '../projection/projection-runner';
import { createReadModelDataSource } from '../read-model.data-source';

export { describeWithPostgres };

/** A read-model database for one suite, on either engine: the same spec body runs on both. */
export interface ReadModelEngine {
  readonly name: 'sqlite' | 'postgres';
  open(): Promise<OpenReadModel>;
}

export interface OpenReadModel {
  readonly dataSource: DataSource;
  dispose(): Promise<void>;
}

export const SQLITE_ENGINE: ReadModelEngine = {
  name: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'read-model-'));
    const dataSource = await createReadModelDataSource({ kind: 'sqlite', filename: join(dir, 'read-model.sqlite') });
    return {
      dataSource,
      dispose: async () => {
        await dataSource.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

export const POSTGRES_ENGINE: ReadModelEngine = {
  name: 'postgres',
  async open() {
    const database = await createTestDatabase();
    const dataSource = await createReadModelDataSource({ kind: 'postgres', url: database.url });
    return {
      dataSource,
      dispose: async () => {
        await dataSource.destroy();
        await database.drop();
      },
    };
  },
};

const tablesOf = (dataSource: DataSource): string[] =>
  dataSource.entityMetadatas.map((metadata) => metadata.tableName).sort();

export const emptyReadModel = async (dataSource: DataSource): Promise<void> => {
  for (const table of tablesOf(dataSource)) await dataSource.query(`DELETE FROM ${quoteIdentifier(table)}`);
};

/**
 * Every row of every read-model table, in a canonical order, for "nothing changed" and "rebuild
 * equals incremental" comparisons. The checkpoints' wall-clock `updated_at` is left out.
 */
export const snapshotReadModel = async (dataSource: DataSource): Promise<Record<string, string[]>> => {
  const snapshot: Record<string, string[]> = {};
  for (const table of tablesOf(dataSource)) {
    const rows: Record<string, unknown>[] = await dataSource.query(`SELECT * FROM ${quoteIdentifier(table)}`);
    snapshot[table] = rows
      .map((row) => {
        const { updated_at: updatedAt, ...rest } = row;
        return JSON.stringify(table === 'projection_checkpoints' ? rest : { ...rest, updated_at: updatedAt });
      })
      .sort();
  }
  return snapshot;
};

export const ACTOR: ActorRef = { userId: 'user-1', organizationId: 'org-wfp' };

/**
 * A real SQLite event log in a temporary directory: test events are appended through it and read
 * back, so their envelopes and positions are the ones production sees.
 */
export class TestEventLog {
  readonly store: SqliteEventStore;
  private readonly dir: string;
  private clock = Date.parse('2026-03-01T08:00:00.000Z');

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'event-log-'));
    this.store = SqliteEventStore.open(join(this.dir, 'events.sqlite'));
  }

  /** Appends to the end of the stream and answers the envelopes written. */
  async append(streamId: string, events: readonly DomainEvent[], actor: ActorRef = ACTOR): Promise<EventEnvelope[]> {
    const before = (await this.store.readStream(streamId)).length;
    this.clock += 60_000;
    await this.store.append(streamId, events, { expectedVersion: before, actor, occurredAt: new Date(this.clock) });
    return (await this.store.readStream(streamId)).slice(before);
  }

  async all(): Promise<EventEnvelope[]> {
    const events: EventEnvelope[] = [];
    for (;;) {
      const batch = await this.store.readAll({ after: events.at(-1)?.position ?? null, limit: 10_000 });
      if (batch.length === 0) return events;
      events.push(...batch);
    }
  }

  async close(): Promise<void> {
    await this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export const organizationRegistered = (
  organizationId: string,
  name: string,
  kind: OrganizationKind = 'UN_AGENCY',
  acronym: string | null = null,
): OrganizationEvent => ({
  type: 'OrganizationRegistered',
  data: { organizationId, name, acronym, kind, registeredAt: '2026-01-01T00:00:00.000Z' },
});

export const locationRegistered = (
  pcode: string,
  name: string,
  level: number,
  parentPcode: string | null,
  coordinates: { latitude: number; longitude: number } | null = null,
): LocationEvent => ({
  type: 'LocationRegistered',
  data: {
    pcode,
    name,
    level,
    parentPcode,
    latitude: coordinates?.latitude ?? null,
    longitude: coordinates?.longitude ?? null,
    validFrom: '2020-01-01',
    source: 'test',
  },
});

export const locationUpdated = (pcode: string, name: string, previousName: string): LocationEvent => ({
  type: 'LocationUpdated',
  data: { pcode, name, latitude: 14.5, longitude: -4.2, previousName, source: 'test' },
});

export const RICE: DeliveryItem = { commodity: 'rice', quantity: 100, unit: 'kg' };
export const REACHED: PeopleReached = { women: 10, men: 8, girls: 5, boys: 7 };

export interface PlannedDelivery {
  readonly deliveryId: string;
  readonly agencyId?: string;
  readonly implementingPartnerId?: string | null;
  readonly sector?: Sector;
  readonly destination: string;
  readonly plannedDate?: string;
  readonly targetedBeneficiaries?: number;
  readonly items?: readonly DeliveryItem[];
}

export const deliveryPlanned = (planned: PlannedDelivery): AidDeliveryEvent => ({
  type: 'DeliveryPlanned',
  data: {
    deliveryId: planned.deliveryId,
    agencyId: planned.agencyId ?? 'org-wfp',
    implementingPartnerId: planned.implementingPartnerId ?? null,
    sector: planned.sector ?? 'FOOD_SECURITY',
    items: planned.items ?? [RICE],
    destination: planned.destination,
    plannedDate: planned.plannedDate ?? '2026-03-10',
    targetedBeneficiaries: planned.targetedBeneficiaries ?? 40,
    plannedAt: '2026-03-01T08:00:00.000Z',
  },
});

export const deliveryDispatched = (deliveryId: string): AidDeliveryEvent => ({
  type: 'DeliveryDispatched',
  data: { deliveryId, dispatchedAt: '2026-03-09T08:00:00.000Z' },
});

export const deliveryRecorded = (
  deliveryId: string,
  reached: PeopleReached = REACHED,
  deliveredItems: readonly DeliveryItem[] = [RICE],
): AidDeliveryEvent => ({
  type: 'DeliveryRecorded',
  data: { deliveryId, deliveredItems, reached, deliveredAt: '2026-03-10T12:00:00.000Z' },
});

export const deliveryConfirmed = (deliveryId: string, confirmedBy: string): AidDeliveryEvent => ({
  type: 'DeliveryConfirmed',
  data: { deliveryId, confirmedBy, confirmedAt: '2026-03-11T09:00:00.000Z' },
});

export const deliveryFailed = (deliveryId: string, reason: FailureReason): AidDeliveryEvent => ({
  type: 'DeliveryFailed',
  data: { deliveryId, reason, note: null, failedAt: '2026-03-10T12:00:00.000Z' },
});

export const deliveryCancelled = (deliveryId: string): AidDeliveryEvent => ({
  type: 'DeliveryCancelled',
  data: { deliveryId, reason: 'no longer needed', cancelledAt: '2026-03-05T12:00:00.000Z' },
});

export const deliveryCorrected = (
  deliveryId: string,
  changes: CorrectableDeliveryFacts,
  previous: CorrectableDeliveryFacts,
  confirmationWithdrawn = false,
): AidDeliveryEvent => ({
  type: 'DeliveryCorrected',
  data: { deliveryId, reason: 'typo', changes, previous, confirmationWithdrawn, correctedAt: '2026-03-12T09:00:00.000Z' },
});

/** A small gazetteer: country ML, two regions, districts and communes under them. */
export const GAZETTEER: readonly LocationEvent[] = [
  locationRegistered('ML', 'Mali', 0, null),
  locationRegistered('ML01', 'Kayes', 1, 'ML'),
  locationRegistered('ML02', 'Koulikoro', 1, 'ML'),
  locationRegistered('ML0101', 'Kayes cercle', 2, 'ML01'),
  locationRegistered('ML0102', 'Bafoulabé', 2, 'ML01'),
  locationRegistered('ML0201', 'Kati', 2, 'ML02'),
  locationRegistered('ML010101', 'Kayes commune', 3, 'ML0101'),
  locationRegistered('ML010102', 'Colimba', 3, 'ML0101'),
  locationRegistered('ML020101', 'Kati commune', 3, 'ML0201'),
];

export const registerGazetteer = async (log: TestEventLog, locations = GAZETTEER): Promise<void> => {
  for (const location of locations) {
    await log.append(`Location-${(location.data as { pcode: string }).pcode}`, [location]);
  }
};

/**
 * STYLE.md: every projection test replays its events twice. The second time, once as a redelivery
 * through the runner (skipped by checkpoint) and once straight into the projections (guarded by
 * the rows themselves), must leave every table as the first pass left it.
 */
export const projectTwice = async (
  dataSource: DataSource,
  projections: readonly Projection[],
  events: readonly EventEnvelope[],
): Promise<Record<string, string[]>> => {
  const runner = new ProjectionRunner(dataSource, projections);
  await runner.handle(events);
  const once = await snapshotReadModel(dataSource);
  await runner.handle(events);
  expect(await snapshotReadModel(dataSource)).toEqual(once);
  await dataSource.transaction(async (manager) => {
    for (const projection of projections) {
      for (const event of events.filter((candidate) => handlesType(projection, candidate.type))) {
        await projection.apply(event, manager);
      }
    }
  });
  expect(await snapshotReadModel(dataSource)).toEqual(once);
  return once;
};

const SECTOR_CYCLE: readonly Sector[] = ['FOOD_SECURITY', 'HEALTH', 'WASH', 'SHELTER'];
const DESTINATIONS = ['ML010101', 'ML010102', 'ML020101', 'ML0102', 'ML0201', 'ML01'];

/** The events of delivery number `index`: every lifecycle the projections know, in turn. */
const deliveryLifecycle = (index: number): AidDeliveryEvent[] => {
  const deliveryId = `AidDelivery-${String(index).padStart(6, '0')}`;
  const planned = deliveryPlanned({
    deliveryId,
    agencyId: index % 3 === 0 ? 'org-unicef' : 'org-wfp',
    implementingPartnerId: index % 2 === 0 ? 'org-ngo' : null,
    sector: SECTOR_CYCLE[index % SECTOR_CYCLE.length],
    destination: DESTINATIONS[index % DESTINATIONS.length],
    plannedDate: `2026-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`,
    targetedBeneficiaries: 20 + (index % 50),
  });
  switch (index % 5) {
    case 0:
      return [planned, deliveryDispatched(deliveryId), deliveryRecorded(deliveryId), deliveryConfirmed(deliveryId, 'org-community')];
    case 1:
      return [planned, deliveryCancelled(deliveryId)];
    case 2:
      return [planned, deliveryDispatched(deliveryId), deliveryFailed(deliveryId, 'ACCESS_DENIED')];
    case 3:
      return [
        planned,
        deliveryDispatched(deliveryId),
        deliveryRecorded(deliveryId),
        deliveryConfirmed(deliveryId, 'org-community'),
        deliveryCorrected(deliveryId, { reached: { ...REACHED, women: 11 }, destination: 'ML0201' }, { reached: REACHED }, true),
      ];
    default:
      return [planned];
  }
};

/**
 * Reference data, then `deliveries` delivery streams written round by round so that streams
 * interleave in the log as concurrent users make them. Appends of a round go out together and
 * share the store's group commit.
 */
export const appendScenario = async (log: TestEventLog, deliveries: number): Promise<void> => {
  await registerGazetteer(log);
  for (const [id, name, kind] of [
    ['org-wfp', 'World Food Programme', 'UN_AGENCY'],
    ['org-unicef', 'UNICEF', 'UN_AGENCY'],
    ['org-ngo', 'Sahel Relief', 'NGO'],
    ['org-community', 'Kayes community', 'COMMUNITY'],
  ] as const) {
    await log.append(`Organization-${id}`, [organizationRegistered(id, name, kind)]);
  }
  const lifecycles = Array.from({ length: deliveries }, (_, index) => deliveryLifecycle(index));
  const rounds = Math.max(...lifecycles.map((events) => events.length));
  const occurredAt = new Date('2026-03-02T00:00:00.000Z');
  for (let round = 0; round < rounds; round += 1) {
    const appends: Promise<unknown>[] = [];
    lifecycles.forEach((events) => {
      if (round >= events.length) return;
      const streamId = (events[0].data as { deliveryId: string }).deliveryId;
      appends.push(log.store.append(streamId, [events[round]], { expectedVersion: round, actor: ACTOR, occurredAt }));
    });
    await Promise.all(appends);
  }
};
