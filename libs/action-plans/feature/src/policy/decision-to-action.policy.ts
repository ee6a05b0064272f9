import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import type { ActionItem, ActionPlanEvent, DecisionRecorded, EventEnvelope, Sector } from '@coord/contracts';
import { EVENT_STORE, EventStore } from '@coord/event-store';
import { Actor, DomainError, fold, isDomainError } from '@coord/kernel';
import { EVENT_BUS, EventBus } from '@coord/messaging';
import { ProjectionRunner, ReadModelQueries } from '@coord/read-model';
import { CommandExecutor, LOGGER } from '@coord/runtime';
import { ActionPlanCommand, actionPlanDecider, EDITABLE } from '@coord/action-plans-domain';
import { CommitteeFacts, committeeFacts } from './committee-facts';
import { decisionActionId, standingPlanId, standingPlanTitle } from './standing-plan';

/**
 * Who the policy acts as. Decision: it acts for the committee's chair — the organisation whose
 * liaison officer recorded the decision and which leads the standing plan — with the chair's
 * LIAISON_OFFICER role, so the domain judges its commands exactly as a chair officer's and grants it
 * nothing more. Its own user id tells its events apart in every history.
 */
export const DECISION_TO_ACTION_USER = 'policy:decision-to-action';

const SUBSCRIBER = 'decision-to-action-policy';
/** How long to wait for the read model to catch up with a decision before the batch is retried. */
const READ_MODEL_WAIT_MS = 10_000;
/** Races with the plan's lead (an append in between, a submission) are retried this many times. */
const ATTEMPTS = 5;

type Skip = { readonly skip: string };
type WithoutBase<C> = C extends unknown ? Omit<C, 'planId' | 'actor' | 'at'> : never;
/** Where and in which sector the action is, as the policy settled them. */
type Placing = { readonly adminCode: string; readonly sector: Sector };
type Decision = DecisionRecorded['data'] & { readonly actionItem: ActionItem };

const retryable = (error: DomainError): boolean =>
  (error.code === 'CONFLICT' && error.details.reason === 'WRONG_EXPECTED_VERSION') || error.code === 'INVALID_TRANSITION';

/**
 * The issue's "decisions become actions": a committee decision with an action item becomes an
 * action of the committee's standing plan, drafted on first need with the chair as lead and the
 * first HOST_GOVERNMENT member as counterpart (ARCHITECTURE.md principle 3: planning's events in,
 * this context's own commands out).
 *
 * Idempotent by construction: the standing plans' ids derive from the committee, the action's from
 * the decision, a decision already planned is found before anything is sent, every command carries
 * an id derived from the decision (a repeat answers the first result), and the domain refuses to
 * plan a decision twice. Delivery is at least once, so all of that is needed: a batch comes again
 * whenever any subscriber failed it.
 *
 * It never holds the bus up for a decision it cannot plan: a domain rejection is logged and the
 * decision skipped. Only an infrastructure failure is thrown, so that the relay retries the batch.
 */
@Injectable()
export class DecisionToActionPolicy implements OnModuleInit {
  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly executor: CommandExecutor,
    private readonly queries: ReadModelQueries,
    private readonly runner: ProjectionRunner,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe(SUBSCRIBER, (events) => this.handle(events));
  }

  async handle(events: readonly EventEnvelope[]): Promise<void> {
    for (const event of events) {
      if (event.type !== 'DecisionRecorded') continue;
      const decision = event.data as DecisionRecorded['data'];
      if (!decision.actionItem) continue;
      const outcome = await this.plan(event, decision as Decision);
      if (outcome) {
        this.logger.warn({ decisionId: decision.decisionId, committeeId: decision.committeeId, reason: outcome.skip }, 'decision not planned as an action');
      }
    }
  }

  private async plan(event: EventEnvelope, decision: Decision): Promise<Skip | null> {
    const committee = committeeFacts(await this.store.readStream(decision.committeeId));
    if (!committee) return { skip: `committee ${decision.committeeId} has no CommitteeFormed event` };
    // Organisation kinds come from the read model, which may be applying this very batch alongside.
    await this.runner.waitFor(event.position, READ_MODEL_WAIT_MS);
    const kinds = new Map((await this.queries.organizationsByIds(committee.memberIds)).map((organization) => [organization.id, organization.kind]));
    const counterpartId = committee.memberIds.find((id) => kinds.get(id) === 'HOST_GOVERNMENT');
    if (!counterpartId) return { skip: 'the committee has no HOST_GOVERNMENT member to review its plan' };
    // An action has a sector and a place; a decision about the committee's own area may name none.
    const adminCode = decision.actionItem.adminCode ?? committee.adminCode;
    const { sector } = decision.actionItem;
    if (!sector || !adminCode) return { skip: 'the action item names no sector, or no place and the committee has none' };

    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.addToStandingPlan(committee, counterpartId, decision, { adminCode, sector });
        return null;
      } catch (error) {
        if (!isDomainError(error)) throw error;
        if (!retryable(error) || attempt === ATTEMPTS) return { skip: `${error.code}: ${error.message}` };
      }
    }
  }

  private async addToStandingPlan(committee: CommitteeFacts, counterpartId: string, decision: Decision, placing: Placing): Promise<void> {
    const item = decision.actionItem;
    const actor: Actor = { userId: DECISION_TO_ACTION_USER, organizationId: committee.chairId, roles: ['LIAISON_OFFICER'] };
    // Started when decided; a decision recorded after its due date starts on that date instead.
    const decidedOn = decision.recordedAt.slice(0, 10);
    const startDate = item.dueDate < decidedOn ? item.dueDate : decidedOn;

    for (let generation = 1; ; generation += 1) {
      const planId = standingPlanId(committee.committeeId, generation);
      const plan = fold(actionPlanDecider, (await this.store.readStream(planId)) as unknown as ActionPlanEvent[]);
      if (plan.status !== 'None' && plan.actions.some((action) => action.sourceDecisionId === decision.decisionId)) return;
      if (plan.status !== 'None' && !EDITABLE.includes(plan.status)) continue;

      const send = (step: string, command: WithoutBase<ActionPlanCommand>, resultId?: string) => {
        const full = { ...command, planId, actor, at: this.executor.now() } as ActionPlanCommand;
        return this.executor.execute(full.type, planId, actionPlanDecider, full, {
          actor,
          commandId: `decision-to-action:${decision.decisionId}:${step}@${planId}`,
          resultId,
        });
      };
      if (plan.status === 'None') {
        await send('draft', {
          type: 'DraftActionPlan',
          leadId: committee.chairId,
          counterpartId,
          counterpartKind: 'HOST_GOVERNMENT',
          title: standingPlanTitle(committee.name, generation),
          adminCode: committee.adminCode,
          periodStart: startDate,
          periodEnd: item.dueDate,
          committeeId: committee.committeeId,
        });
      } else if (startDate < plan.periodStart || item.dueDate > plan.periodEnd) {
        // The issue: an action lies inside its plan's period; a standing plan's period grows with its decisions.
        await send('period', {
          type: 'AmendActionPlan',
          periodStart: startDate < plan.periodStart ? startDate : null,
          periodEnd: item.dueDate > plan.periodEnd ? item.dueDate : null,
        });
      }
      const actionId = decisionActionId(decision.decisionId);
      await send(
        'action',
        {
          type: 'AddAction',
          actionId,
          description: item.description,
          responsibleId: item.responsibleId,
          ...placing,
          startDate,
          dueDate: item.dueDate,
          indicator: null,
          sourceDecisionId: decision.decisionId,
        },
        actionId,
      );
      return;
    }
  }
}
