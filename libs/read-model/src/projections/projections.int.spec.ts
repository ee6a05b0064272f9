import type { DataSource } from 'typeorm';
import {
  describeWithPostgres,
  deliveryCancelled,
  deliveryConfirmed,
  deliveryCorrected,
  deliveryDispatched,
  deliveryFailed,
  deliveryPlanned,
  deliveryRecorded,
  emptyReadModel,
  GAZETTEER,
  locationUpdated,
  organizationRegistered,
  OpenReadModel,
  POSTGRES_ENGINE,
  projectTwice,
  REACHED,
  ReadModelEngine,
  registerGazetteer,
  RICE,
  SQLITE_ENGINE,
  TestEventLog,
} from '../testing/read-model-test-kit';
import { AidDeliveriesProjection } from './aid-deliveries.projection';
import { allProjections } from './all-projections';
import { HistoryProjection } from './history.projection';
import { LocationsProjection } from './locations.projection';
import { OrganizationsProjection } from './organizations.projection';

const projectionsSuite = (engine: ReadModelEngine) => () => {
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
  });
  afterEach(() => log.close());

  const rows = (sql: string, parameters: unknown[] = []) => dataSource.query(sql, parameters);
  const param = (index: number) => (engine.name === 'postgres' ? `$${index}` : '?');

  describe('organizations', () => {
    it('registers organisations, unchanged by a replay', async () => {
      await log.append('Organization-wfp', [organizationRegistered('org-wfp', 'World Food Programme', 'UN_AGENCY', 'WFP')]);
      await log.append('Organization-ngo', [organizationRegistered('org-ngo', 'Sahel Relief', 'NGO')]);

      await projectTwice(dataSource, [new OrganizationsProjection()], await log.all());

      expect(await rows('SELECT id, name, acronym, kind, registered_at FROM organizations ORDER BY id')).toEqual([
        { id: 'org-ngo', name: 'Sahel Relief', acronym: null, kind: 'NGO', registered_at: '2026-01-01T00:00:00.000Z' },
        { id: 'org-wfp', name: 'World Food Programme', acronym: 'WFP', kind: 'UN_AGENCY', registered_at: '2026-01-01T00:00:00.000Z' },
      ]);
    });
  });

  describe('locations', () => {
    const ancestry = () =>
      rows('SELECT pcode, level, parent_pcode, adm1_pcode, adm2_pcode, adm3_pcode FROM locations ORDER BY pcode');

    const EXPECTED_ANCESTRY = [
      { pcode: 'ML', level: 0, parent_pcode: null, adm1_pcode: null, adm2_pcode: null, adm3_pcode: null },
      { pcode: 'ML01', level: 1, parent_pcode: 'ML', adm1_pcode: 'ML01', adm2_pcode: null, adm3_pcode: null },
      { pcode: 'ML0101', level: 2, parent_pcode: 'ML01', adm1_pcode: 'ML01', adm2_pcode: 'ML0101', adm3_pcode: null },
      { pcode: 'ML010101', level: 3, parent_pcode: 'ML0101', adm1_pcode: 'ML01', adm2_pcode: 'ML0101', adm3_pcode: 'ML010101' },
      { pcode: 'ML010102', level: 3, parent_pcode: 'ML0101', adm1_pcode: 'ML01', adm2_pcode: 'ML0101', adm3_pcode: 'ML010102' },
      { pcode: 'ML0102', level: 2, parent_pcode: 'ML01', adm1_pcode: 'ML01', adm2_pcode: 'ML0102', adm3_pcode: null },
      { pcode: 'ML02', level: 1, parent_pcode: 'ML', adm1_pcode: 'ML02', adm2_pcode: null, adm3_pcode: null },
      { pcode: 'ML0201', level: 2, parent_pcode: 'ML02', adm1_pcode: 'ML02', adm2_pcode: 'ML0201', adm3_pcode: null },
      { pcode: 'ML020101', level: 3, parent_pcode: 'ML0201', adm1_pcode: 'ML02', adm2_pcode: 'ML0201', adm3_pcode: 'ML020101' },
    ];

    it('precomputes every ancestor, renames on update, unchanged by a replay', async () => {
      await registerGazetteer(log);
      await log.append('Location-ML0101', [locationUpdated('ML0101', 'Cercle de Kayes', 'Kayes cercle')]);

      await projectTwice(dataSource, [new LocationsProjection()], await log.all());

      expect(await ancestry()).toEqual(EXPECTED_ANCESTRY);
      expect(await rows(`SELECT name, latitude, longitude, valid_from FROM locations WHERE pcode = ${param(1)}`, ['ML0101'])).toEqual([
        { name: 'Cercle de Kayes', latitude: 14.5, longitude: -4.2, valid_from: '2020-01-01' },
      ]);
    });

    it('fills the ancestors of locations that arrived before their parents, across batches', async () => {
      await registerGazetteer(log, [...GAZETTEER].reverse());
      const events = await log.all();
      const runner = [new LocationsProjection()];

      await projectTwice(dataSource, runner, events.slice(0, 4));
      await projectTwice(dataSource, runner, events);

      expect(await ancestry()).toEqual(EXPECTED_ANCESTRY);
    });
  });

  describe('aid deliveries', () => {
    const delivery = async (id: string) =>
      (await rows(`SELECT * FROM aid_deliveries WHERE id = ${param(1)}`, [id]))[0] as Record<string, unknown>;

    it('follows a delivery through plan, dispatch, delivery and confirmation, unchanged by a replay', async () => {
      await registerGazetteer(log);
      const [planned] = await log.append('AidDelivery-1', [
        deliveryPlanned({ deliveryId: 'AidDelivery-1', destination: 'ML010101', implementingPartnerId: 'org-ngo', targetedBeneficiaries: 40 }),
      ]);
      await log.append('AidDelivery-1', [deliveryDispatched('AidDelivery-1')]);
      await log.append('AidDelivery-1', [deliveryRecorded('AidDelivery-1', REACHED, [{ ...RICE, quantity: 90 }])]);
      const [confirmed] = await log.append('AidDelivery-1', [deliveryConfirmed('AidDelivery-1', 'org-community')]);

      await projectTwice(dataSource, allProjections, await log.all());

      expect(await delivery('AidDelivery-1')).toEqual({
        id: 'AidDelivery-1',
        agency_id: 'org-wfp',
        implementing_partner_id: 'org-ngo',
        sector: 'FOOD_SECURITY',
        destination_pcode: 'ML010101',
        adm1_pcode: 'ML01',
        adm2_pcode: 'ML0101',
        adm3_pcode: 'ML010101',
        planned_date: '2026-03-10',
        status: 'CONFIRMED',
        targeted: 40,
        reached_women: 10,
        reached_men: 8,
        reached_girls: 5,
        reached_boys: 7,
        items: JSON.stringify([RICE]),
        delivered_items: JSON.stringify([{ ...RICE, quantity: 90 }]),
        failure_reason: null,
        confirmed_by: 'org-community',
        version: 4,
        position: confirmed.position,
        updated_at: confirmed.occurredAt,
      });
      expect(planned.streamVersion).toBe(1);
    });

    it('applies a correction of a confirmed delivery: new facts, new destination, confirmation withdrawn', async () => {
      await registerGazetteer(log);
      await log.append('AidDelivery-1', [
        deliveryPlanned({ deliveryId: 'AidDelivery-1', destination: 'ML010101' }),
        deliveryDispatched('AidDelivery-1'),
        deliveryRecorded('AidDelivery-1'),
        deliveryConfirmed('AidDelivery-1', 'org-community'),
      ]);
      const changed = { women: 12, men: 8, girls: 5, boys: 7 };
      await log.append('AidDelivery-1', [
        deliveryCorrected(
          'AidDelivery-1',
          { reached: changed, targetedBeneficiaries: 50, destination: 'ML0201', items: [{ ...RICE, quantity: 120 }] },
          { reached: REACHED, targetedBeneficiaries: 40, destination: 'ML010101', items: [RICE] },
          true,
        ),
      ]);

      await projectTwice(dataSource, allProjections, await log.all());

      expect(await delivery('AidDelivery-1')).toMatchObject({
        status: 'DELIVERED',
        confirmed_by: null,
        reached_women: 12,
        targeted: 50,
        destination_pcode: 'ML0201',
        adm1_pcode: 'ML02',
        adm2_pcode: 'ML0201',
        adm3_pcode: null,
        items: JSON.stringify([{ ...RICE, quantity: 120 }]),
        version: 5,
      });
    });

    it('keeps the status of a correction that withdraws nothing', async () => {
      await registerGazetteer(log);
      await log.append('AidDelivery-1', [
        deliveryPlanned({ deliveryId: 'AidDelivery-1', destination: 'ML0101' }),
        deliveryCorrected('AidDelivery-1', { targetedBeneficiaries: 60 }, { targetedBeneficiaries: 40 }),
      ]);

      await projectTwice(dataSource, allProjections, await log.all());

      expect(await delivery('AidDelivery-1')).toMatchObject({ status: 'PLANNED', targeted: 60, reached_women: null });
    });

    it('records failures and cancellations', async () => {
      await registerGazetteer(log);
      await log.append('AidDelivery-1', [
        deliveryPlanned({ deliveryId: 'AidDelivery-1', destination: 'ML0101' }),
        deliveryDispatched('AidDelivery-1'),
        deliveryFailed('AidDelivery-1', 'INSECURITY'),
      ]);
      await log.append('AidDelivery-2', [
        deliveryPlanned({ deliveryId: 'AidDelivery-2', destination: 'ML0201' }),
        deliveryCancelled('AidDelivery-2'),
      ]);

      await projectTwice(dataSource, allProjections, await log.all());

      expect(await delivery('AidDelivery-1')).toMatchObject({ status: 'FAILED', failure_reason: 'INSECURITY', version: 3 });
      expect(await delivery('AidDelivery-2')).toMatchObject({ status: 'CANCELLED', failure_reason: null, version: 2 });
    });

    it('takes the ancestors of a destination registered only after the delivery', async () => {
      await log.append('AidDelivery-1', [deliveryPlanned({ deliveryId: 'AidDelivery-1', destination: 'ML010101' })]);
      const early = await log.all();
      await registerGazetteer(log);
      const projections = [new LocationsProjection(), new AidDeliveriesProjection()];

      await projectTwice(dataSource, projections, early);
      expect(await delivery('AidDelivery-1')).toMatchObject({ adm1_pcode: null, adm3_pcode: null });
      await projectTwice(dataSource, projections, await log.all());

      expect(await delivery('AidDelivery-1')).toMatchObject({ adm1_pcode: 'ML01', adm2_pcode: 'ML0101', adm3_pcode: 'ML010101' });
    });
  });

  describe('history', () => {
    it('keeps every event of every stream with who, which organisation and when, unchanged by a replay', async () => {
      await log.append('Organization-wfp', [organizationRegistered('org-wfp', 'World Food Programme')], {
        userId: 'admin',
        organizationId: 'org-mission',
      });
      await log.append('AidDelivery-1', [deliveryPlanned({ deliveryId: 'AidDelivery-1', destination: 'ML0101' })]);
      await log.append('AidDelivery-1', [deliveryDispatched('AidDelivery-1')]);
      const events = await log.all();

      await projectTwice(dataSource, [new HistoryProjection()], events);

      const history = await rows('SELECT * FROM history ORDER BY stream_id, version');
      expect(history).toHaveLength(3);
      expect(history.map((entry: { stream_id: string; version: number; type: string }) => [entry.stream_id, entry.version, entry.type])).toEqual([
        ['AidDelivery-1', 1, 'DeliveryPlanned'],
        ['AidDelivery-1', 2, 'DeliveryDispatched'],
        ['Organization-wfp', 1, 'OrganizationRegistered'],
      ]);
      const registered = events.find((event) => event.type === 'OrganizationRegistered');
      expect(history[2]).toEqual({
        stream_id: 'Organization-wfp',
        version: 1,
        position: registered?.position,
        type: 'OrganizationRegistered',
        occurred_at: registered?.occurredAt,
        actor_user_id: 'admin',
        actor_organization_id: 'org-mission',
        command_id: null,
        data: JSON.stringify(registered?.data),
      });
    });
  });
};

describe('read-model projections [sqlite]', projectionsSuite(SQLITE_ENGINE));
describeWithPostgres('read-model projections', projectionsSuite(POSTGRES_ENGINE));
