import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { ACTION_PLAN_STREAM } from '@coord/contracts';
import { Actor, DomainError, hasRole, newId, newStreamId, notFound } from '@coord/kernel';
import { ReadModelQueries } from '@coord/read-model';
import { CommandExecutor, parseInput, RequestContext, requireActor } from '@coord/runtime';
import { ActionPlanCommand, actionPlanDecider, EDITING_ROLES } from '@coord/action-plans-domain';
import {
  addActionInput,
  amendActionInput,
  amendActionPlanInput,
  approveActionPlanInput,
  closeActionPlanInput,
  draftActionPlanInput,
  removeActionInput,
  reportActionProgressInput,
  requestActionPlanChangesInput,
  submitActionPlanInput,
} from '../inputs/action-plan.inputs';

type WithoutBase<C> = C extends unknown ? Omit<C, 'planId' | 'actor' | 'at'> : never;

/**
 * Every action-plan mutation: validate, check references against the read model, make the ids
 * decide may not make, run the plan decider. An action command answers the action's id, the others
 * the plan's, and every version is the plan stream's.
 */
@Resolver()
export class ActionPlanCommandsResolver {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly queries: ReadModelQueries,
  ) {}

  @Mutation('draftActionPlan')
  async draftActionPlan(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const actor = requireActor(context);
    const input = parseInput(draftActionPlanInput, raw);
    // Every reader is shown the lead: an organisation the platform does not know cannot lead.
    if (hasRole(actor, ...EDITING_ROLES) && !(await this.organization(actor.organizationId))) {
      throw new DomainError('FORBIDDEN', `the organisation ${actor.organizationId} in the token is not registered`);
    }
    const counterpart = await this.organization(input.counterpartId);
    if (!counterpart) throw new DomainError('NOT_FOUND', `no registered organisation ${input.counterpartId}`, { field: 'counterpartId' });
    if (input.adminCode) await this.requireLocation(input.adminCode, 'adminCode');
    return this.run(newStreamId(ACTION_PLAN_STREAM), actor, input, {
      type: 'DraftActionPlan',
      leadId: actor.organizationId,
      counterpartId: input.counterpartId,
      counterpartKind: counterpart.kind,
      title: input.title,
      adminCode: input.adminCode ?? null,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
    });
  }

  @Mutation('amendActionPlan')
  async amendActionPlan(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const actor = requireActor(context);
    const input = parseInput(amendActionPlanInput, raw);
    if (input.adminCode) await this.requireLocation(input.adminCode, 'adminCode');
    return this.run(input.planId, actor, input, {
      type: 'AmendActionPlan',
      title: input.title,
      adminCode: input.adminCode,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
    });
  }

  @Mutation('addAction')
  async addAction(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const actor = requireActor(context);
    const input = parseInput(addActionInput, raw);
    // DOMAIN.md: the responsible organisation reports the progress, so it must be one that can.
    await this.requireOrganization(input.responsibleId, 'responsibleId');
    await this.requireLocation(input.adminCode, 'adminCode');
    const actionId = newId();
    return this.run(
      input.planId,
      actor,
      input,
      {
        type: 'AddAction',
        actionId,
        description: input.description,
        responsibleId: input.responsibleId,
        sector: input.sector,
        adminCode: input.adminCode,
        startDate: input.startDate,
        dueDate: input.dueDate,
        indicator: input.indicator ?? null,
      },
      actionId,
    );
  }

  @Mutation('amendAction')
  async amendAction(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const actor = requireActor(context);
    const input = parseInput(amendActionInput, raw);
    if (input.responsibleId) await this.requireOrganization(input.responsibleId, 'responsibleId');
    if (input.adminCode) await this.requireLocation(input.adminCode, 'adminCode');
    return this.run(
      input.planId,
      actor,
      input,
      {
        type: 'AmendAction',
        actionId: input.actionId,
        description: input.description,
        responsibleId: input.responsibleId,
        sector: input.sector,
        adminCode: input.adminCode,
        startDate: input.startDate,
        dueDate: input.dueDate,
        indicator: input.indicator,
      },
      input.actionId,
    );
  }

  @Mutation('removeAction')
  removeAction(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const input = parseInput(removeActionInput, raw);
    return this.run(input.planId, requireActor(context), input, { type: 'RemoveAction', actionId: input.actionId, reason: input.reason }, input.actionId);
  }

  @Mutation('submitActionPlan')
  submitActionPlan(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const input = parseInput(submitActionPlanInput, raw);
    return this.run(input.planId, requireActor(context), input, { type: 'SubmitActionPlan' });
  }

  @Mutation('approveActionPlan')
  approveActionPlan(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const input = parseInput(approveActionPlanInput, raw);
    return this.run(input.planId, requireActor(context), input, { type: 'ApproveActionPlan', comment: input.comment });
  }

  @Mutation('requestActionPlanChanges')
  requestActionPlanChanges(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const input = parseInput(requestActionPlanChangesInput, raw);
    return this.run(input.planId, requireActor(context), input, { type: 'RequestActionPlanChanges', comment: input.comment });
  }

  @Mutation('reportActionProgress')
  reportActionProgress(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const input = parseInput(reportActionProgressInput, raw);
    return this.run(
      input.planId,
      requireActor(context),
      input,
      { type: 'ReportActionProgress', actionId: input.actionId, status: input.status, actual: input.actual, note: input.note },
      input.actionId,
    );
  }

  @Mutation('closeActionPlan')
  closeActionPlan(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const input = parseInput(closeActionPlanInput, raw);
    return this.run(input.planId, requireActor(context), input, { type: 'CloseActionPlan' });
  }

  private run(
    planId: string,
    actor: Actor,
    input: { commandId?: string | null; expectedVersion?: number | null },
    command: WithoutBase<ActionPlanCommand>,
    resultId?: string,
  ) {
    if (!planId.startsWith(`${ACTION_PLAN_STREAM}-`)) throw notFound(`no action plan ${planId}`, 'planId');
    const full = { ...command, planId, actor, at: this.executor.now() } as ActionPlanCommand;
    return this.executor.execute(full.type, planId, actionPlanDecider, full, {
      actor,
      commandId: input.commandId,
      expectedVersion: input.expectedVersion,
      resultId,
    });
  }

  private async requireLocation(pcode: string, field: string): Promise<void> {
    const [location] = await this.queries.locationsByPcodes([pcode]);
    if (!location) throw new DomainError('NOT_FOUND', `no location with P-code ${pcode} in the gazetteer`, { field });
  }

  private async organization(id: string) {
    const [organization] = await this.queries.organizationsByIds([id]);
    return organization ?? null;
  }

  private async requireOrganization(id: string, field: string): Promise<void> {
    if (!(await this.organization(id))) throw new DomainError('NOT_FOUND', `no registered organisation ${id}`, { field });
  }
}
