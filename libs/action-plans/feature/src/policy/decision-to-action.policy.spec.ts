import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { ActionItem, CommitteeEvent, EventEnvelope, OrganizationKind } from '@coord/contracts';
import { SqliteEventStore } from '@coord/event-store';
import { FixedClock, fold } from '@coord/kernel';
import type { EventBus, Relay } from '@coord/messaging';
import type { ProjectionRunner, ReadModelQueries } from '@coord/read-model';
import { CommandExecutor, MetricsService } from '@coord/runtime';
import { type ActionPlan, actionPlanDecider } from '@coord/action-plans-domain';
import { DECISION_TO_ACTION_USER, DecisionToActionPolicy } from './decision-to-action.policy';
import { decisionActionId, standingPlanId } from './standing-plan';

const COMMITTEE = 'Committee-7b0e2b1c-4f1d-4e8a-9c55-2d1f3a4b5c6d';
const KINDS: Record<string, OrganizationKind> = {
  'org-mission': 'PEACEKEEPING_MISSION',
  'org-wfp': 'UN_AGENCY',
  'org-ngo': 'NGO',
  'org-gov': 'HOST_GOVERNMENT',
  'org-gov-2': 'HOST_GOVERNMENT',
};
const CHAIR = { userId: 'u-chair', organizationId: 'org-mission' };

const item = (overrides: Partial<ActionItem> = {}): ActionItem => ({
  description: 'Pre-position 40 t of sorghum in Ansongo',
  responsibleId: 'org-wfp',
  dueDate: '2026-04-30',
  sector: 'FOOD_SECURITY',
  adminCode: 'ML0701',
  ...overrides,
});
const formed = (memberIds = ['org-mission', 'org-wfp', 'org-gov', 'org-gov-2'], adminCode: string | null = 'ML07'): CommitteeEvent => ({
  type: 'CommitteeFormed',
  data: { committeeId: COMMITTEE, name: 'Comité de Gao', chairId: 'org-mission', memberIds, adminCode, formedAt: '2026-03-01T08:00:00.000Z' },
});
const decided = (decisionId: string, actionItem: ActionItem | null = item(), recordedAt = '2026-03-10T11:00:00.000Z'): CommitteeEvent => ({
  type: 'DecisionRecorded',
  data: { committeeId: COMMITTEE, sessionId: 'session-1', decisionId, text: `Decision ${decisionId}`, actionItem, recordedAt },
});

describe('the decision → action policy', () => {
  let dir: string;
  let store: SqliteEventStore;
  let policy: DecisionToActionPolicy;
  let warnings: unknown[];
  let subscribed: Map<string, (events: readonly EventEnvelope[]) => Promise<void>>;
  let pokes: number;

  const log = async (): Promise<EventEnvelope[]> => store.readAll({ after: null, limit: 10_000 });
  const standingPlan = async (generation = 1) =>
    fold(actionPlanDecider, (await store.readStream(standingPlanId(COMMITTEE, generation))) as never) as ActionPlan | { status: 'None' };
  /** Appends to the committee's stream as planning would, and answers what the bus would carry. */
  const committee = async (...events: CommitteeEvent[]): Promise<EventEnvelope[]> => {
    const before = (await store.readStream(COMMITTEE)).length;
    await store.append(COMMITTEE, events, { expectedVersion: before, actor: CHAIR, occurredAt: new Date('2026-03-10T11:00:00.000Z') });
    return (await store.readStream(COMMITTEE)).slice(before);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'decision-to-action-'));
    store = SqliteEventStore.open(join(dir, 'events.sqlite'));
    warnings = [];
    pokes = 0;
    subscribed = new Map();
    const relay = { poke: () => (pokes += 1) } as unknown as Relay;
    const metrics = { commandHandled: () => undefined } as unknown as MetricsService;
    const executor = new CommandExecutor(store, new FixedClock(new Date('2026-03-10T12:00:00.000Z')), relay, metrics);
    const queries = {
      organizationsByIds: async (ids: readonly string[]) => ids.filter((id) => KINDS[id]).map((id) => ({ id, name: id, acronym: null, kind: KINDS[id] })),
    } as unknown as ReadModelQueries;
    const runner = { waitFor: async () => undefined } as unknown as ProjectionRunner;
    const bus = { subscribe: (name: string, handler: (events: readonly EventEnvelope[]) => Promise<void>) => subscribed.set(name, handler) } as unknown as EventBus;
    const logger = { warn: (details: unknown) => warnings.push(details) } as unknown as Logger;
    policy = new DecisionToActionPolicy(bus, store, executor, queries, runner, logger);
    policy.onModuleInit();
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('subscribes to the bus under its own name at module start', () => {
    expect([...subscribed.keys()]).toEqual(['decision-to-action-policy']);
  });

  it('given a decision with an action item, drafts the committee’s standing plan and adds the action', async () => {
    await committee(formed());
    await policy.handle(await committee(decided('decision-1')));

    const plan = (await standingPlan()) as ActionPlan;
    expect(plan).toMatchObject({
      status: 'DRAFT',
      title: 'Action plan of Comité de Gao',
      leadId: 'org-mission',
      // The first HOST_GOVERNMENT member, in the committee's order.
      counterpartId: 'org-gov',
      adminCode: 'ML07',
      committeeId: COMMITTEE,
      periodStart: '2026-03-10',
      periodEnd: '2026-04-30',
    });
    expect(plan.actions).toEqual([
      expect.objectContaining({
        actionId: decisionActionId('decision-1'),
        description: 'Pre-position 40 t of sorghum in Ansongo',
        responsibleId: 'org-wfp',
        sector: 'FOOD_SECURITY',
        adminCode: 'ML0701',
        startDate: '2026-03-10',
        dueDate: '2026-04-30',
        sourceDecisionId: 'decision-1',
      }),
    ]);
    const stream = await store.readStream(standingPlanId(COMMITTEE, 1));
    expect(stream.map((event) => event.actor)).toEqual([
      { userId: DECISION_TO_ACTION_USER, organizationId: 'org-mission' },
      { userId: DECISION_TO_ACTION_USER, organizationId: 'org-mission' },
    ]);
    expect(stream.every((event) => event.commandId?.startsWith('decision-to-action:decision-1:'))).toBe(true);
    expect(pokes).toBe(2);
    expect(warnings).toEqual([]);
  });

  it('adds later decisions to the same plan, widening its period, and ignores decisions without an action item', async () => {
    await committee(formed());
    await policy.handle(await committee(decided('decision-1'), decided('no-item', null), decided('decision-2', item({ dueDate: '2026-09-30', adminCode: null }))));

    const plan = (await standingPlan()) as ActionPlan;
    expect(plan.periodEnd).toBe('2026-09-30');
    expect(plan.actions.map((action) => [action.sourceDecisionId, action.adminCode])).toEqual([
      ['decision-1', 'ML0701'],
      // An action item without a place is about the committee's area.
      ['decision-2', 'ML07'],
    ]);
  });

  it('starts an action already due when decided on its due date', async () => {
    await committee(formed());
    await policy.handle(await committee(decided('late', item({ dueDate: '2026-03-05' }))));
    expect((await standingPlan()) as ActionPlan).toMatchObject({ periodStart: '2026-03-05', actions: [{ startDate: '2026-03-05', dueDate: '2026-03-05' }] });
  });

  it('records nothing twice: the same batch again, and the whole log replayed, append nothing', async () => {
    await committee(formed());
    const batch = await committee(decided('decision-1'), decided('decision-2', item({ dueDate: '2026-06-30' })));
    await policy.handle(batch);
    const head = await store.headPosition();

    await policy.handle(batch);
    await policy.handle(await log());
    await Promise.all([policy.handle(batch), policy.handle(batch)]);

    expect(await store.headPosition()).toBe(head);
    expect(((await standingPlan()) as ActionPlan).actions).toHaveLength(2);
  });

  it('once the standing plan is submitted, opens the committee’s next one for new decisions; old ones stay planned once', async () => {
    await committee(formed());
    const first = await committee(decided('decision-1'));
    await policy.handle(first);
    const planId = standingPlanId(COMMITTEE, 1);
    // The chair's liaison officer submits it (appended directly: the decide rules are not under test here).
    await store.append(planId, [{ type: 'ActionPlanSubmitted', data: { planId, submittedAt: '2026-03-11T09:00:00.000Z' } }], {
      expectedVersion: 2,
      actor: CHAIR,
      occurredAt: new Date('2026-03-11T09:00:00.000Z'),
    });

    await policy.handle(await committee(decided('decision-2')));
    await policy.handle(await log());

    expect(await standingPlan(1)).toMatchObject({ status: 'SUBMITTED', actions: [{ sourceDecisionId: 'decision-1' }] });
    expect(await standingPlan(2)).toMatchObject({
      status: 'DRAFT',
      title: 'Action plan of Comité de Gao (2)',
      actions: [{ sourceDecisionId: 'decision-2' }],
    });
    expect(await standingPlan(3)).toEqual({ status: 'None' });
  });

  describe('what it cannot plan, it logs and skips without holding the bus up', () => {
    it('a committee without a HOST_GOVERNMENT member: no counterpart to review the plan', async () => {
      await committee(formed(['org-mission', 'org-wfp', 'org-ngo']));
      const batch = await committee(decided('decision-1'));
      const head = await store.headPosition();
      await expect(policy.handle(batch)).resolves.toBeUndefined();
      expect(await store.headPosition()).toBe(head);
      expect(await standingPlan()).toEqual({ status: 'None' });
      expect(warnings).toEqual([expect.objectContaining({ decisionId: 'decision-1', reason: expect.stringMatching(/HOST_GOVERNMENT/) })]);
    });

    it('an action item without a sector', async () => {
      await committee(formed());
      await policy.handle(await committee(decided('decision-1', item({ sector: null }))));
      expect(await standingPlan()).toEqual({ status: 'None' });
      expect(warnings).toEqual([expect.objectContaining({ decisionId: 'decision-1' })]);
    });

    it('a decision the domain refuses (here an empty description) leaves the next one planned', async () => {
      await committee(formed());
      await policy.handle(await committee(decided('bad', item({ description: ' ' })), decided('good')));
      expect(((await standingPlan()) as ActionPlan).actions.map((action) => action.sourceDecisionId)).toEqual(['good']);
      expect(warnings).toEqual([expect.objectContaining({ decisionId: 'bad', reason: expect.stringMatching(/^BAD_USER_INPUT/) })]);
    });
  });

  it('throws an infrastructure failure, so that the relay delivers the batch again', async () => {
    await committee(formed());
    const batch = await committee(decided('decision-1'));
    await store.close();
    await expect(policy.handle(batch)).rejects.toThrow();
    store = SqliteEventStore.open(join(dir, 'events.sqlite'));
  });
});
