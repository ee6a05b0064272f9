import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { ACTION_PLAN_STREAM } from '@coord/contracts';
import { Actor, hasRole, newId, newStreamId, notFound } from '@coord/kernel';
import { ReferenceChecks } from '@coord/read-model';
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
 * Every action-plan mutation: validate, check references (ReferenceChecks), make the ids
 * decide may not make, run the plan decider. An action command answers the action's id, the others
 * the plan's, and every version is the plan stream's.
 */
@Resolver()
export class ActionPlanCommandsResolver {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly references: ReferenceChecks,
  ) {}

  @Mutation('draftActionPlan')
  async draftActionPlan(@Args('input') raw: unknown, @Context() context: RequestContext) {
    const actor = requireActor(context);
    const input = parseInput(draftActionPlanInput, raw);
    // Every reader is shown the lead: an organisation the platform does not know cannot lead.
    if (hasRole(actor, ...EDITING_ROLES)) await this.references.requireTokenOrganization(actor.organizationId);
    const counterpart = await this.references.requireOrganization(input.counterpartId, 'counterpartId');
    if (input.adminCode) await this.references.requireLocation(input.adminCode, 'adminCode');
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
    if (input.adminCode) await this.references.requireLocation(input.adminCode, 'adminCode');
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
    await this.references.requireOrganization(input.responsibleId, 'responsibleId');
    await this.references.requireLocation(input.adminCode, 'adminCode');
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
    if (input.responsibleId) await this.references.requireOrganization(input.responsibleId, 'responsibleId');
    if (input.adminCode) await this.references.requireLocation(input.adminCode, 'adminCode');
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
}
