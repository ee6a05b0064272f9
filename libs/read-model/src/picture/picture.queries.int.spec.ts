import type { LiaisonMeetingEvent, Sector, Severity } from '@coord/contracts';
import type { DataSource } from 'typeorm';
import { LiaisonMeetingsProjection } from '../projections/liaison-meetings.projection';
import { LocationsProjection } from '../projections/locations.projection';
import { ProjectionRunner } from '../projection/projection-runner';
import { actionAdded, planApproved, planDrafted, planSubmitted } from '../testing/action-plan-events';
import { concernRaised, meetingHeld, meetingScheduled } from '../testing/liaison-meeting-events';
import { presenceReported } from '../testing/picture-events';
import {
  deliveryCancelled,
  deliveryCorrected,
  deliveryPlanned,
  deliveryRecorded,
  describeWithPostgres,
  deliveryDispatched,
  emptyReadModel,
  OpenReadModel,
  POSTGRES_ENGINE,
  ReadModelEngine,
  registerGazetteer,
  SQLITE_ENGINE,
  TestEventLog,
} from '../testing/read-model-test-kit';
import { PictureProjection } from './picture.projection';
import { PictureQueries } from './picture.queries';

const concern = (meetingId: string, concernId: string, sector: Sector, location: string, severity: Severity, raisedAt: string): LiaisonMeetingEvent => {
  const raised = concernRaised(meetingId, concernId, { sector, location, severity, sensitive: true, text: `secret ${concernId}` });
  return { ...raised, data: { ...raised.data, raisedAt } } as LiaisonMeetingEvent;
};

const suite = (engine: ReadModelEngine) => () => {
  let readModel: OpenReadModel;
  let dataSource: DataSource;
  let queries: PictureQueries;
  let log: TestEventLog;
  let deliveries = 0;

  beforeAll(async () => {
    readModel = await engine.open();
    dataSource = readModel.dataSource;
    queries = new PictureQueries(dataSource);
  });
  afterAll(() => readModel.dispose());
  beforeEach(async () => {
    await emptyReadModel(dataSource);
    log = new TestEventLog();
    await registerGazetteer(log);
  });
  afterEach(() => log.close());

  const project = () => new ProjectionRunner(dataSource, [new LocationsProjection(), new LiaisonMeetingsProjection(), new PictureProjection()]).catchUp(log.store);
  const deliver = async (agencyId: string, sector: Sector, destination: string, plannedDate: string, targetedBeneficiaries = 100) => {
    deliveries += 1;
    const id = `AidDelivery-${deliveries}`;
    await log.append(id, [deliveryPlanned({ deliveryId: id, agencyId, sector, destination, plannedDate, targetedBeneficiaries })]);
    return id;
  };
  const meeting = async (...concerns: LiaisonMeetingEvent[]) => {
    await log.append('LiaisonMeeting-1', [meetingScheduled('LiaisonMeeting-1'), meetingHeld('LiaisonMeeting-1'), ...concerns]);
  };

  describe('gaps', () => {
    it('lists each place and sector with concerns and no response, most severe first, and never a concern’s text', async () => {
      await meeting(
        concern('LiaisonMeeting-1', 'c1', 'WASH', 'ML010101', 'HIGH', '2026-03-03T10:00:00.000Z'),
        concern('LiaisonMeeting-1', 'c2', 'WASH', 'ML010101', 'CRITICAL', '2026-03-02T10:00:00.000Z'),
        concern('LiaisonMeeting-1', 'c3', 'HEALTH', 'ML0201', 'LOW', '2026-03-04T10:00:00.000Z'),
      );
      await project();
      const gaps = await queries.gaps();
      expect(gaps).toEqual([
        { locationPcode: 'ML010101', sector: 'WASH', concerns: 2, highestSeverity: 'CRITICAL', since: '2026-03-02T10:00:00.000Z' },
        { locationPcode: 'ML0201', sector: 'HEALTH', concerns: 1, highestSeverity: 'LOW', since: '2026-03-04T10:00:00.000Z' },
      ]);
      expect(JSON.stringify(gaps)).not.toContain('secret');
      expect(await queries.gaps('ML02')).toEqual([gaps[1]]);
      expect(await queries.gaps('ML0101')).toEqual([gaps[0]]);
      expect(await queries.gaps('ML')).toEqual(gaps);
      expect(await queries.gaps(null, '2026-03-04', '2026-03-31')).toEqual([gaps[1]]);
    });

    it('closes when a delivery, presence or agreed action of that sector covers the place, above or below it, within the window', async () => {
      await meeting(
        concern('LiaisonMeeting-1', 'commune', 'WASH', 'ML010101', 'HIGH', '2026-03-03T10:00:00.000Z'),
        concern('LiaisonMeeting-1', 'district', 'HEALTH', 'ML0101', 'HIGH', '2026-03-03T10:00:00.000Z'),
        concern('LiaisonMeeting-1', 'region', 'SHELTER', 'ML02', 'HIGH', '2026-03-03T10:00:00.000Z'),
      );
      // Not responses: another sector, a cancelled delivery, a delivery outside the window.
      await deliver('org-wfp', 'FOOD_SECURITY', 'ML010101', '2026-03-10');
      const cancelled = await deliver('org-wfp', 'HEALTH', 'ML010102', '2026-03-10');
      await log.append(cancelled, [deliveryCancelled(cancelled)]);
      await deliver('org-wfp', 'SHELTER', 'ML020101', '2026-06-10');
      await project();
      expect((await queries.gaps(null, '2026-03-01', '2026-03-31')).map((gap) => gap.locationPcode)).toEqual(['ML0101', 'ML010101', 'ML02']);

      // A district-wide presence covers the commune; a delivery to a commune covers its district; a
      // delivery in the region covers it.
      await log.append('Presence-1', [presenceReported({ presenceId: 'Presence-1', sector: 'WASH', location: 'ML0101', periodStart: '2026-01-01', periodEnd: '2026-12-31' })]);
      await deliver('org-unicef', 'HEALTH', 'ML010102', '2026-03-20');
      await project();
      expect((await queries.gaps(null, '2026-03-01', '2026-03-31')).map((gap) => gap.locationPcode)).toEqual(['ML02']);
      // An action agreed in the region's plan covers it too, once approved.
      const plan = 'ActionPlan-1';
      await log.append(plan, [planDrafted(plan), actionAdded(plan, 'a1', { sector: 'SHELTER', adminCode: 'ML020101' }), planSubmitted(plan)]);
      await project();
      expect((await queries.gaps(null, '2026-03-01', '2026-03-31')).map((gap) => gap.locationPcode)).toEqual(['ML02']);
      await log.append(plan, [planApproved(plan)]);
      await project();
      expect(await queries.gaps(null, '2026-03-01', '2026-03-31')).toEqual([]);
      // Outside that window the concerns are not there to be gaps.
      expect(await queries.gaps(null, '2026-04-01', '2026-04-30')).toEqual([]);
    });
  });

  describe('overlaps', () => {
    it('finds two or more organisations delivering in the same sector, district and month, and nothing else', async () => {
      await deliver('org-wfp', 'FOOD_SECURITY', 'ML010101', '2026-03-05');
      await deliver('org-wfp', 'FOOD_SECURITY', 'ML010101', '2026-03-07');
      await deliver('org-unicef', 'FOOD_SECURITY', 'ML010102', '2026-03-25');
      // Same organisation only, another month, another sector, another district, cancelled.
      await deliver('org-wfp', 'HEALTH', 'ML0201', '2026-03-05');
      await deliver('org-wfp', 'HEALTH', 'ML0201', '2026-03-06');
      await deliver('org-unicef', 'FOOD_SECURITY', 'ML0101', '2026-04-02');
      await deliver('org-unicef', 'WASH', 'ML0101', '2026-03-02');
      await deliver('org-ngo', 'FOOD_SECURITY', 'ML0102', '2026-03-02');
      const cancelled = await deliver('org-ngo', 'HEALTH', 'ML0201', '2026-03-09');
      await log.append(cancelled, [deliveryCancelled(cancelled)]);
      await project();
      const overlap = {
        locationPcode: 'ML0101',
        sector: 'FOOD_SECURITY',
        month: '2026-03',
        organizationIds: ['org-unicef', 'org-wfp'],
        deliveries: 3,
        from: '2026-03-05',
        to: '2026-03-25',
      };
      expect(await queries.overlaps()).toEqual([overlap]);
      expect(await queries.overlaps('ML01')).toEqual([overlap]);
      expect(await queries.overlaps('ML010102')).toEqual([]);
      expect(await queries.overlaps('ML02')).toEqual([]);
      expect(await queries.overlaps(null, '2026-03-06', '2026-03-31')).toEqual([{ ...overlap, deliveries: 2, from: '2026-03-07' }]);
    });
  });

  describe('who does what where', () => {
    it('sums at adm1 and adm2 as counted by hand, a record in a district counting in its region', async () => {
      const first = await deliver('org-wfp', 'FOOD_SECURITY', 'ML010101', '2026-03-05', 100);
      await log.append(first, [deliveryDispatched(first), deliveryRecorded(first, { women: 5, men: 5, girls: 5, boys: 5 })]);
      await deliver('org-wfp', 'FOOD_SECURITY', 'ML0102', '2026-03-06', 50);
      await deliver('org-wfp', 'FOOD_SECURITY', 'ML01', '2026-03-07', 7);
      await deliver('org-unicef', 'HEALTH', 'ML0201', '2026-04-01', 30);
      await log.append('Presence-1', [presenceReported({ presenceId: 'Presence-1', organizationId: 'org-ngo', sector: 'WASH', location: 'ML020101', targeted: 500, reached: 120 })]);
      await project();

      const row = (fields: Record<string, unknown>) => ({
        organizationId: null, sector: null, countryPcode: 'ML', adm1Pcode: null, adm2Pcode: null, adm3Pcode: null, locationPcode: null, month: null, status: null,
        deliveries: 0, targeted: 0, reached: 0, actionsInProgress: 0, presences: 0, actions: 0, ...fields,
      });
      expect(await queries.whoWhatWhere({}, ['ADM1'])).toEqual([
        row({ adm1Pcode: 'ML01', locationPcode: 'ML01', deliveries: 3, targeted: 157, reached: 20 }),
        row({ adm1Pcode: 'ML02', locationPcode: 'ML02', deliveries: 1, targeted: 530, presences: 1, reached: 120 }),
      ]);
      expect(await queries.whoWhatWhere({}, ['ADM2'])).toEqual([
        row({ adm1Pcode: 'ML01', deliveries: 1, targeted: 7 }),
        row({ adm1Pcode: 'ML01', adm2Pcode: 'ML0101', locationPcode: 'ML0101', deliveries: 1, targeted: 100, reached: 20 }),
        row({ adm1Pcode: 'ML01', adm2Pcode: 'ML0102', locationPcode: 'ML0102', deliveries: 1, targeted: 50 }),
        row({ adm1Pcode: 'ML02', adm2Pcode: 'ML0201', locationPcode: 'ML0201', deliveries: 1, targeted: 530, presences: 1, reached: 120 }),
      ]);
      expect(await queries.whoWhatWhere({ adminCode: 'ML01' }, ['ORGANIZATION', 'SECTOR'])).toEqual([
        { ...row({ organizationId: 'org-wfp', sector: 'FOOD_SECURITY', deliveries: 3, targeted: 157, reached: 20 }), countryPcode: null },
      ]);
      expect((await queries.whoWhatWhereStatement({ adminCode: 'ML01' }, ['ORGANIZATION', 'SECTOR'])).source).toBe('rollup:regions');
      expect((await queries.whoWhatWhereStatement({ adminCode: 'ML01' }, ['ORGANIZATION', 'SECTOR', 'ADM2'])).source).toBe('rollup:matrix');
      expect((await queries.whoWhatWhereStatement({}, ['MONTH', 'STATUS'])).source).toBe('rollup:timeline');
      expect((await queries.whoWhatWhereStatement({ adminCode: 'ML010101' }, [])).source).toBe('rollup:cell');
      expect((await queries.whoWhatWhereStatement({ organizationId: 'org-wfp' }, [])).source).toBe('facts');
    });

    it('refuses malformed questions with the field at fault', async () => {
      const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: { code: string; details: { field?: string } }) => [error.code, error.details.field]);
      expect(await refusal(queries.whoWhatWhere({ from: '2026-02-30' }, []))).toEqual(['BAD_USER_INPUT', 'filter.from']);
      expect(await refusal(queries.whoWhatWhere({ from: '2026-03-02', to: '2026-03-01' }, []))).toEqual(['BAD_USER_INPUT', 'filter.to']);
      expect(await refusal(queries.whoWhatWhere({}, ['COUNTRY' as never]))).toEqual(['BAD_USER_INPUT', 'groupBy']);
      expect(await refusal(queries.whoWhatWhere({}, [], 'yesterday'))).toEqual(['BAD_USER_INPUT', 'asOf']);
      expect(await refusal(queries.gaps(null, '2026-13-01'))).toEqual(['BAD_USER_INPUT', 'from']);
      expect(await refusal(queries.overlaps(null, '2026-03-02', '2026-03-01'))).toEqual(['BAD_USER_INPUT', 'to']);
    });
  });

  it('tells which cells of the current picture a batch changed, with zeros for a cell a record left', async () => {
    const id = await deliver('org-wfp', 'FOOD_SECURITY', 'ML010101', '2026-03-05', 100);
    await project();
    const [moved] = await log.append(id, [deliveryCorrected(id, { destination: 'ML0201' }, { destination: 'ML010101' })]);
    await project();
    const changes = await queries.changesFrom([moved]);
    expect(changes.map(({ row, areas }) => [row.locationPcode, row.deliveries, row.targeted, areas])).toEqual([
      ['ML010101', 0, 0, ['ML010101', 'ML0101', 'ML01', 'ML']],
      ['ML0201', 1, 100, ['ML0201', 'ML02', 'ML']],
    ]);
    expect(await queries.areasOf(['ML0201', 'nowhere'])).toEqual(new Map([['ML0201', ['ML0201', 'ML02', 'ML']]]));
  });
};

describe('picture queries [sqlite]', suite(SQLITE_ENGINE));
describeWithPostgres('picture queries', suite(POSTGRES_ENGINE));
