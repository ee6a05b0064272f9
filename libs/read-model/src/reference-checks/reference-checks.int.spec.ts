import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { locationStreamId } from '@coord/contracts';
import { EventStore, PostgresEventStore, SqliteEventStore } from '@coord/event-store';
import { DomainError, type DomainEvent } from '@coord/kernel';
import { createTestDatabase } from '@coord/test-support';
import type { DataSource } from 'typeorm';
import { ProjectionRunner } from '../projection/projection-runner';
import { allProjections } from '../projections/all-projections';
import { ReadModelQueries } from '../queries/read-model.queries';
import { createReadModelDataSource } from '../read-model.data-source';
import { ACTOR, describeWithPostgres, locationRegistered, organizationRegistered } from '../testing/read-model-test-kit';
import { ReferenceChecks } from './reference-checks';

/** The log and the read model on one engine, as the platform runs them. */
interface Storage {
  readonly store: EventStore;
  readonly dataSource: DataSource;
  /** Where a plain client connects to hold a transaction open (PostgreSQL only). */
  readonly url: string | null;
  dispose(): Promise<void>;
}

interface Engine {
  readonly name: string;
  open(): Promise<Storage>;
}

const SQLITE: Engine = {
  name: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'reference-checks-'));
    const store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    const dataSource = await createReadModelDataSource({ kind: 'sqlite', filename: join(dir, 'read-model.sqlite') });
    return {
      store,
      dataSource,
      url: null,
      dispose: async () => {
        await dataSource.destroy();
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const POSTGRES: Engine = {
  name: 'postgres',
  async open() {
    const database = await createTestDatabase();
    const store = await PostgresEventStore.connect(database.url);
    const dataSource = await createReadModelDataSource({ kind: 'postgres', url: database.url });
    return {
      store,
      dataSource,
      url: database.url,
      dispose: async () => {
        await dataSource.destroy();
        await store.close();
        await database.drop();
      },
    };
  },
};

const PROJECTED_ORG = 'Organization-0b7f6a52-projected';
const FRESH_ORG = 'Organization-5d1c9e07-fresh';

/** The rejection a check ends with, so its code, message and field can be compared whole. */
const refusal = async (check: Promise<unknown>) => {
  const error = await check.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return { code: error.code, message: error.message, field: error.details.field };
};

const referenceChecksSuite = (engine: Engine) => () => {
  let storage: Storage;
  let queries: ReadModelQueries;
  let runner: ProjectionRunner;
  let checks: ReferenceChecks;
  let emptyLog: { store: SqliteEventStore; dir: string };
  /** The same read model with a log that holds nothing: whatever it finds, the read model answered. */
  let readModelOnly: ReferenceChecks;

  const append = async (streamId: string, events: readonly DomainEvent[]) => {
    const expectedVersion = (await storage.store.readStream(streamId)).length;
    await storage.store.append(streamId, events, { expectedVersion, actor: ACTOR, occurredAt: new Date('2026-03-01T08:00:00.000Z') });
  };

  /**
   * Projects one stream from the events the store wrote. Read by stream, not from the global log, so
   * an old transaction held elsewhere on a shared PostgreSQL cluster cannot hold the seed back.
   */
  const project = async (streamId: string) => runner.handle(await storage.store.readStream(streamId));

  beforeAll(async () => {
    storage = await engine.open();
    queries = new ReadModelQueries(storage.dataSource);
    runner = new ProjectionRunner(storage.dataSource, allProjections);
    checks = new ReferenceChecks(queries, storage.store);
    const dir = mkdtempSync(join(tmpdir(), 'reference-checks-empty-'));
    emptyLog = { store: SqliteEventStore.open(join(dir, 'events.sqlite')), dir };
    readModelOnly = new ReferenceChecks(queries, emptyLog.store);

    // Applied by the read model: a country, a region, an organisation.
    for (const location of [locationRegistered('ML', 'Mali', 0, null), locationRegistered('ML01', 'Kayes', 1, 'ML')]) {
      const streamId = locationStreamId((location.data as { pcode: string }).pcode);
      await append(streamId, [location]);
      await project(streamId);
    }
    await append(PROJECTED_ORG, [organizationRegistered(PROJECTED_ORG, 'World Food Programme', 'UN_AGENCY', 'WFP')]);
    await project(PROJECTED_ORG);

    // In the log only: appended a moment ago, not yet applied.
    await append(FRESH_ORG, [organizationRegistered(FRESH_ORG, 'Sahel Relief', 'NGO', 'SR')]);
    await append(locationStreamId('ML02'), [locationRegistered('ML02', 'Koulikoro', 1, 'ML')]);
  });

  afterAll(async () => {
    await emptyLog.store.close();
    rmSync(emptyLog.dir, { recursive: true, force: true });
    await storage.dispose();
  });

  it('finds an organisation and a place whose events are in the log but not yet in the read model', async () => {
    expect(await queries.organizationsByIds([FRESH_ORG])).toEqual([]);
    expect(await queries.locationsByPcodes(['ML02'])).toEqual([]);

    await expect(checks.requireOrganization(FRESH_ORG, 'implementingPartnerId')).resolves.toEqual({
      id: FRESH_ORG,
      name: 'Sahel Relief',
      acronym: 'SR',
      kind: 'NGO',
      registeredAt: '2026-01-01T00:00:00.000Z',
    });
    expect((await checks.organization(FRESH_ORG))?.kind).toBe('NGO');
    await expect(checks.requireOrganizations([PROJECTED_ORG, FRESH_ORG], 'memberIds')).resolves.toBeUndefined();
    await expect(checks.requireTokenOrganization(FRESH_ORG)).resolves.toBeUndefined();
    await expect(checks.requireLocation('ML02', 'adminCode')).resolves.toBeUndefined();
  });

  it('answers from the read model for the records it has applied, and only the log knows the fresh ones', async () => {
    expect((await readModelOnly.requireOrganization(PROJECTED_ORG, 'chairId')).kind).toBe('UN_AGENCY');
    await expect(readModelOnly.requireOrganizations([PROJECTED_ORG], 'memberIds')).resolves.toBeUndefined();
    await expect(readModelOnly.requireLocation('ML01', 'adminCode')).resolves.toBeUndefined();

    expect(await refusal(readModelOnly.requireOrganization(FRESH_ORG, 'chairId'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(readModelOnly.requireLocation('ML02', 'adminCode'))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses an organisation that is neither applied nor in the log, NOT_FOUND on the field that named it', async () => {
    for (const id of ['Organization-00000000-nobody', 'not-an-organisation-id']) {
      expect(await refusal(checks.requireOrganization(id, 'counterpartId'))).toEqual({
        code: 'NOT_FOUND',
        message: `no registered organisation ${id}`,
        field: 'counterpartId',
      });
      expect(await checks.organization(id)).toBeNull();
    }
    // A place's stream is not an organisation, whatever its events say.
    expect(await refusal(checks.requireOrganization(locationStreamId('ML02'), 'assigneeId'))).toMatchObject({ field: 'assigneeId' });
  });

  it('names the first unknown organisation of a list, in the order given', async () => {
    const ids = [PROJECTED_ORG, FRESH_ORG, 'Organization-11111111-unknown', 'Organization-22222222-unknown'];
    expect(await refusal(checks.requireOrganizations(ids, 'memberIds'))).toEqual({
      code: 'NOT_FOUND',
      message: 'no registered organisation Organization-11111111-unknown',
      field: 'memberIds',
    });
  });

  it('refuses a P-code missing from the gazetteer and the log, NOT_FOUND on the field', async () => {
    expect(await refusal(checks.requireLocation('ML99', 'actionItem.adminCode'))).toEqual({
      code: 'NOT_FOUND',
      message: 'no location with P-code ML99 in the gazetteer',
      field: 'actionItem.adminCode',
    });
  });

  it('refuses a token whose organisation is unknown, FORBIDDEN', async () => {
    expect(await refusal(checks.requireTokenOrganization('Organization-33333333-unknown'))).toEqual({
      code: 'FORBIDDEN',
      message: 'the organisation Organization-33333333-unknown in the token is not registered',
      field: undefined,
    });
  });

  if (engine.name === 'postgres') {
    it('finds an organisation the log reader cannot hand to the projections yet (an older transaction is still open)', async () => {
      // The CI failure: an open transaction anywhere on the cluster holds pg_snapshot_xmin below the
      // append, so readAll (and every catch-up) stops short of it until that transaction ends.
      const holder = new Client({ connectionString: storage.url as string });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query('SELECT pg_current_xact_id()');
        const held = 'Organization-44444444-held-back';
        await append(held, [organizationRegistered(held, 'Held Back NGO', 'NGO')]);
        await runner.catchUp(storage.store);
        expect(await queries.organizationsByIds([held])).toEqual([]);

        expect((await checks.requireOrganization(held, 'responsibleId')).name).toBe('Held Back NGO');
      } finally {
        await holder.query('ROLLBACK');
        await holder.end();
      }
    });
  }
};

describe('ReferenceChecks [sqlite]', referenceChecksSuite(SQLITE));
describeWithPostgres('ReferenceChecks', referenceChecksSuite(POSTGRES));
