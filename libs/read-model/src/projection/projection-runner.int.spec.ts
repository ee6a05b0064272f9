import type { EventEnvelope } from '@coord/contracts';
import { DomainError } from '@coord/kernel';
import type { DataSource, EntityManager } from 'typeorm';
import { allProjections } from '../projections/all-projections';
import { HistoryProjection } from '../projections/history.projection';
import { OrganizationsProjection } from '../projections/organizations.projection';
import {
  describeWithPostgres,
  appendScenario,
  deliveryDispatched,
  deliveryPlanned,
  emptyReadModel,
  OpenReadModel,
  POSTGRES_ENGINE,
  ReadModelEngine,
  snapshotReadModel,
  SQLITE_ENGINE,
  TestEventLog,
} from '../testing/read-model-test-kit';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

const inBatchesOf = async (runner: ProjectionRunner, events: readonly EventEnvelope[], size: number) => {
  for (let start = 0; start < events.length; start += size) await runner.handle(events.slice(start, start + size));
};

const runnerSuite = (engine: ReadModelEngine) => () => {
  let readModel: OpenReadModel;
  let dataSource: DataSource;
  let log: TestEventLog;
  let events: EventEnvelope[];

  beforeAll(async () => {
    readModel = await engine.open();
    dataSource = readModel.dataSource;
  });
  afterAll(() => readModel.dispose());
  beforeEach(async () => {
    await emptyReadModel(dataSource);
    log = new TestEventLog();
    await appendScenario(log, 40);
    events = await log.all();
  });
  afterEach(() => log.close());

  const head = () => events[events.length - 1].position;
  const count = async (table: string) => Number((await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  it('applies a batch to every projection and moves every checkpoint to its end', async () => {
    const runner = new ProjectionRunner(dataSource, allProjections);
    expect(runner.appliedPosition()).toBeNull();

    await runner.handle(events);

    expect(runner.appliedPosition()).toBe(head());
    expect(await dataSource.query('SELECT name, version, position FROM projection_checkpoints ORDER BY name')).toEqual(
      allProjections.map(({ name }) => name).sort().map((name) => ({ name, version: 1, position: head() })),
    );
    expect(await count('history')).toBe(events.length);
  });

  it('changes nothing for a redelivered or overlapping batch, unchanged by a replay', async () => {
    const whole = new ProjectionRunner(dataSource, allProjections);
    await whole.handle(events);
    await whole.handle(events);
    const expected = await snapshotReadModel(dataSource);
    await emptyReadModel(dataSource);

    const overlapping = new ProjectionRunner(dataSource, allProjections);
    await overlapping.handle(events.slice(0, 60));
    await overlapping.handle(events.slice(30, 120));
    await overlapping.handle(events.slice(0, 10));
    await overlapping.handle(events.slice(100));

    expect(await snapshotReadModel(dataSource)).toEqual(expected);
  });

  it('keeps rows and checkpoint together when a projection fails: nothing of the batch is applied', async () => {
    const failing: Projection = {
      name: 'failing',
      version: 1,
      handles: ['DeliveryCancelled'],
      tables: [],
      apply: async () => {
        throw new Error('projection bug');
      },
    };
    const runner = new ProjectionRunner(dataSource, [...allProjections, failing]);
    await runner.handle(events.slice(0, 20));
    const before = await snapshotReadModel(dataSource);

    await expect(runner.handle(events)).rejects.toThrow('projection bug');

    expect(await snapshotReadModel(dataSource)).toEqual(before);
    expect(runner.appliedPosition()).toBe(events[19].position);
  });

  it('gives the same tables on rebuild as by incremental application', async () => {
    const runner = new ProjectionRunner(dataSource, allProjections);
    await inBatchesOf(runner, events, 1);
    const incremental = await snapshotReadModel(dataSource);

    const all = await runner.rebuild(log.store);
    expect(all).toMatchObject({ projections: allProjections.map((projection) => projection.name), events: events.length });
    expect(await snapshotReadModel(dataSource)).toEqual(incremental);

    await runner.rebuild(log.store, ['aid-deliveries']);
    expect(await snapshotReadModel(dataSource)).toEqual(incremental);
    expect(runner.appliedPosition()).toBe(head());
  });

  it('rebuilds in large batches to the same tables as batches of any size', async () => {
    const runner = new ProjectionRunner(dataSource, allProjections, { rebuildBatchSize: 7 });
    await runner.rebuild(log.store);
    const small = await snapshotReadModel(dataSource);
    await new ProjectionRunner(dataSource, allProjections, { rebuildBatchSize: 100_000 }).rebuild(log.store);
    expect(await snapshotReadModel(dataSource)).toEqual(small);
  });

  it('loses no live batch published while a rebuild runs', async () => {
    const runner = new ProjectionRunner(dataSource, allProjections, { rebuildBatchSize: 5 });
    await runner.handle(events);
    const rebuilding = runner.rebuild(log.store);
    const late = [
      ...(await log.append('AidDelivery-late', [deliveryPlanned({ deliveryId: 'AidDelivery-late', destination: 'ML0101' })])),
      ...(await log.append('AidDelivery-late', [deliveryDispatched('AidDelivery-late')])),
    ];
    await runner.handle(late);
    await rebuilding;
    const afterRebuild = await snapshotReadModel(dataSource);

    await emptyReadModel(dataSource);
    await new ProjectionRunner(dataSource, allProjections).handle(await log.all());
    expect(afterRebuild).toEqual(await snapshotReadModel(dataSource));
    expect(runner.appliedPosition()).toBe(late[1].position);
  });

  it('catches up from the lowest checkpoint, also for a projection added later, up to a position', async () => {
    const first = new ProjectionRunner(dataSource, [new OrganizationsProjection()]);
    expect(await first.catchUp(log.store, events[49].position)).toBe(50);
    expect(first.appliedPosition()).toBe(events[49].position);
    expect(await first.catchUp(log.store)).toBe(events.length - 50);

    const later = new ProjectionRunner(dataSource, [new OrganizationsProjection(), new HistoryProjection()]);
    await later.catchUp(log.store);

    expect(later.checkpointsByProjection()).toEqual({ organizations: head(), history: head() });
    expect(await count('history')).toBe(events.length);
  });

  it('empties and replays a projection whose version changed', async () => {
    await new ProjectionRunner(dataSource, allProjections).catchUp(log.store);
    const expected = await snapshotReadModel(dataSource);
    await dataSource.query(`UPDATE organizations SET name = 'stale'`);
    const bumped = new OrganizationsProjection();
    Object.assign(bumped, { version: 2 });

    const runner = new ProjectionRunner(dataSource, [bumped, ...allProjections.slice(1)]);
    await runner.handle([]);
    expect(await count('organizations')).toBe(0);
    expect(runner.appliedPosition()).toBeNull();
    await runner.catchUp(log.store);

    const rebuilt = await snapshotReadModel(dataSource);
    expect(rebuilt.organizations).toEqual(expected.organizations);
    expect(runner.checkpointsByProjection().organizations).toBe(head());
  });

  it('resolves waitFor once every projection applied the position, at once if already applied', async () => {
    const runner = new ProjectionRunner(dataSource, allProjections);
    await runner.handle(events.slice(0, 10));
    await expect(runner.waitFor(events[9].position, 10)).resolves.toBeUndefined();

    const waiting = runner.waitFor(events[30].position, 5_000);
    let settled = false;
    void waiting.then(() => (settled = true));
    await runner.handle(events.slice(10, 30));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    await runner.handle(events.slice(30, 31));
    await expect(waiting).resolves.toBeUndefined();
  });

  it('rejects waitFor with STALE_READ after the timeout, and a malformed position as bad input', async () => {
    const runner = new ProjectionRunner(dataSource, allProjections);
    await runner.handle(events.slice(0, 10));

    const stale = runner.waitFor(events[10].position, 50);
    await expect(stale).rejects.toBeInstanceOf(DomainError);
    await expect(stale).rejects.toMatchObject({ code: 'STALE_READ' });
    await expect(runner.waitFor('yesterday', 50)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('tells listeners which events were new after each committed live batch', async () => {
    const runner = new ProjectionRunner(dataSource, allProjections);
    const announced: string[][] = [];
    const unsubscribe = runner.onApplied((batch) => announced.push(batch.map((event) => event.position)));
    runner.onApplied(() => {
      throw new Error('a broken listener does not fail the batch');
    });

    await runner.handle(events.slice(0, 5));
    await runner.handle(events.slice(3, 8));
    await runner.handle(events.slice(0, 8));
    unsubscribe();
    await runner.handle(events.slice(8, 9));

    expect(announced).toEqual([events.slice(0, 5), events.slice(5, 8)].map((batch) => batch.map((event) => event.position)));
  });

  it('serialises batches handed to it concurrently', async () => {
    const runner = new ProjectionRunner(dataSource, allProjections);
    await Promise.all([runner.handle(events.slice(0, 50)), runner.handle(events.slice(50)), runner.handle(events.slice(20, 70))]);
    const concurrent = await snapshotReadModel(dataSource);

    await emptyReadModel(dataSource);
    await new ProjectionRunner(dataSource, allProjections).handle(events);
    expect(concurrent).toEqual(await snapshotReadModel(dataSource));
  });

  it('runs a projection without applyBatch event by event', async () => {
    const seen: string[] = [];
    const plain: Projection = {
      name: 'plain',
      version: 1,
      handles: ['OrganizationRegistered'],
      tables: [],
      apply: async (event: EventEnvelope, manager: EntityManager) => {
        expect(manager.queryRunner?.isTransactionActive).toBe(true);
        seen.push(event.streamId);
      },
    };
    await new ProjectionRunner(dataSource, [plain]).handle(events);
    expect(seen).toEqual(['Organization-org-wfp', 'Organization-org-unicef', 'Organization-org-ngo', 'Organization-org-community']);
  });
};

describe('projection runner [sqlite]', runnerSuite(SQLITE_ENGINE));
describeWithPostgres('projection runner', runnerSuite(POSTGRES_ENGINE));
