import type { DataSource } from 'typeorm';
import {
  actionAdded,
  actionAmended,
  actionRemoved,
  planApproved,
  planChangesRequested,
  planClosed,
  planDrafted,
  planAmended,
  planSubmitted,
  progressReported,
} from '../testing/action-plan-events';
import {
  describeWithPostgres,
  emptyReadModel,
  OpenReadModel,
  POSTGRES_ENGINE,
  projectTwice,
  ReadModelEngine,
  SQLITE_ENGINE,
  TestEventLog,
} from '../testing/read-model-test-kit';
import { ActionPlansProjection } from './action-plans.projection';
import { allProjections } from './all-projections';

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
  });
  afterEach(() => log.close());

  const param = (index: number) => (engine.name === 'postgres' ? `$${index}` : '?');
  const plan = async (id: string) =>
    (await dataSource.query(`SELECT * FROM action_plans WHERE id = ${param(1)}`, [id]))[0] as Record<string, unknown>;
  const actions = (id: string) =>
    dataSource.query(
      `SELECT id, description, responsible_id, sector, location_pcode, start_date, due_date, status, indicator_name, indicator_unit,
         indicator_baseline, indicator_target, indicator_actual, source_decision_id, note, progress_reported_at, added_version
       FROM plan_actions WHERE plan_id = ${param(1)} ORDER BY added_version`,
      [id],
    );

  it('follows a plan from draft through a review round, approval, progress and closing, unchanged by a replay', async () => {
    const id = 'ActionPlan-1';
    await log.append(id, [planDrafted(id, { committeeId: 'Committee-1' })], { userId: 'u-lead', organizationId: 'org-mission' });
    await log.append(id, [actionAdded(id, 'a1', { sourceDecisionId: 'decision-1' }), actionAdded(id, 'a2', { responsibleId: 'org-ngo', indicator: null }), actionAdded(id, 'a3')]);
    await log.append(id, [planSubmitted(id)]);
    await log.append(id, [planChangesRequested(id)], { userId: 'u-gov', organizationId: 'org-gov' });
    await log.append(id, [planAmended(id), actionAmended(id, 'a1'), actionRemoved(id, 'a3'), planSubmitted(id)]);
    await log.append(id, [planApproved(id, 'Approved for 2026')], { userId: 'u-gov', organizationId: 'org-gov' });
    await log.append(id, [progressReported(id, 'a1', 'IN_PROGRESS', 4), progressReported(id, 'a2', 'BLOCKED', null)]);
    await log.append(id, [progressReported(id, 'a1', 'DONE', null, { status: 'IN_PROGRESS', actual: 4 })]);
    const [last] = await log.append(id, [planClosed(id)]);

    await projectTwice(dataSource, allProjections, await log.all());

    expect(await plan(id)).toEqual({
      id,
      title: 'Plan WASH révisé',
      lead_id: 'org-mission',
      counterpart_id: 'org-gov',
      admin_code: 'ML02',
      period_start: '2026-03-01',
      period_end: '2026-12-31',
      status: 'CLOSED',
      committee_id: 'Committee-1',
      review_comments: JSON.stringify([
        { authorId: 'org-gov', text: 'Add Bourem', at: '2026-02-24T10:00:00.000Z', verdict: 'CHANGES_REQUESTED' },
        { authorId: 'org-gov', text: 'Approved for 2026', at: '2026-02-25T10:00:00.000Z', verdict: 'APPROVED' },
      ]),
      submitted_at: '2026-02-23T10:00:00.000Z',
      approved_at: '2026-02-25T10:00:00.000Z',
      closed_at: '2026-12-31T10:00:00.000Z',
      version: 15,
      position: last.position,
      updated_at: last.occurredAt,
    });
    expect(await actions(id)).toEqual([
      {
        id: 'a1',
        description: 'Action a1, revised',
        responsible_id: 'org-wfp',
        sector: 'WASH',
        location_pcode: 'ML010101',
        start_date: '2026-03-15',
        due_date: '2026-06-30',
        status: 'DONE',
        indicator_name: 'Boreholes rehabilitated',
        indicator_unit: 'boreholes',
        indicator_baseline: 0,
        indicator_target: 15,
        // A report without a value keeps the last one.
        indicator_actual: 4,
        source_decision_id: 'decision-1',
        note: 'DONE note',
        progress_reported_at: '2026-04-01T10:00:00.000Z',
        added_version: 2,
      },
      expect.objectContaining({ id: 'a2', responsible_id: 'org-ngo', status: 'BLOCKED', indicator_name: null, indicator_actual: null, added_version: 3 }),
    ]);
  });

  it('applies a plan’s later events in a later batch, each batch replayed twice', async () => {
    const id = 'ActionPlan-2';
    await log.append(id, [planDrafted(id, { adminCode: null }), actionAdded(id, 'a1'), planSubmitted(id)]);
    const early = await log.all();
    await log.append(id, [planApproved(id), progressReported(id, 'a1', 'IN_PROGRESS', 0)]);
    const projections = [new ActionPlansProjection()];

    await projectTwice(dataSource, projections, early);
    expect(await plan(id)).toMatchObject({ status: 'SUBMITTED', admin_code: null, review_comments: '[]', version: 3 });
    await projectTwice(dataSource, projections, await log.all());

    // An approval without a comment adds no review comment; zero is a value, not an absence.
    expect(await plan(id)).toMatchObject({ status: 'APPROVED', review_comments: '[]', version: 5 });
    expect(await actions(id)).toMatchObject([{ id: 'a1', status: 'IN_PROGRESS', indicator_actual: 0 }]);
  });

  it('keeps two plans apart even when their actions share ids', async () => {
    for (const id of ['ActionPlan-a', 'ActionPlan-b']) {
      await log.append(id, [planDrafted(id, { leadId: `lead-of-${id}` }), actionAdded(id, 'a1'), actionAdded(id, 'a2')]);
    }
    await log.append('ActionPlan-a', [actionRemoved('ActionPlan-a', 'a1', null)]);

    await projectTwice(dataSource, [new ActionPlansProjection()], await log.all());

    expect((await actions('ActionPlan-a')).map((row: { id: string }) => row.id)).toEqual(['a2']);
    expect((await actions('ActionPlan-b')).map((row: { id: string }) => row.id)).toEqual(['a1', 'a2']);
    expect(await plan('ActionPlan-b')).toMatchObject({ lead_id: 'lead-of-ActionPlan-b', version: 3 });
  });
};

describe('action-plans projection [sqlite]', suite(SQLITE_ENGINE));
describeWithPostgres('action-plans projection', suite(POSTGRES_ENGINE));
