import type { DataSource } from 'typeorm';
import { LocationsProjection } from '../projections/locations.projection';
import { OrganizationsProjection } from '../projections/organizations.projection';
import { ProjectionRunner } from '../projection/projection-runner';
import { actionAdded, actionRemoved, planApproved, planClosed, planDrafted, planSubmitted, progressReported } from '../testing/action-plan-events';
import { presenceReported, presenceUpdated, presenceWithdrawn } from '../testing/picture-events';
import {
  deliveryConfirmed,
  deliveryCorrected,
  deliveryDispatched,
  deliveryPlanned,
  deliveryRecorded,
  describeWithPostgres,
  emptyReadModel,
  locationRegistered,
  OpenReadModel,
  POSTGRES_ENGINE,
  projectTwice,
  REACHED,
  ReadModelEngine,
  registerGazetteer,
  RICE,
  snapshotReadModel,
  SQLITE_ENGINE,
  TestEventLog,
} from '../testing/read-model-test-kit';
import { recomputeRollups } from './picture-rollups';
import { PictureProjection } from './picture.projection';

const PROJECTIONS = [new OrganizationsProjection(), new LocationsProjection(), new PictureProjection()];
const PICTURE_TABLES = ['picture_facts', 'picture_records', 'picture_rollups'];

const suite = (engine: ReadModelEngine) => () => {
  let readModel: OpenReadModel;
  let dataSource: DataSource;
  let log: TestEventLog;

  beforeAll(async () => {
    readModel = await engine.open();
    dataSource = readModel.dataSource;
  });
  afterAll(() => readModel.dispose());
  beforeEach(async () => {
    await emptyReadModel(dataSource);
    log = new TestEventLog();
    await registerGazetteer(log);
  });
  afterEach(() => log.close());

  const facts = (): Promise<Record<string, unknown>[]> =>
    dataSource.query(
      'SELECT "record_id", "seq", "kind", "organization_id", "sector", "location_pcode", "adm0_pcode", "adm1_pcode", "adm2_pcode", ' +
        '"adm3_pcode", "month", "status", "deliveries", "presences", "actions", "actions_in_progress", "targeted", "reached", ' +
        '"valid_from", "valid_to" FROM "picture_facts" ORDER BY "record_id", "seq"',
    );
  const matrix = (): Promise<Record<string, unknown>[]> =>
    dataSource.query(
      `SELECT "organization_id", "sector", "adm1_pcode", "adm2_pcode", "records", "deliveries", "presences", "actions", "targeted", "reached" ` +
        `FROM "picture_rollups" WHERE "grain" = 'matrix' ORDER BY "organization_id", "sector", "adm1_pcode", "adm2_pcode"`,
    );
  /** The rollups kept by deltas must equal the current facts summed afresh. */
  const expectRollupsAddUp = async () => {
    const incremental = (await snapshotReadModel(dataSource)).picture_rollups;
    await dataSource.transaction((manager) => recomputeRollups(manager));
    expect((await snapshotReadModel(dataSource)).picture_rollups).toEqual(incremental);
  };

  it('versions a delivery at each change it makes to the picture, closes each version when the next opens, and moves it when corrected elsewhere', async () => {
    const id = 'AidDelivery-1';
    const at = [
      ...(await log.append(id, [deliveryPlanned({ deliveryId: id, destination: 'ML010101', targetedBeneficiaries: 40 })])),
      ...(await log.append(id, [deliveryDispatched(id)])),
      ...(await log.append(id, [deliveryRecorded(id)])),
      ...(await log.append(id, [deliveryConfirmed(id, 'org-community')])),
      // Changes nothing the picture shows: no new version.
      ...(await log.append(id, [deliveryCorrected(id, { items: [{ ...RICE, quantity: 90 }] }, { items: [RICE] })])),
      ...(await log.append(id, [deliveryCorrected(id, { reached: { ...REACHED, women: 11 }, destination: 'ML0201' }, { reached: REACHED, destination: 'ML010101' }, true)])),
    ].map((event) => event.occurredAt);

    await projectTwice(dataSource, PROJECTIONS, await log.all());

    const common = { record_id: id, kind: 'DELIVERY', organization_id: 'org-wfp', sector: 'FOOD_SECURITY', month: '2026-03', deliveries: 1, presences: 0, actions: 0, actions_in_progress: 0, targeted: 40 };
    const kayes = { location_pcode: 'ML010101', adm0_pcode: 'ML', adm1_pcode: 'ML01', adm2_pcode: 'ML0101', adm3_pcode: 'ML010101' };
    expect(await facts()).toEqual([
      { ...common, ...kayes, seq: 1, status: 'PLANNED', reached: 0, valid_from: at[0], valid_to: at[1] },
      { ...common, ...kayes, seq: 2, status: 'DISPATCHED', reached: 0, valid_from: at[1], valid_to: at[2] },
      { ...common, ...kayes, seq: 3, status: 'DELIVERED', reached: 30, valid_from: at[2], valid_to: at[3] },
      { ...common, ...kayes, seq: 4, status: 'CONFIRMED', reached: 30, valid_from: at[3], valid_to: at[5] },
      {
        ...common,
        location_pcode: 'ML0201',
        adm0_pcode: 'ML',
        adm1_pcode: 'ML02',
        adm2_pcode: 'ML0201',
        adm3_pcode: null,
        seq: 6,
        status: 'DELIVERED',
        reached: 31,
        valid_from: at[5],
        valid_to: null,
      },
    ]);
    // The cell it left is gone, not kept at zero.
    expect(await matrix()).toEqual([
      { organization_id: 'org-wfp', sector: 'FOOD_SECURITY', adm1_pcode: 'ML02', adm2_pcode: 'ML0201', records: 1, deliveries: 1, presences: 0, actions: 0, targeted: 40, reached: 31 },
    ]);
    await expectRollupsAddUp();
  });

  it('counts a presence until it is withdrawn, files an unknown P-code under the parent the source gave, and moves it once the gazetteer knows it', async () => {
    await log.append('Presence-1', [presenceReported({ presenceId: 'Presence-1', location: 'ML0101' })]);
    await log.append('Presence-2', [presenceReported({ presenceId: 'Presence-2', location: 'ML0199', parentLocation: 'ML01', locationUnknown: true, sector: null, reached: null })]);
    await log.append('Presence-1', [presenceUpdated('Presence-1', 600, 450)]);
    await log.append('Presence-1', [presenceWithdrawn('Presence-1')]);
    await projectTwice(dataSource, PROJECTIONS, await log.all());

    const presences = (await facts()).map(({ record_id, seq, sector, location_pcode, adm1_pcode, adm2_pcode, targeted, reached, valid_to }) => ({
      record_id, seq, sector, location_pcode, adm1_pcode, adm2_pcode, targeted, reached, open: valid_to === null,
    }));
    expect(presences).toEqual([
      { record_id: 'Presence-1', seq: 1, sector: 'WASH', location_pcode: 'ML0101', adm1_pcode: 'ML01', adm2_pcode: 'ML0101', targeted: 500, reached: 120, open: false },
      { record_id: 'Presence-1', seq: 2, sector: 'WASH', location_pcode: 'ML0101', adm1_pcode: 'ML01', adm2_pcode: 'ML0101', targeted: 600, reached: 450, open: false },
      { record_id: 'Presence-2', seq: 1, sector: null, location_pcode: 'ML0199', adm1_pcode: 'ML01', adm2_pcode: null, targeted: 500, reached: 0, open: true },
    ]);
    await expectRollupsAddUp();

    await log.append('Location-ML0199', [locationRegistered('ML0199', 'Nouveau cercle', 2, 'ML01')]);
    await new ProjectionRunner(dataSource, PROJECTIONS).catchUp(log.store);
    expect(await matrix()).toEqual([
      { organization_id: 'org-ngo', sector: '', adm1_pcode: 'ML01', adm2_pcode: 'ML0199', records: 1, deliveries: 0, presences: 1, actions: 0, targeted: 500, reached: 0 },
    ]);
    await expectRollupsAddUp();
  });

  it('counts an action once its plan is approved, in progress only while the plan is open, and never once cancelled or removed', async () => {
    const plan = 'ActionPlan-1';
    const lead = { userId: 'u-lead', organizationId: 'org-mission' };
    await log.append(plan, [planDrafted(plan), actionAdded(plan, 'a1'), actionAdded(plan, 'a2', { sector: 'HEALTH', adminCode: 'ML0201' }), actionAdded(plan, 'a3')], lead);
    await log.append(plan, [actionRemoved(plan, 'a3'), planSubmitted(plan)], lead);
    expect(await facts()).toEqual([]);
    const [approved] = await log.append(plan, [planApproved(plan)], { userId: 'u-gov', organizationId: 'org-gov' });
    const [started] = await log.append(plan, [progressReported(plan, 'a1', 'IN_PROGRESS', 3)]);
    await log.append(plan, [progressReported(plan, 'a2', 'CANCELLED', null)]);
    const [closed] = await log.append(plan, [planClosed(plan)], lead);
    await projectTwice(dataSource, PROJECTIONS, await log.all());

    const actions = (await facts()).map(({ record_id, seq, sector, adm2_pcode, month, actions, actions_in_progress, valid_from, valid_to }) => ({
      record_id, seq, sector, adm2_pcode, month, actions, actions_in_progress, valid_from, valid_to,
    }));
    expect(actions).toEqual([
      { record_id: 'a1', seq: approved.streamVersion, sector: 'WASH', adm2_pcode: 'ML0101', month: '2026-03', actions: 1, actions_in_progress: 0, valid_from: approved.occurredAt, valid_to: started.occurredAt },
      { record_id: 'a1', seq: started.streamVersion, sector: 'WASH', adm2_pcode: 'ML0101', month: '2026-03', actions: 1, actions_in_progress: 1, valid_from: started.occurredAt, valid_to: closed.occurredAt },
      { record_id: 'a1', seq: closed.streamVersion, sector: 'WASH', adm2_pcode: 'ML0101', month: '2026-03', actions: 1, actions_in_progress: 0, valid_from: closed.occurredAt, valid_to: null },
      { record_id: 'a2', seq: approved.streamVersion, sector: 'HEALTH', adm2_pcode: 'ML0201', month: '2026-03', actions: 1, actions_in_progress: 0, valid_from: approved.occurredAt, valid_to: expect.any(String) },
    ]);
    await expectRollupsAddUp();
  });

  it('takes the ancestors of a destination registered only after the delivery, in every version', async () => {
    const id = 'AidDelivery-late';
    await log.append(id, [deliveryPlanned({ deliveryId: id, destination: 'ML020102' })]);
    await log.append(id, [deliveryDispatched(id)]);
    await new ProjectionRunner(dataSource, PROJECTIONS).catchUp(log.store);
    expect((await facts()).map((fact) => fact.adm2_pcode)).toEqual([null, null]);

    await log.append('Location-ML020102', [locationRegistered('ML020102', 'Kalifabougou', 3, 'ML0201')]);
    await new ProjectionRunner(dataSource, PROJECTIONS).catchUp(log.store);
    expect((await facts()).map(({ adm0_pcode, adm1_pcode, adm2_pcode, adm3_pcode }) => [adm0_pcode, adm1_pcode, adm2_pcode, adm3_pcode])).toEqual([
      ['ML', 'ML02', 'ML0201', 'ML020102'],
      ['ML', 'ML02', 'ML0201', 'ML020102'],
    ]);
    expect(await matrix()).toEqual([
      { organization_id: 'org-wfp', sector: 'FOOD_SECURITY', adm1_pcode: 'ML02', adm2_pcode: 'ML0201', records: 1, deliveries: 1, presences: 0, actions: 0, targeted: 40, reached: 0 },
    ]);
    await expectRollupsAddUp();
  });

  it('ends the same whether the log comes in one batch or in batches of three', async () => {
    for (let index = 0; index < 6; index += 1) {
      const id = `AidDelivery-${index}`;
      await log.append(id, [deliveryPlanned({ deliveryId: id, destination: index % 2 ? 'ML0201' : 'ML010102', agencyId: index % 3 ? 'org-wfp' : 'org-unicef' })]);
      await log.append(id, [deliveryDispatched(id), deliveryRecorded(id)]);
      if (index % 2) await log.append(id, [deliveryCorrected(id, { destination: 'ML0102', targetedBeneficiaries: 55 }, { destination: 'ML0201', targetedBeneficiaries: 40 })]);
    }
    await log.append('Presence-9', [presenceReported({ presenceId: 'Presence-9', location: 'ML0102' }), presenceWithdrawn('Presence-9')]);
    const events = await log.all();
    await new ProjectionRunner(dataSource, PROJECTIONS).handle(events);
    const whole = await snapshotReadModel(dataSource);
    await new ProjectionRunner(dataSource, PROJECTIONS, { rebuildBatchSize: 3 }).rebuild(log.store);
    const pieces = await snapshotReadModel(dataSource);
    for (const table of PICTURE_TABLES) expect(pieces[table]).toEqual(whole[table]);
    await expectRollupsAddUp();
  });
};

describe('picture projection [sqlite]', suite(SQLITE_ENGINE));
describeWithPostgres('picture projection', suite(POSTGRES_ENGINE));
