import type { DataSource } from 'typeorm';
import { ProjectionRunner } from '../projection/projection-runner';
import { allProjections } from '../projections/all-projections';
import {
  INDICATOR,
  actionAdded,
  actionAmended,
  actionRemoved,
  planApproved,
  planChangesRequested,
  planDrafted,
  planSubmitted,
  progressReported,
} from '../testing/action-plan-events';
import {
  describeWithPostgres,
  emptyReadModel,
  OpenReadModel,
  POSTGRES_ENGINE,
  ReadModelEngine,
  registerGazetteer,
  SQLITE_ENGINE,
  TestEventLog,
} from '../testing/read-model-test-kit';
import { ActionPlanQueries } from './action-plan.queries';

const LEAD = { userId: 'u-lead', organizationId: 'org-mission' };
const GOV = { userId: 'u-gov', organizationId: 'org-gov' };
const WFP = { userId: 'u-wfp', organizationId: 'org-wfp' };

const suite = (engine: ReadModelEngine) => () => {
  let readModel: OpenReadModel;
  let dataSource: DataSource;
  let log: TestEventLog;
  let queries: ActionPlanQueries;
  /** When P1 was first submitted: what "the last session" saw. */
  let firstSubmission: string;

  beforeAll(async () => {
    readModel = await engine.open();
    dataSource = readModel.dataSource;
    await emptyReadModel(dataSource);
    log = new TestEventLog();
    await registerGazetteer(log);
    // P1, approved, with actions in a commune of Kayes, a district of Koulikoro and the Kayes region;
    // P2, a draft of a committee's, with one action in Kati.
    await log.append('ActionPlan-P1', [planDrafted('ActionPlan-P1', { periodStart: '2026-01-01' })], LEAD);
    await log.append('ActionPlan-P1', [
      actionAdded('ActionPlan-P1', 'kayes-commune', { dueDate: '2026-03-31', adminCode: 'ML010101' }),
      actionAdded('ActionPlan-P1', 'kati', { dueDate: '2026-02-28', adminCode: 'ML0201', responsibleId: 'org-ngo', indicator: null }),
      actionAdded('ActionPlan-P1', 'kayes-region', { dueDate: '2026-04-30', adminCode: 'ML01' }),
      actionAdded('ActionPlan-P1', 'done-early', { dueDate: '2026-01-31', adminCode: 'ML010101' }),
      actionAdded('ActionPlan-P1', 'dropped', { dueDate: '2026-01-31', adminCode: 'ML010101' }),
    ], LEAD);
    [{ occurredAt: firstSubmission }] = await log.append('ActionPlan-P1', [planSubmitted('ActionPlan-P1')], LEAD);
    await log.append('ActionPlan-P1', [planChangesRequested('ActionPlan-P1', 'Drop the duplicate')], GOV);
    await log.append('ActionPlan-P1', [actionRemoved('ActionPlan-P1', 'dropped'), actionAmended('ActionPlan-P1', 'kayes-region')], LEAD);
    await log.append('ActionPlan-P1', [planSubmitted('ActionPlan-P1')], LEAD);
    await log.append('ActionPlan-P1', [planApproved('ActionPlan-P1', 'Approved')], GOV);
    await log.append('ActionPlan-P1', [progressReported('ActionPlan-P1', 'kayes-commune', 'IN_PROGRESS', 5)], WFP);
    await log.append('ActionPlan-P1', [progressReported('ActionPlan-P1', 'done-early', 'DONE', 12)], WFP);
    await log.append('ActionPlan-P2', [
      planDrafted('ActionPlan-P2', { committeeId: 'Committee-1', periodStart: '2026-02-01', title: 'Standing plan' }),
      actionAdded('ActionPlan-P2', 'kati', { dueDate: '2026-03-01', adminCode: 'ML020101', sourceDecisionId: 'decision-1' }),
    ], LEAD);
    await new ProjectionRunner(dataSource, allProjections).handle(await log.all());
    queries = new ActionPlanQueries(dataSource);
  });
  afterAll(async () => {
    await log.close();
    await readModel.dispose();
  });

  it('answers a plan whole: actions in the order added (removed ones gone), review comments, status', async () => {
    const plan = await queries.plan('ActionPlan-P1');
    expect(plan).toMatchObject({
      id: 'ActionPlan-P1',
      status: 'APPROVED',
      leadId: 'org-mission',
      counterpartId: 'org-gov',
      reviewComments: [
        { authorId: 'org-gov', text: 'Drop the duplicate', verdict: 'CHANGES_REQUESTED' },
        { authorId: 'org-gov', text: 'Approved', verdict: 'APPROVED' },
      ],
      version: 14,
    });
    expect(plan?.actions.map((action) => action.id)).toEqual(['kayes-commune', 'kati', 'kayes-region', 'done-early']);
    expect(plan?.actions[0]).toEqual({
      id: 'kayes-commune',
      planId: 'ActionPlan-P1',
      description: 'Action kayes-commune',
      responsibleId: 'org-wfp',
      sector: 'WASH',
      locationPcode: 'ML010101',
      startDate: '2026-03-15',
      dueDate: '2026-03-31',
      status: 'IN_PROGRESS',
      indicator: { ...INDICATOR, actual: 5 },
      sourceDecisionId: null,
      note: 'IN_PROGRESS note',
      progressReportedAt: '2026-04-01T10:00:00.000Z',
    });
    expect(plan?.actions[1].indicator).toBeNull();
    expect(await queries.plan('ActionPlan-missing')).toBeNull();
  });

  it('lists plans by status, a committee’s standing plan among them', async () => {
    const ids = async (filter: Parameters<ActionPlanQueries['plans']>[0]) => (await queries.plans(filter)).map((plan) => plan.id);
    expect(await ids({})).toEqual(['ActionPlan-P1', 'ActionPlan-P2']);
    expect(await ids({ status: 'DRAFT' })).toEqual(['ActionPlan-P2']);
    expect(await ids({ status: 'APPROVED' })).toEqual(['ActionPlan-P1']);
    expect(await ids({ status: 'CLOSED' })).toEqual([]);
    expect((await queries.plans({ status: 'DRAFT' }))[0].committeeId).toBe('Committee-1');
  });

  it('traces a decision to the action it became', async () => {
    expect(await queries.actionForDecision('decision-1')).toMatchObject({ id: 'kati', planId: 'ActionPlan-P2', sourceDecisionId: 'decision-1' });
    expect(await queries.actionForDecision('decision-unknown')).toBeNull();
  });

  describe('overdue actions, rolled up at any admin level', () => {
    const overdue = async (adminCode: string | null, today = '2026-04-15') =>
      (await queries.overdueActions({ adminCode, today })).map((action) => `${action.planId}/${action.id}`);

    it('lists what is past due and neither done nor removed, oldest due first', async () => {
      expect(await overdue(null)).toEqual(['ActionPlan-P1/kati', 'ActionPlan-P2/kati', 'ActionPlan-P1/kayes-commune']);
    });

    it('counts an action in every area above its place', async () => {
      expect(await overdue('ML010101')).toEqual(['ActionPlan-P1/kayes-commune']);
      expect(await overdue('ML0101')).toEqual(['ActionPlan-P1/kayes-commune']);
      expect(await overdue('ML01')).toEqual(['ActionPlan-P1/kayes-commune']);
      expect(await overdue('ML02')).toEqual(['ActionPlan-P1/kati', 'ActionPlan-P2/kati']);
      expect(await overdue('ML')).toEqual(['ActionPlan-P1/kati', 'ActionPlan-P2/kati', 'ActionPlan-P1/kayes-commune']);
      expect(await overdue('HT')).toEqual([]);
    });

    it('holds an action due today as in time, and counts one placed at a region itself', async () => {
      expect(await overdue(null, '2026-02-28')).toEqual([]);
      expect(await overdue('ML01', '2026-05-01')).toEqual(['ActionPlan-P1/kayes-commune', 'ActionPlan-P1/kayes-region']);
    });
  });

  describe('what changed since an instant', () => {
    it('lists every change after the first submission, with who, when and what moved', async () => {
      const changes = await queries.changes('ActionPlan-P1', new Date(firstSubmission));
      expect(changes.map((change) => change.kind)).toEqual([
        'CHANGES_REQUESTED',
        'ACTION_REMOVED',
        'ACTION_AMENDED',
        'PLAN_SUBMITTED',
        'PLAN_APPROVED',
        'PROGRESS_REPORTED',
        'PROGRESS_REPORTED',
      ]);
      expect(changes[0]).toMatchObject({
        version: 8,
        actorUserId: 'u-gov',
        actorOrganizationId: 'org-gov',
        previousPlanStatus: 'SUBMITTED',
        planStatus: 'CHANGES_REQUESTED',
        comment: 'Drop the duplicate',
      });
      expect(changes[1]).toMatchObject({ actionId: 'dropped', actionDescription: 'Action dropped', comment: 'Duplicate', planStatus: 'CHANGES_REQUESTED' });
      expect(changes[2]).toMatchObject({
        actionId: 'kayes-region',
        actionDescription: 'Action kayes-region, revised',
        responsibleId: 'org-wfp',
        fields: [
          { field: 'description', from: 'Action kayes-region', to: 'Action kayes-region, revised' },
          { field: 'indicator.target', from: '12', to: '15' },
        ],
      });
      expect(changes[3]).toMatchObject({ previousPlanStatus: 'CHANGES_REQUESTED', planStatus: 'SUBMITTED' });
      expect(changes[5]).toMatchObject({
        actorOrganizationId: 'org-wfp',
        actionId: 'kayes-commune',
        previousActionStatus: 'PLANNED',
        actionStatus: 'IN_PROGRESS',
        previousActual: null,
        actual: 5,
        comment: 'IN_PROGRESS note',
      });
    });

    it('lists everything since before the plan, and nothing since its last event', async () => {
      const all = await queries.changes('ActionPlan-P1', new Date('2020-01-01T00:00:00Z'));
      expect(all.map((change) => change.version)).toEqual(Array.from({ length: 14 }, (_, index) => index + 1));
      expect(all[0]).toMatchObject({ kind: 'PLAN_DRAFTED', previousPlanStatus: null, planStatus: 'DRAFT' });
      expect(await queries.changes('ActionPlan-P1', new Date(all[13].at))).toEqual([]);
    });

    it('answers NOT_FOUND for a plan it does not know, or a record that is not a plan', async () => {
      await expect(queries.changes('ActionPlan-missing', new Date())).rejects.toMatchObject({ code: 'NOT_FOUND', details: { field: 'id' } });
      await expect(queries.changes('Location-ML01', new Date(0))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });
};

describe('action-plan queries [sqlite]', suite(SQLITE_ENGINE));
describeWithPostgres('action-plan queries', suite(POSTGRES_ENGINE));
