import type { EventEmitter } from 'node:events';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ACTION_PLAN_CHANGED_TRIGGER, DECISION_TO_ACTION_USER } from '@coord/action-plans-feature';
import { EVENT_STORE, EventStore } from '@coord/event-store';
import { EVENT_BUS, EventBus } from '@coord/messaging';
import { PUB_SUB } from '@coord/runtime';
import { graphqlCalls } from '../support/graphql-calls';
import { eventually, startTestPlatform, TestPlatform } from '../support/platform';
import { describeOnEachStorage, Storage } from '../support/storage';

/**
 * Issue 4, "Done means": a committee decision becomes an action; the mission drafts a plan with
 * three actions and indicators; the host government requests changes with a comment; the plan is
 * revised, resubmitted and approved; two organisations report progress; an agency that is not
 * responsible is refused; `actionPlanChanges` since the first submission lists exactly what
 * happened in between; the `actionPlanChanged` subscription delivers the updates.
 */
const mutation = (name: string, inputType: string) => `mutation($input: ${inputType}!) { ${name}(input: $input) { id version position } }`;
const REGISTER = mutation('registerOrganization', 'RegisterOrganizationInput');
const FORM = mutation('formCommittee', 'FormCommitteeInput');
const SCHEDULE = mutation('scheduleSession', 'ScheduleSessionInput');
const DECIDE = mutation('recordDecision', 'RecordDecisionInput');
const DRAFT = mutation('draftActionPlan', 'DraftActionPlanInput');
const AMEND_PLAN = mutation('amendActionPlan', 'AmendActionPlanInput');
const ADD = mutation('addAction', 'AddActionInput');
const AMEND = mutation('amendAction', 'AmendActionInput');
const REMOVE = mutation('removeAction', 'RemoveActionInput');
const SUBMIT = mutation('submitActionPlan', 'SubmitActionPlanInput');
const APPROVE = mutation('approveActionPlan', 'ApproveActionPlanInput');
const REQUEST_CHANGES = mutation('requestActionPlanChanges', 'RequestActionPlanChangesInput');
const REPORT = mutation('reportActionProgress', 'ReportActionProgressInput');
const CLOSE = mutation('closeActionPlan', 'CloseActionPlanInput');
const ACTION_FIELDS = `id planId description sector startDate dueDate status overdue sourceDecisionId note
  responsible { id acronym } location { pcode name } indicator { name unit baseline target actual }`;
const PLAN_FIELDS = `id title status version periodStart periodEnd committeeId submittedAt approvedAt
  lead { id acronym } counterpart { id acronym } location { pcode }
  actions { ${ACTION_FIELDS} } reviewComments { author { id acronym } text at verdict }`;
const PLAN = `query($id: ID!) { actionPlan(id: $id) { ${PLAN_FIELDS} } }`;
const PLANS = `query($status: ActionPlanStatus) { actionPlans(status: $status) { id committeeId } }`;
const FOR_DECISION = `query($decisionId: ID!) { actionForDecision(decisionId: $decisionId) { ${ACTION_FIELDS} } }`;
const OVERDUE = `query($adminCode: ID) { overdueActions(adminCode: $adminCode) { id planId overdue } }`;
const CHANGES = `query($id: ID!, $since: DateTime!) { actionPlanChanges(id: $id, since: $since) {
  kind at actor organization { id } version previousStatus status actionId actionDescription responsible { id }
  fields { field from to } previousActionStatus actionStatus previousActual actual comment } }`;
const HISTORY = `query($id: ID!) { history(id: $id) { type actor organization { id } } }`;
const CHANGED = `subscription($id: ID) { actionPlanChanged(id: $id) { id status version reviewComments { text verdict } } }`;

const DAY = 86_400_000;

const actionPlans = (storage: Storage) => () => {
  // Read once, so that a run across midnight cannot move a day between two cases.
  const now = Date.now();
  const day = (days: number) => new Date(now + days * DAY).toISOString().slice(0, 10);
  let platform: TestPlatform;
  let cleanup: () => Promise<void> = async () => undefined;
  let last = '0:0';
  const clients: Client[] = [];
  const org = {} as Record<'mission' | 'wfp' | 'amss' | 'gov' | 'unicef', string>;
  const token = {} as Record<'mission' | 'missionObserver' | 'wfp' | 'amss' | 'gov' | 'unicef', string>;

  const calls = graphqlCalls(
    () => platform,
    (payload) => (last = payload.position),
  );
  const { ok, refused } = calls;
  const read = <T = any>(query: string, variables: Record<string, unknown>, bearer = token.missionObserver) => calls.read<T>(query, variables, bearer, last);

  beforeAll(async () => {
    const prepared = await storage();
    cleanup = prepared.cleanup;
    platform = await startTestPlatform(prepared.env);
    const admin = await platform.token('platform-admins', ['ADMIN']);
    const register = async (name: string, acronym: string, kind: string) => (await ok(REGISTER, { name, acronym, kind }, admin)).id;
    org.mission = await register('Mission multidimensionnelle intégrée des Nations Unies au Mali (bureau de Gao)', 'MINUSMA', 'PEACEKEEPING_MISSION');
    org.wfp = await register('World Food Programme', 'WFP', 'UN_AGENCY');
    org.amss = await register('Association Malienne pour la Survie au Sahel', 'AMSS', 'NGO');
    org.gov = await register('Gouvernorat de la région de Gao', 'GOUV-GAO', 'HOST_GOVERNMENT');
    org.unicef = await register("United Nations Children's Fund", 'UNICEF', 'UN_AGENCY');
    token.mission = await platform.token(org.mission, ['LIAISON_OFFICER'], 'minusma-liaison');
    token.missionObserver = await platform.token(org.mission, ['OBSERVER'], 'minusma-observer');
    token.wfp = await platform.token(org.wfp, ['AGENCY_OFFICER'], 'wfp-gao');
    token.amss = await platform.token(org.amss, ['AGENCY_OFFICER'], 'amss-gao');
    token.gov = await platform.token(org.gov, ['GOVERNMENT_COUNTERPART'], 'gouv-gao-plan');
    token.unicef = await platform.token(org.unicef, ['AGENCY_OFFICER'], 'unicef-gao');
    // Commands check organisations against the read model: let it take in the registrations first.
    await read('{ organizations { id } }', {});
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await platform?.close();
    await cleanup();
  });

  it('turns a committee decision with an action item into an action of the committee’s standing plan, once', async () => {
    const committee = await ok(FORM, { name: 'Comité régional de planification conjointe de Gao', chairId: org.mission, memberIds: [org.mission, org.wfp, org.gov], adminCode: 'ML07' }, token.mission);
    const session = await ok(SCHEDULE, { committeeId: committee.id, startsAt: `${day(-1)}T09:00:00Z`, endsAt: `${day(-1)}T12:00:00Z`, venue: 'Gouvernorat de Gao', agenda: ['Sécurité alimentaire'] }, token.mission);
    const actionItem = { description: 'Pre-position 40 t of sorghum in Ansongo', responsibleId: org.wfp, dueDate: day(30), sector: 'FOOD_SECURITY', adminCode: 'ML0701' };
    const decision = await ok(DECIDE, { committeeId: committee.id, sessionId: session.id, text: 'Open a second distribution site in Ansongo', actionItem }, token.mission);
    await ok(DECIDE, { committeeId: committee.id, sessionId: session.id, text: 'Meet again in a month' }, token.mission);

    // The policy reacts to the published decision: poll until its action is in the read model.
    const action = await eventually(async () => {
      const found = await read(FOR_DECISION, { decisionId: decision.id });
      expect(found).not.toBeNull();
      return found;
    });
    expect(action).toMatchObject({
      description: actionItem.description,
      sourceDecisionId: decision.id,
      responsible: { id: org.wfp, acronym: 'WFP' },
      location: { pcode: 'ML0701', name: 'Ansongo' },
      sector: 'FOOD_SECURITY',
      dueDate: day(30),
      status: 'PLANNED',
      overdue: false,
      indicator: null,
    });
    const standing = await read(PLAN, { id: action.planId });
    expect(standing).toMatchObject({
      title: 'Action plan of Comité régional de planification conjointe de Gao',
      status: 'DRAFT',
      committeeId: committee.id,
      lead: { id: org.mission },
      counterpart: { id: org.gov, acronym: 'GOUV-GAO' },
      location: { pcode: 'ML07' },
      actions: [{ id: action.id }],
    });
    expect((await read(PLANS, { status: 'DRAFT' })).map((plan: { id: string }) => plan.id)).toContain(action.planId);
    const history = await read(HISTORY, { id: action.planId });
    expect(history.map((entry: { type: string }) => entry.type)).toEqual(['ActionPlanDrafted', 'ActionAdded']);
    expect(history[0]).toMatchObject({ actor: DECISION_TO_ACTION_USER, organization: { id: org.mission } });

    // Replaying the whole log to every subscriber of the bus records nothing new.
    const store = platform.app.get<EventStore>(EVENT_STORE);
    const head = await store.headPosition();
    await platform.app.get<EventBus>(EVENT_BUS).publish(await store.readAll({ after: null, limit: 100_000 }));
    expect(await store.headPosition()).toBe(head);
    expect((await read(PLAN, { id: action.planId })).actions).toHaveLength(1);
  });

  it('takes a plan from draft through a review round to approval and progress, and tells what changed since the first submission', async () => {
    // Drafting: the mission, for itself, with a host-government counterpart.
    const draft = { title: 'Plan de réponse WASH — région de Gao', counterpartId: org.gov, adminCode: 'ML07', periodStart: day(-10), periodEnd: day(120) };
    await refused(DRAFT, draft, token.missionObserver, 'FORBIDDEN');
    await refused(DRAFT, { ...draft, counterpartId: org.amss }, token.mission, 'BAD_USER_INPUT', { field: 'counterpartId', reason: 'NOT_HOST_GOVERNMENT' });
    await refused(DRAFT, { ...draft, periodEnd: day(-11) }, token.mission, 'BAD_USER_INPUT', { field: 'periodEnd' });
    const plan = await ok(DRAFT, draft, token.mission);
    expect(plan).toMatchObject({ version: 1, id: expect.stringMatching(/^ActionPlan-[0-9a-f-]{36}$/) });
    const planId = plan.id;

    // Three actions with indicators, for three organisations.
    const boreholes = { planId, description: 'Rehabilitate the boreholes of Ansongo', responsibleId: org.wfp, sector: 'WASH', adminCode: 'ML0701', startDate: day(-10), dueDate: day(60),
      indicator: { name: 'Boreholes rehabilitated', unit: 'boreholes', baseline: 0, target: 12 } };
    await refused(ADD, boreholes, token.wfp, 'FORBIDDEN');
    await refused(ADD, { ...boreholes, dueDate: day(-11) }, token.mission, 'BAD_USER_INPUT', { field: 'dueDate', reason: 'DUE_BEFORE_START' });
    await refused(ADD, { ...boreholes, dueDate: day(121) }, token.mission, 'BAD_USER_INPUT', { field: 'dueDate', reason: 'OUTSIDE_PERIOD' });
    const a1 = await ok(ADD, boreholes, token.mission);
    expect(a1).toMatchObject({ version: 2 });
    expect(a1.id).not.toBe(planId);
    const a2 = await ok(ADD, { planId, description: 'Train the water committees of Ansongo', responsibleId: org.amss, sector: 'WASH', adminCode: 'ML0701', startDate: day(-10), dueDate: day(-1),
      indicator: { name: 'Water committees trained', unit: 'committees', baseline: 0, target: 30 } }, token.mission);
    const a3 = await ok(ADD, { planId, description: 'Escort the water trucks to Gao', responsibleId: org.mission, sector: 'SECURITY', adminCode: 'ML0703', startDate: day(-10), dueDate: day(30),
      indicator: { name: 'Convoys escorted', unit: 'convoys', baseline: 0, target: 20 } }, token.mission);
    const submitted = await ok(SUBMIT, { planId, expectedVersion: 4 }, token.mission);
    const { submittedAt: firstSubmission } = await read(PLAN, { id: planId });

    // Under review the structure is frozen, and only the counterpart reviews.
    await refused(ADD, boreholes, token.mission, 'INVALID_TRANSITION');
    await refused(SUBMIT, { planId }, token.mission, 'INVALID_TRANSITION');
    await refused(APPROVE, { planId }, token.wfp, 'FORBIDDEN');
    await refused(APPROVE, { planId }, token.mission, 'FORBIDDEN');
    await refused(REQUEST_CHANGES, { planId, comment: '  ' }, token.gov, 'BAD_USER_INPUT', { field: 'comment' });

    // The counterpart watches the plan while it reviews it.
    const watched: Array<{ status: string; version: number; reviewComments: Array<{ text: string; verdict: string }> }> = [];
    const watchErrors: unknown[] = [];
    const client = createClient({ url: `${platform.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token.gov}` }, retryAttempts: 0 });
    clients.push(client);
    client.subscribe<{ actionPlanChanged: (typeof watched)[number] & { id: string } }>(
      { query: CHANGED, variables: { id: planId } },
      {
        next: (result) => {
          if (result.errors) watchErrors.push(result.errors);
          if (result.data) watched.push(result.data.actionPlanChanged);
        },
        error: (error) => watchErrors.push(error),
        complete: () => undefined,
      },
    );
    // graphql-transport-ws does not acknowledge a subscribe: the server's PubSub listener is the sign.
    const listeners = () => (platform.app.get(PUB_SUB) as unknown as { ee: EventEmitter }).ee.listenerCount(ACTION_PLAN_CHANGED_TRIGGER);
    await eventually(async () => expect(listeners()).toBe(1));

    const comment = 'Ajoutez les forages de Bourem ; les escortes relèvent du plan de sécurité.';
    const sentBack = await ok(REQUEST_CHANGES, { planId, comment }, token.gov);
    await eventually(async () => expect(watched.map((update) => update.status)).toContain('CHANGES_REQUESTED'));
    expect(watched.find((update) => update.status === 'CHANGES_REQUESTED')).toEqual({
      id: planId,
      status: 'CHANGES_REQUESTED',
      version: sentBack.version,
      reviewComments: [{ text: comment, verdict: 'CHANGES_REQUESTED' }],
    });

    // The revision: Bourem added, the escorts removed, a target raised; then resubmitted.
    const a4 = await ok(ADD, { planId, description: 'Rehabilitate the boreholes of Bourem', responsibleId: org.wfp, sector: 'WASH', adminCode: 'ML0702', startDate: day(0), dueDate: day(90),
      indicator: { name: 'Boreholes rehabilitated', unit: 'boreholes', baseline: 0, target: 5 } }, token.mission);
    await refused(REMOVE, { planId, actionId: a3.id }, token.wfp, 'FORBIDDEN');
    await ok(REMOVE, { planId, actionId: a3.id, reason: 'Covered by the security plan' }, token.mission);
    await refused(AMEND, { planId, actionId: a3.id, dueDate: day(40) }, token.mission, 'NOT_FOUND', { field: 'actionId' });
    await ok(AMEND, { planId, actionId: a1.id, indicator: { ...boreholes.indicator, target: 14 } }, token.mission);
    // The same values again amend nothing and record nothing.
    const unchanged = await ok(AMEND_PLAN, { planId, title: draft.title }, token.mission);
    expect(unchanged.version).toBe(9);
    await ok(SUBMIT, { planId }, token.mission);
    await refused(APPROVE, { planId }, await platform.token(org.unicef, ['GOVERNMENT_COUNTERPART'], 'unicef-pretender'), 'FORBIDDEN');
    const approved = await ok(APPROVE, { planId, comment: 'Approuvé pour la saison sèche.' }, token.gov);
    await eventually(async () => expect(watched.at(-1)).toMatchObject({ status: 'APPROVED', version: approved.version }));

    // An approved plan's structure is what was approved.
    await refused(ADD, boreholes, token.mission, 'INVALID_TRANSITION');
    await refused(AMEND, { planId, actionId: a1.id, dueDate: day(61) }, token.mission, 'INVALID_TRANSITION');
    await refused(REMOVE, { planId, actionId: a2.id }, token.mission, 'INVALID_TRANSITION');

    // Progress, by each responsible organisation on its own action only.
    await refused(REPORT, { planId, actionId: a1.id, status: 'IN_PROGRESS', actual: 6 }, token.unicef, 'FORBIDDEN');
    await refused(REPORT, { planId, actionId: a2.id, status: 'IN_PROGRESS', actual: 6 }, token.wfp, 'FORBIDDEN');
    await refused(REPORT, { planId, actionId: a1.id, status: 'IN_PROGRESS', actual: 6 }, token.mission, 'FORBIDDEN');
    await refused(REPORT, { planId, actionId: a1.id, status: 'IN_PROGRESS', actual: -1 }, token.wfp, 'BAD_USER_INPUT', { field: 'actual' });
    const wfpReport = { planId, actionId: a1.id, status: 'IN_PROGRESS', actual: 6, note: 'Six boreholes done; pumps for the rest in transit', commandId: 'wfp-report-1' };
    const reported = await ok(REPORT, wfpReport, token.wfp);
    expect(reported.id).toBe(a1.id);
    // A repeated commandId answers the first result and records nothing.
    expect(await ok(REPORT, wfpReport, token.wfp)).toEqual(reported);
    await ok(REPORT, { planId, actionId: a2.id, status: 'IN_PROGRESS', actual: 18, note: '18 of 30 committees trained' }, token.amss);

    // The plan as everyone reads it.
    const read1 = await read(PLAN, { id: planId }, token.unicef);
    expect(read1).toMatchObject({
      status: 'APPROVED',
      version: 13,
      committeeId: null,
      lead: { acronym: 'MINUSMA' },
      counterpart: { acronym: 'GOUV-GAO' },
      reviewComments: [
        { author: { id: org.gov, acronym: 'GOUV-GAO' }, text: comment, verdict: 'CHANGES_REQUESTED', at: expect.stringMatching(/Z$/) },
        { author: { id: org.gov }, text: 'Approuvé pour la saison sèche.', verdict: 'APPROVED' },
      ],
    });
    expect(read1.actions.map((action: { id: string }) => action.id)).toEqual([a1.id, a2.id, a4.id]);
    expect(read1.actions[0]).toMatchObject({
      responsible: { acronym: 'WFP' },
      status: 'IN_PROGRESS',
      note: wfpReport.note,
      overdue: false,
      indicator: { name: 'Boreholes rehabilitated', unit: 'boreholes', baseline: 0, target: 14, actual: 6 },
    });
    // Due yesterday and only in progress: overdue, at every level above Ansongo and nowhere else.
    expect(read1.actions[1]).toMatchObject({ responsible: { acronym: 'AMSS' }, dueDate: day(-1), overdue: true, indicator: { actual: 18 } });
    expect(read1.actions[2]).toMatchObject({ status: 'PLANNED', overdue: false, indicator: { actual: null } });
    const overdue = async (adminCode?: string) => (await read(OVERDUE, adminCode ? { adminCode } : {})).map((action: { id: string }) => action.id);
    expect(await overdue('ML0701')).toEqual([a2.id]);
    expect(await overdue('ML07')).toEqual([a2.id]);
    expect(await overdue('MLI')).toEqual([a2.id]);
    expect(await overdue()).toEqual([a2.id]);
    expect(await overdue('ML0702')).toEqual([]);
    expect(await overdue('ML01')).toEqual([]);

    // What changed since the first submission: exactly the review round and the progress, with who and when.
    const changes = await read(CHANGES, { id: planId, since: firstSubmission });
    expect(changes.map((change: { kind: string }) => change.kind)).toEqual([
      'CHANGES_REQUESTED',
      'ACTION_ADDED',
      'ACTION_REMOVED',
      'ACTION_AMENDED',
      'PLAN_SUBMITTED',
      'PLAN_APPROVED',
      'PROGRESS_REPORTED',
      'PROGRESS_REPORTED',
    ]);
    expect(changes.map((change: { version: number }) => change.version)).toEqual([6, 7, 8, 9, 10, 11, 12, 13]);
    expect(changes[0]).toMatchObject({ actor: 'gouv-gao-plan', organization: { id: org.gov }, previousStatus: 'SUBMITTED', status: 'CHANGES_REQUESTED', comment });
    expect(changes[1]).toMatchObject({ actor: 'minusma-liaison', organization: { id: org.mission }, actionId: a4.id, actionDescription: 'Rehabilitate the boreholes of Bourem', responsible: { id: org.wfp } });
    expect(changes[2]).toMatchObject({ actionId: a3.id, actionDescription: 'Escort the water trucks to Gao', responsible: { id: org.mission }, comment: 'Covered by the security plan' });
    expect(changes[3]).toMatchObject({ actionId: a1.id, fields: [{ field: 'indicator.target', from: '12', to: '14' }] });
    expect(changes[4]).toMatchObject({ previousStatus: 'CHANGES_REQUESTED', status: 'SUBMITTED' });
    expect(changes[5]).toMatchObject({ organization: { id: org.gov }, status: 'APPROVED', comment: 'Approuvé pour la saison sèche.' });
    expect(changes[6]).toMatchObject({
      actor: 'wfp-gao', organization: { id: org.wfp }, actionId: a1.id, previousActionStatus: 'PLANNED', actionStatus: 'IN_PROGRESS', previousActual: null, actual: 6, comment: wfpReport.note,
    });
    expect(changes[7]).toMatchObject({ actor: 'amss-gao', organization: { id: org.amss }, actionId: a2.id, actual: 18 });
    expect(changes.every((change: { at: string }) => change.at > firstSubmission)).toBe(true);
    expect(submitted.version).toBe(5);

    // Closing ends the plan: no progress after it.
    await refused(CLOSE, { planId }, token.gov, 'FORBIDDEN');
    await ok(CLOSE, { planId }, token.mission);
    await refused(REPORT, { planId, actionId: a4.id, status: 'IN_PROGRESS' }, token.wfp, 'INVALID_TRANSITION');
    expect((await read(PLANS, { status: 'CLOSED' })).map((listed: { id: string }) => listed.id)).toEqual([planId]);
    expect(watchErrors).toEqual([]);
  });
};

describeOnEachStorage('action plans over HTTP and WebSocket, from a committee decision to progress', actionPlans);
