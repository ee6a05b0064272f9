import type { DataSource } from 'typeorm';
import { ProjectionRunner } from '../projection/projection-runner';
import { allProjections } from '../projections/all-projections';
import {
  describeWithPostgres,
  deliveryCancelled,
  deliveryConfirmed,
  deliveryDispatched,
  deliveryFailed,
  deliveryPlanned,
  deliveryRecorded,
  emptyReadModel,
  OpenReadModel,
  organizationRegistered,
  POSTGRES_ENGINE,
  REACHED,
  ReadModelEngine,
  registerGazetteer,
  RICE,
  SQLITE_ENGINE,
  TestEventLog,
} from '../testing/read-model-test-kit';
import { ReadModelQueries } from './read-model.queries';
import type { DeliveryFilter } from './read-model.views';

const queriesSuite = (engine: ReadModelEngine) => () => {
  let readModel: OpenReadModel;
  let dataSource: DataSource;
  let log: TestEventLog;
  let queries: ReadModelQueries;

  beforeAll(async () => {
    readModel = await engine.open();
    dataSource = readModel.dataSource;
    await emptyReadModel(dataSource);
    log = new TestEventLog();
    await registerGazetteer(log);
    await log.append('Organization-wfp', [organizationRegistered('org-wfp', 'World Food Programme', 'UN_AGENCY', 'WFP')]);
    await log.append('Organization-unicef', [organizationRegistered('org-unicef', 'UNICEF', 'UN_AGENCY', 'UNICEF')]);
    await log.append('Organization-ngo', [organizationRegistered('org-ngo', 'Sahel Relief', 'NGO')]);
    // Planned dates give the list order D3, D2, D1, D5, D4 (D1 and D5 tie on the date, then by id).
    await log.append('D1', [
      deliveryPlanned({ deliveryId: 'D1', destination: 'ML010101', sector: 'FOOD_SECURITY', agencyId: 'org-wfp', implementingPartnerId: 'org-ngo', plannedDate: '2026-03-10' }),
      deliveryDispatched('D1'),
      deliveryRecorded('D1'),
      deliveryConfirmed('D1', 'org-community'),
    ]);
    await log.append('D2', [deliveryPlanned({ deliveryId: 'D2', destination: 'ML0102', sector: 'HEALTH', agencyId: 'org-unicef', plannedDate: '2026-03-15' })]);
    await log.append('D3', [
      deliveryPlanned({ deliveryId: 'D3', destination: 'ML020101', sector: 'FOOD_SECURITY', agencyId: 'org-ngo', plannedDate: '2026-04-01' }),
      deliveryDispatched('D3'),
    ]);
    await log.append('D4', [
      deliveryPlanned({ deliveryId: 'D4', destination: 'ML01', sector: 'WASH', agencyId: 'org-wfp', implementingPartnerId: 'org-unicef', plannedDate: '2026-02-20' }),
      deliveryCancelled('D4'),
    ]);
    await log.append('D5', [
      deliveryPlanned({ deliveryId: 'D5', destination: 'ML0201', sector: 'FOOD_SECURITY', agencyId: 'org-wfp', plannedDate: '2026-03-10' }),
      deliveryDispatched('D5'),
      deliveryFailed('D5', 'INSECURITY'),
    ]);
    await new ProjectionRunner(dataSource, allProjections).handle(await log.all());
    queries = new ReadModelQueries(dataSource);
  });
  afterAll(async () => {
    await log.close();
    await readModel.dispose();
  });

  const ids = async (filter: DeliveryFilter) => (await queries.deliveries(filter)).nodes.map((node) => node.id);

  describe('deliveries', () => {
    it('lists every delivery newest planned first, ties by id', async () => {
      const page = await queries.deliveries();
      expect(page.nodes.map((node) => node.id)).toEqual(['D3', 'D2', 'D1', 'D5', 'D4']);
      expect(page).toMatchObject({ totalCount: 5, hasNextPage: false });
    });

    it('filters by an admin code at any level: the place itself and everything below it', async () => {
      expect(await ids({ adminCode: 'ML' })).toEqual(['D3', 'D2', 'D1', 'D5', 'D4']);
      expect(await ids({ adminCode: 'ML01' })).toEqual(['D2', 'D1', 'D4']);
      expect(await ids({ adminCode: 'ML02' })).toEqual(['D3', 'D5']);
      expect(await ids({ adminCode: 'ML0101' })).toEqual(['D1']);
      expect(await ids({ adminCode: 'ML0201' })).toEqual(['D3', 'D5']);
      expect(await ids({ adminCode: 'ML010101' })).toEqual(['D1']);
      expect(await ids({ adminCode: 'ML9999' })).toEqual([]);
    });

    it('filters by sector', async () => {
      expect(await ids({ sector: 'FOOD_SECURITY' })).toEqual(['D3', 'D1', 'D5']);
      expect(await ids({ sector: 'EDUCATION' })).toEqual([]);
    });

    it('filters by organisation as the agency or as the implementing partner', async () => {
      expect(await ids({ organizationId: 'org-ngo' })).toEqual(['D3', 'D1']);
      expect(await ids({ organizationId: 'org-unicef' })).toEqual(['D2', 'D4']);
    });

    it('bounds the planned date inclusively', async () => {
      expect(await ids({ from: '2026-03-10', to: '2026-03-15' })).toEqual(['D2', 'D1', 'D5']);
      expect(await ids({ from: '2026-03-11' })).toEqual(['D3', 'D2']);
      expect(await ids({ to: '2026-03-10' })).toEqual(['D1', 'D5', 'D4']);
    });

    it('filters by any of several statuses; an empty list does not filter', async () => {
      expect(await ids({ status: ['PLANNED', 'FAILED'] })).toEqual(['D2', 'D5']);
      expect(await ids({ status: ['CONFIRMED'] })).toEqual(['D1']);
      expect(await ids({ status: [] })).toHaveLength(5);
    });

    it('combines filters, and counts what they match', async () => {
      const page = await queries.deliveries({ adminCode: 'ML02', sector: 'FOOD_SECURITY', from: '2026-04-01', organizationId: 'org-ngo' });
      expect(page.nodes.map((node) => node.id)).toEqual(['D3']);
      expect(page.totalCount).toBe(1);
    });

    it('pages of 2 over 5 rows cover every row exactly once, with the total on every page', async () => {
      const seen: string[] = [];
      const pages: { hasNextPage: boolean; totalCount: number }[] = [];
      let after: string | null = null;
      do {
        const page = await queries.deliveries({}, 2, after);
        seen.push(...page.nodes.map((node) => node.id));
        pages.push({ hasNextPage: page.hasNextPage, totalCount: page.totalCount });
        after = page.hasNextPage ? page.endCursor : null;
      } while (after);

      expect(seen).toEqual(['D3', 'D2', 'D1', 'D5', 'D4']);
      expect(pages).toEqual([
        { hasNextPage: true, totalCount: 5 },
        { hasNextPage: true, totalCount: 5 },
        { hasNextPage: false, totalCount: 5 },
      ]);
    });

    it('pages through a filtered list', async () => {
      const first = await queries.deliveries({ sector: 'FOOD_SECURITY' }, 2);
      const second = await queries.deliveries({ sector: 'FOOD_SECURITY' }, 2, first.endCursor);
      expect([first, second].map((page) => page.nodes.map((node) => node.id))).toEqual([['D3', 'D1'], ['D5']]);
      expect(second).toMatchObject({ totalCount: 3, hasNextPage: false });
    });

    it('answers only the count and whether rows exist for first: 0', async () => {
      expect(await queries.deliveries({}, 0)).toEqual({ nodes: [], totalCount: 5, endCursor: null, hasNextPage: true });
    });

    it('rejects a page size out of bounds, a foreign cursor and a malformed date as bad input', async () => {
      await expect(queries.deliveries({}, 501)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'first' } });
      await expect(queries.deliveries({}, -1)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'first' } });
      await expect(queries.deliveries({}, 2, 'not-a-cursor')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'after' } });
      await expect(queries.deliveries({ from: '10/03/2026' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'from' } });
    });

    it('answers one delivery with its items, people reached and confirmation', async () => {
      expect(await queries.deliveryById('D1')).toMatchObject({
        id: 'D1',
        agencyId: 'org-wfp',
        implementingPartnerId: 'org-ngo',
        sector: 'FOOD_SECURITY',
        items: [RICE],
        deliveredItems: [RICE],
        destinationPcode: 'ML010101',
        adm1Pcode: 'ML01',
        plannedDate: '2026-03-10',
        status: 'CONFIRMED',
        targetedBeneficiaries: 40,
        reached: { ...REACHED, total: 30 },
        failureReason: null,
        confirmedById: 'org-community',
        version: 4,
      });
      expect(await queries.deliveryById('D5')).toMatchObject({ reached: null, deliveredItems: null, failureReason: 'INSECURITY' });
      expect(await queries.deliveryById('nope')).toBeNull();
    });
  });

  describe('reference data and history', () => {
    it('lists organisations by name and looks them up by id', async () => {
      expect((await queries.organizations()).map((organization) => organization.name)).toEqual([
        'Sahel Relief',
        'UNICEF',
        'World Food Programme',
      ]);
      const found = await queries.organizationsByIds(['org-wfp', 'missing', 'org-ngo', 'org-wfp']);
      expect(found.map((organization) => organization.id).sort()).toEqual(['org-ngo', 'org-wfp']);
      expect(found.find((organization) => organization.id === 'org-wfp')).toEqual({
        id: 'org-wfp',
        name: 'World Food Programme',
        acronym: 'WFP',
        kind: 'UN_AGENCY',
        registeredAt: '2026-01-01T00:00:00.000Z',
      });
      expect(await queries.organizationsByIds([])).toEqual([]);
    });

    it('lists locations by level and by parent, and looks them up by P-code', async () => {
      expect((await queries.locations({ level: 1 })).map((location) => location.pcode)).toEqual(['ML01', 'ML02']);
      expect((await queries.locations({ parentCode: 'ML01' })).map((location) => location.pcode)).toEqual(['ML0101', 'ML0102']);
      expect(await queries.locations()).toHaveLength(9);
      const [commune] = await queries.locationsByPcodes(['ML010101']);
      expect(commune).toEqual({
        pcode: 'ML010101',
        name: 'Kayes commune',
        level: 3,
        parentPcode: 'ML0101',
        adm1Pcode: 'ML01',
        adm2Pcode: 'ML0101',
        adm3Pcode: 'ML010101',
        latitude: null,
        longitude: null,
        validFrom: '2020-01-01',
      });
    });

    it('answers the history of a record in stream order', async () => {
      const history = await queries.history('D1');
      expect(history.map((entry) => [entry.version, entry.type])).toEqual([
        [1, 'DeliveryPlanned'],
        [2, 'DeliveryDispatched'],
        [3, 'DeliveryRecorded'],
        [4, 'DeliveryConfirmed'],
      ]);
      expect(history[3]).toMatchObject({ streamId: 'D1', actorUserId: 'user-1', actorOrganizationId: 'org-wfp', commandId: null });
      expect(JSON.parse(history[3].data)).toEqual(deliveryConfirmed('D1', 'org-community').data);
      expect(await queries.history('nope')).toEqual([]);
    });
  });
};

describe('read-model queries [sqlite]', queriesSuite(SQLITE_ENGINE));
describeWithPostgres('read-model queries', queriesSuite(POSTGRES_ENGINE));
