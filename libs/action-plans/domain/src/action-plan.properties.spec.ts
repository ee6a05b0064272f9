import fc from 'fast-check';
import { fold, hasRole, isDomainError, type Actor, type Role } from '@coord/kernel';
import { ACTION_STATUSES, SECTORS, type ActionPlanEvent, type Indicator } from '@coord/contracts';
import type { ActionPlanCommand } from './action-plan.commands';
import { actionPlanDecider } from './action-plan.decider';
import { EDITING_ROLES } from './action-plan.rules';
import { liveActions, type ActionPlan, type ActionPlanState } from './action-plan.state';
import { AT, GOVERNMENT, INDICATOR, MISSION, NGO, OTHER_GOVERNMENT, PLAN_ID, WFP } from './testing/action-plan.fixtures';

/*
 * Random command sequences against one plan stream. Most actors come from a cast that matters (the
 * lead's liaison officer, the counterpart, the responsible agencies) so that legal moves are common
 * enough to reach every state; the rest are arbitrary. Ids, decisions and dates come from small pools
 * around the plan's period so that amendments meet the actions added, and some dates fall outside.
 * Rejected commands are dropped, as the command path would.
 */
const ORGANIZATIONS = [MISSION, WFP, NGO, GOVERNMENT, OTHER_GOVERNMENT];
const ROLES: Role[] = ['LIAISON_OFFICER', 'AGENCY_OFFICER', 'GOVERNMENT_COUNTERPART', 'COMMUNITY_FOCAL_POINT', 'OBSERVER', 'ADMIN'];
const member = (organizationId: string, ...roles: Role[]): Actor => ({ userId: `u-${organizationId}`, organizationId, roles });

const lead = member(MISSION, 'LIAISON_OFFICER');
const counterpart = member(GOVERNMENT, 'GOVERNMENT_COUNTERPART');
const actorArb: fc.Arbitrary<Actor> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(lead, counterpart, member(WFP, 'AGENCY_OFFICER'), member(NGO, 'AGENCY_OFFICER')) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      member(MISSION, 'AGENCY_OFFICER'),
      member(MISSION, 'OBSERVER'),
      member(OTHER_GOVERNMENT, 'GOVERNMENT_COUNTERPART'),
      member(GOVERNMENT, 'OBSERVER'),
      member(MISSION, 'GOVERNMENT_COUNTERPART'),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      userId: fc.constantFrom('u1', 'u2'),
      organizationId: fc.constantFrom(...ORGANIZATIONS),
      roles: fc.subarray(ROLES, { minLength: 1, maxLength: 2 }),
    }),
  },
);
const actionIdArb = fc.constantFrom('action-1', 'action-2', 'action-3');
const decisionArb = fc.constantFrom(null, null, 'decision-1', 'decision-2');
// The plan runs 2026-03-01 … 2026-12-31; the pool straddles both ends and holds an impossible date.
const dateArb = fc.constantFrom('2026-02-28', '2026-03-01', '2026-05-15', '2026-06-30', '2026-12-31', '2027-01-01', '2026-02-30');
const indicatorArb: fc.Arbitrary<Indicator | null> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(INDICATOR) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.record({ name: fc.constant('Latrines'), unit: fc.constant('latrines'), baseline: fc.constantFrom(0, 5, -1), target: fc.constantFrom(20, Number.NaN) }) },
);
const textArb = fc.oneof({ weight: 10, arbitrary: fc.constantFrom('Rehabilitate boreholes', 'Train water committees') }, { weight: 1, arbitrary: fc.constant(' ') });
const actualArb = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(0, 3, 12.5) }, { weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(-1, Number.NaN) });

const base = (actor: Actor) => ({ planId: PLAN_ID, actor, at: AT });

const draftOf = (actor: Actor): ActionPlanCommand => ({
  ...base(actor),
  type: 'DraftActionPlan',
  leadId: actor.organizationId,
  counterpartId: GOVERNMENT,
  counterpartKind: 'HOST_GOVERNMENT',
  title: 'Plan WASH',
  adminCode: 'ML07',
  periodStart: '2026-03-01',
  periodEnd: '2026-12-31',
});

// Structure moves and progress come often, the moves that end the plan's editing less often.
const commandArb: fc.Arbitrary<ActionPlanCommand> = fc.oneof(
  { weight: 1, arbitrary: actorArb.map(draftOf) },
  {
    weight: 2,
    arbitrary: fc
      .record({ actor: actorArb, periodStart: fc.option(dateArb), periodEnd: fc.option(dateArb), title: fc.option(textArb) })
      .map(({ actor, ...fields }) => ({ ...base(actor), type: 'AmendActionPlan' as const, ...fields })),
  },
  {
    weight: 6,
    arbitrary: fc
      .record({
        actor: actorArb,
        actionId: actionIdArb,
        description: textArb,
        responsibleId: fc.constantFrom(WFP, NGO, MISSION),
        sector: fc.constantFrom(...SECTORS),
        startDate: dateArb,
        dueDate: dateArb,
        indicator: indicatorArb,
        sourceDecisionId: decisionArb,
      })
      .map(({ actor, ...fields }) => ({ ...base(actor), type: 'AddAction' as const, adminCode: 'ML0701', ...fields })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({
        actor: actorArb,
        actionId: actionIdArb,
        responsibleId: fc.option(fc.constantFrom(WFP, NGO)),
        startDate: fc.option(dateArb),
        dueDate: fc.option(dateArb),
        indicator: fc.option(indicatorArb),
      })
      .map(({ actor, ...fields }) => ({ ...base(actor), type: 'AmendAction' as const, ...fields })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ actor: actorArb, actionId: actionIdArb, reason: fc.option(textArb) })
      .map(({ actor, ...fields }) => ({ ...base(actor), type: 'RemoveAction' as const, ...fields })),
  },
  { weight: 3, arbitrary: actorArb.map((actor) => ({ ...base(actor), type: 'SubmitActionPlan' as const })) },
  {
    weight: 2,
    arbitrary: fc
      .record({ actor: actorArb, comment: fc.option(textArb) })
      .map(({ actor, comment }) => ({ ...base(actor), type: 'ApproveActionPlan' as const, comment })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ actor: actorArb, comment: textArb })
      .map(({ actor, comment }) => ({ ...base(actor), type: 'RequestActionPlanChanges' as const, comment })),
  },
  {
    weight: 6,
    arbitrary: fc
      .record({ actor: actorArb, actionId: actionIdArb, status: fc.constantFrom(...ACTION_STATUSES), actual: actualArb, note: fc.option(textArb) })
      .map(({ actor, ...fields }) => ({ ...base(actor), type: 'ReportActionProgress' as const, ...fields })),
  },
  { weight: 1, arbitrary: actorArb.map((actor) => ({ ...base(actor), type: 'CloseActionPlan' as const })) },
);

interface Step {
  readonly before: ActionPlanState;
  readonly event: ActionPlanEvent;
  readonly after: ActionPlanState;
  readonly command: ActionPlanCommand;
}

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
};

const run = (commands: readonly ActionPlanCommand[]) => {
  const accepted: ActionPlanEvent[] = [];
  const steps: Step[] = [];
  let state = actionPlanDecider.initialState();
  for (const command of commands) {
    let events: readonly ActionPlanEvent[];
    try {
      events = actionPlanDecider.decide(command, state);
    } catch (error) {
      // Any other error would reach the client as INTERNAL: every rejection must be a DomainError.
      if (isDomainError(error)) continue;
      throw error;
    }
    for (const event of events) {
      // Frozen so that an evolve or decide that mutates what it was given fails loudly.
      deepFreeze(event);
      const after = deepFreeze(actionPlanDecider.evolve(state, event));
      steps.push({ before: state, event, after, command });
      accepted.push(event);
      state = after;
    }
  }
  return { accepted, steps, state };
};

const legalAdd = (actionId: string): ActionPlanCommand => ({
  ...base(lead),
  type: 'AddAction',
  actionId,
  description: 'Rehabilitate boreholes',
  responsibleId: actionId === 'action-1' ? WFP : NGO,
  sector: 'WASH',
  adminCode: 'ML0701',
  startDate: '2026-03-01',
  dueDate: '2026-06-30',
  indicator: INDICATOR,
});
const legalSubmit: ActionPlanCommand = { ...base(lead), type: 'SubmitActionPlan' };
const legalApprove: ActionPlanCommand = { ...base(counterpart), type: 'ApproveActionPlan' };
const legalRequest: ActionPlanCommand = { ...base(counterpart), type: 'RequestActionPlanChanges', comment: 'Add Bourem' };
// Most runs open with a legal prefix, up to a plan of two actions sent back or approved, so that the
// rest of the sequence has something to work on in every state.
const commandsArb = fc
  .tuple(
    fc.constantFrom<ActionPlanCommand[]>(
      [],
      [draftOf(lead)],
      [draftOf(lead), legalAdd('action-1')],
      [draftOf(lead), legalAdd('action-1'), legalAdd('action-2'), legalSubmit],
      [draftOf(lead), legalAdd('action-1'), legalAdd('action-2'), legalSubmit, legalRequest],
      [draftOf(lead), legalAdd('action-1'), legalAdd('action-2'), legalSubmit, legalApprove],
    ),
    fc.array(commandArb, { minLength: 1, maxLength: 40, size: 'max' }),
  )
  .map(([opening, rest]) => [...opening, ...rest]);
const RUNS = { numRuns: 1000 };

const EDITING = ['DRAFT', 'CHANGES_REQUESTED'];
const LEGAL_EDGES = new Set([
  'None -ActionPlanDrafted-> DRAFT',
  ...EDITING.flatMap((status) => [
    `${status} -ActionPlanAmended-> ${status}`,
    `${status} -ActionAdded-> ${status}`,
    `${status} -ActionAmended-> ${status}`,
    `${status} -ActionRemoved-> ${status}`,
    `${status} -ActionPlanSubmitted-> SUBMITTED`,
  ]),
  'SUBMITTED -ActionPlanApproved-> APPROVED',
  'SUBMITTED -ActionPlanChangesRequested-> CHANGES_REQUESTED',
  'APPROVED -ActionProgressReported-> APPROVED',
  'APPROVED -ActionPlanClosed-> CLOSED',
]);

/** What the counterpart approves: the plan and its actions, without their progress. */
const structure = (plan: ActionPlan) => ({
  title: plan.title,
  leadId: plan.leadId,
  counterpartId: plan.counterpartId,
  adminCode: plan.adminCode,
  periodStart: plan.periodStart,
  periodEnd: plan.periodEnd,
  actions: liveActions(plan).map(({ status: _status, actual: _actual, ...facts }) => facts),
});

describe('action plan properties', () => {
  it('(a) every accepted move follows the workflow, and every move of the workflow is reached', () => {
    const visited = new Set<string>();
    fc.assert(
      fc.property(commandsArb, (commands) => {
        for (const { before, event, after } of run(commands).steps) {
          const edge = `${before.status} -${event.type}-> ${after.status}`;
          expect(LEGAL_EDGES).toContain(edge);
          visited.add(edge);
        }
      }),
      RUNS,
    );
    // Guards the generator: a property that never reaches a revised, resubmitted plan proves little.
    expect([...LEGAL_EDGES].filter((edge) => !visited.has(edge))).toEqual([]);
  });

  it('(b) no accepted command sequence changes the structure of an approved plan', () => {
    let approvals = 0;
    fc.assert(
      fc.property(commandsArb, (commands) => {
        const { steps } = run(commands);
        const approvedAt = steps.findIndex(({ event }) => event.type === 'ActionPlanApproved');
        if (approvedAt < 0) return;
        approvals += 1;
        const approvedPlan = structure(steps[approvedAt].after as ActionPlan);
        for (const { after } of steps.slice(approvedAt + 1)) expect(structure(after as ActionPlan)).toEqual(approvedPlan);
      }),
      RUNS,
    );
    expect(approvals).toBeGreaterThan(RUNS.numRuns / 10);
  });

  it('(c) only the lead’s officers shape and submit, only the counterpart reviews, only the responsible reports', () => {
    fc.assert(
      fc.property(commandsArb, (commands) => {
        for (const { before, event, command } of run(commands).steps) {
          const { actor } = command;
          if (event.type === 'ActionPlanDrafted') {
            expect(event.data.leadId).toBe(actor.organizationId);
            continue;
          }
          if (before.status === 'None') throw new Error(`${event.type} before the plan exists`);
          if (event.type === 'ActionPlanApproved' || event.type === 'ActionPlanChangesRequested') {
            expect(actor.organizationId).toBe(before.counterpartId);
            expect(hasRole(actor, 'GOVERNMENT_COUNTERPART')).toBe(true);
          } else if (event.type === 'ActionProgressReported') {
            const action = before.actions.find((candidate) => candidate.actionId === event.data.actionId);
            expect(action?.responsibleId).toBe(actor.organizationId);
          } else {
            expect(actor.organizationId).toBe(before.leadId);
            expect(hasRole(actor, ...EDITING_ROLES)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('(d) every action lies in the plan’s period, is due no earlier than it starts, and measures ≥ 0', () => {
    fc.assert(
      fc.property(commandsArb, (commands) => {
        for (const { after } of run(commands).steps) {
          if (after.status === 'None') continue;
          for (const action of liveActions(after)) {
            expect(action.startDate >= after.periodStart && action.dueDate <= after.periodEnd).toBe(true);
            expect(action.dueDate >= action.startDate).toBe(true);
            if (action.actual !== null) expect(action.indicator !== null && action.actual >= 0).toBe(true);
            if (action.indicator) expect(action.indicator.baseline >= 0 && action.indicator.target >= 0).toBe(true);
          }
          const decisions = after.actions.map((action) => action.sourceDecisionId).filter((id) => id !== null);
          expect(new Set(decisions).size).toBe(decisions.length);
        }
      }),
      RUNS,
    );
  });

  it('(e) replaying a plan’s events reproduces its state, also after a JSON round trip', () => {
    fc.assert(
      fc.property(commandsArb, (commands) => {
        const { accepted, state } = run(commands);
        expect(fold(actionPlanDecider, accepted)).toEqual(state);
        expect(fold(actionPlanDecider, JSON.parse(JSON.stringify(accepted)) as ActionPlanEvent[])).toEqual(state);
      }),
      RUNS,
    );
  });
});
