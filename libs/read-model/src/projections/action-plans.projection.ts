import { ACTION_PLAN_EVENT_TYPES, type ActionPlanEvent, type EventEnvelope, type Indicator } from '@coord/contracts';
import type { EntityManager } from 'typeorm';
import { ActionPlanEntity } from '../entities/action-plan.entity';
import { PlanActionEntity } from '../entities/plan-action.entity';
import type { Projection } from '../projection/projection';

/** A review comment as the plan row keeps it. */
export interface StoredReviewComment {
  readonly authorId: string;
  readonly text: string;
  readonly at: string;
  readonly verdict: 'CHANGES_REQUESTED' | 'APPROVED';
}

const indicatorColumns = (indicator: Indicator | null) => ({
  indicatorName: indicator?.name ?? null,
  indicatorUnit: indicator?.unit ?? null,
  indicatorBaseline: indicator?.baseline ?? null,
  indicatorTarget: indicator?.target ?? null,
});

/**
 * Action plans with their actions and review comments (DOMAIN.md "Action plans"). One stream feeds
 * both tables, so the plan row's version guards them together: an event at or below it was applied
 * already, in the same transaction. Plans are few and short, so event by event costs nothing worth
 * batching.
 */
export class ActionPlansProjection implements Projection {
  readonly name = 'action-plans';
  readonly version = 1;
  readonly handles = ACTION_PLAN_EVENT_TYPES;
  readonly tables = ['action_plans', 'plan_actions'];

  async apply(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const event = { type: envelope.type, data: envelope.data } as ActionPlanEvent;
    const plans = manager.getRepository(ActionPlanEntity);
    const plan = await plans.findOne({ where: { id: envelope.streamId } });
    const stamp = { version: envelope.streamVersion, position: envelope.position, updatedAt: envelope.occurredAt };
    if (event.type === 'ActionPlanDrafted') {
      if (plan) return;
      const { data } = event;
      await plans.insert({
        id: envelope.streamId,
        title: data.title,
        leadId: data.leadId,
        counterpartId: data.counterpartId,
        adminCode: data.adminCode,
        periodStart: data.periodStart,
        periodEnd: data.periodEnd,
        status: 'DRAFT',
        committeeId: data.committeeId,
        reviewComments: '[]',
        submittedAt: null,
        approvedAt: null,
        closedAt: null,
        ...stamp,
      });
      return;
    }
    // Not drafted (yet), or applied already.
    if (!plan || envelope.streamVersion <= plan.version) return;
    const changes = await this.applyToPlan(event, plan, envelope, manager);
    await plans.update({ id: envelope.streamId }, { ...changes, ...stamp });
  }

  /** Applies what the event does to the actions; answers what it does to the plan row. */
  private async applyToPlan(
    event: Exclude<ActionPlanEvent, { type: 'ActionPlanDrafted' }>,
    plan: ActionPlanEntity,
    envelope: EventEnvelope,
    manager: EntityManager,
  ): Promise<Partial<ActionPlanEntity>> {
    const actions = manager.getRepository(PlanActionEntity);
    const withComment = (added: StoredReviewComment): string =>
      JSON.stringify([...(JSON.parse(plan.reviewComments) as StoredReviewComment[]), added]);
    switch (event.type) {
      case 'ActionPlanAmended': {
        const { title, adminCode, periodStart, periodEnd } = event.data.changes;
        return {
          ...(title !== undefined ? { title } : {}),
          ...(adminCode !== undefined ? { adminCode } : {}),
          ...(periodStart !== undefined ? { periodStart } : {}),
          ...(periodEnd !== undefined ? { periodEnd } : {}),
        };
      }
      case 'ActionAdded': {
        const { data } = event;
        await actions.insert({
          planId: envelope.streamId,
          id: data.actionId,
          description: data.description,
          responsibleId: data.responsibleId,
          sector: data.sector,
          locationPcode: data.adminCode,
          startDate: data.startDate,
          dueDate: data.dueDate,
          status: 'PLANNED',
          ...indicatorColumns(data.indicator),
          indicatorActual: null,
          sourceDecisionId: data.sourceDecisionId,
          note: null,
          progressReportedAt: null,
          addedVersion: envelope.streamVersion,
        });
        return {};
      }
      case 'ActionAmended': {
        const { changes } = event.data;
        await actions.update(
          { planId: envelope.streamId, id: event.data.actionId },
          {
            ...(changes.description !== undefined ? { description: changes.description } : {}),
            ...(changes.responsibleId !== undefined ? { responsibleId: changes.responsibleId } : {}),
            ...(changes.sector !== undefined ? { sector: changes.sector } : {}),
            ...(changes.adminCode !== undefined ? { locationPcode: changes.adminCode } : {}),
            ...(changes.startDate !== undefined ? { startDate: changes.startDate } : {}),
            ...(changes.dueDate !== undefined ? { dueDate: changes.dueDate } : {}),
            ...(changes.indicator !== undefined ? indicatorColumns(changes.indicator) : {}),
          },
        );
        return {};
      }
      case 'ActionRemoved':
        await actions.delete({ planId: envelope.streamId, id: event.data.actionId });
        return {};
      case 'ActionPlanSubmitted':
        return { status: 'SUBMITTED', submittedAt: event.data.submittedAt };
      case 'ActionPlanApproved': {
        const { reviewerId, comment: text, approvedAt } = event.data;
        return {
          status: 'APPROVED',
          approvedAt,
          ...(text !== null ? { reviewComments: withComment({ authorId: reviewerId, text, at: approvedAt, verdict: 'APPROVED' }) } : {}),
        };
      }
      case 'ActionPlanChangesRequested': {
        const { reviewerId, comment: text, requestedAt } = event.data;
        return {
          status: 'CHANGES_REQUESTED',
          reviewComments: withComment({ authorId: reviewerId, text, at: requestedAt, verdict: 'CHANGES_REQUESTED' }),
        };
      }
      case 'ActionProgressReported': {
        const { data } = event;
        await actions.update(
          { planId: envelope.streamId, id: data.actionId },
          {
            status: data.status,
            ...(data.actual !== null ? { indicatorActual: data.actual } : {}),
            note: data.note,
            progressReportedAt: data.reportedAt,
          },
        );
        return {};
      }
      case 'ActionPlanClosed':
        return { status: 'CLOSED', closedAt: event.data.closedAt };
      default: {
        const unhandled: never = event;
        throw new Error(`action-plans projection cannot apply ${(unhandled as { type: string }).type}`);
      }
    }
  }
}
