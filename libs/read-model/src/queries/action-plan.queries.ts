import { ACTION_PLAN_STREAM, type ActionPlanStatus, type ActionStatus, type Sector } from '@coord/contracts';
import { badInput, notFound } from '@coord/kernel';
import { DataSource, In } from 'typeorm';
import { ActionPlanEntity } from '../entities/action-plan.entity';
import { HistoryEntryEntity } from '../entities/history-entry.entity';
import { PlanActionEntity } from '../entities/plan-action.entity';
import type { StoredReviewComment } from '../projections/action-plans.projection';
import { actionPlanChanges } from './action-plan-changes';
import type { ActionPlanChangeView, ActionPlanFilter, ActionPlanView, ActionView } from './action-plan.views';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const actionView = (row: PlanActionEntity): ActionView => ({
  id: row.id,
  planId: row.planId,
  description: row.description,
  responsibleId: row.responsibleId,
  sector: row.sector as Sector,
  locationPcode: row.locationPcode,
  startDate: row.startDate,
  dueDate: row.dueDate,
  status: row.status as ActionStatus,
  indicator:
    row.indicatorName === null
      ? null
      : {
          name: row.indicatorName,
          unit: row.indicatorUnit as string,
          // PostgreSQL hands doubles back as numbers, but a driver may not: read them as numbers.
          baseline: Number(row.indicatorBaseline),
          target: Number(row.indicatorTarget),
          actual: row.indicatorActual === null ? null : Number(row.indicatorActual),
        },
  sourceDecisionId: row.sourceDecisionId,
  note: row.note,
  progressReportedAt: row.progressReportedAt,
});

const planView = (row: ActionPlanEntity, actions: readonly ActionView[]): ActionPlanView => ({
  id: row.id,
  title: row.title,
  leadId: row.leadId,
  counterpartId: row.counterpartId,
  adminCode: row.adminCode,
  periodStart: row.periodStart,
  periodEnd: row.periodEnd,
  status: row.status as ActionPlanStatus,
  committeeId: row.committeeId,
  actions: actions.filter((action) => action.planId === row.id),
  reviewComments: JSON.parse(row.reviewComments) as StoredReviewComment[],
  submittedAt: row.submittedAt,
  approvedAt: row.approvedAt,
  closedAt: row.closedAt,
  version: row.version,
  position: row.position,
  updatedAt: row.updatedAt,
});

/**
 * The read side of action plans. A plan comes whole, with its actions in the order they were added:
 * one more query per call, never per plan.
 */
export class ActionPlanQueries {
  constructor(private readonly dataSource: DataSource) {}

  async plan(id: string): Promise<ActionPlanView | null> {
    const row = await this.dataSource.getRepository(ActionPlanEntity).findOneBy({ id });
    if (!row) return null;
    const [plan] = await this.withActions([row]);
    return plan;
  }

  /** Ordered by the start of their period, then id. */
  async plans(filter: ActionPlanFilter = {}): Promise<ActionPlanView[]> {
    const rows = await this.dataSource.getRepository(ActionPlanEntity).find({
      where: filter.status != null ? { status: filter.status } : {},
      order: { periodStart: 'ASC', id: 'ASC' },
    });
    return this.withActions(rows);
  }

  /** The trace decision → action: the action a committee decision became, if any. */
  async actionForDecision(decisionId: string): Promise<ActionView | null> {
    const row = await this.dataSource.getRepository(PlanActionEntity).findOneBy({ sourceDecisionId: decisionId });
    return row ? actionView(row) : null;
  }

  /**
   * DOMAIN.md "Overdue actions": due before `today` (a UTC date, from the caller's clock) and neither
   * done nor cancelled, at `adminCode` or anywhere below it (any admin level). Ordered by due date.
   */
  async overdueActions(filter: { readonly adminCode?: string | null; readonly today: string }): Promise<ActionView[]> {
    if (!ISO_DATE.test(filter.today)) throw new Error(`not a date: ${filter.today}`);
    const query = this.dataSource
      .getRepository(PlanActionEntity)
      .createQueryBuilder('a')
      .where('a.dueDate < :today', { today: filter.today })
      .andWhere('a.status NOT IN (:...done)', { done: ['DONE', 'CANCELLED'] });
    if (filter.adminCode != null) {
      // The place itself, every place whose ancestors include it, and for a country (level 0, the
      // parent of regions) every place in its regions.
      query.andWhere(
        '(a.locationPcode = :adminCode OR a.locationPcode IN (SELECT l.pcode FROM locations l WHERE ' +
          'l.adm1_pcode = :adminCode OR l.adm2_pcode = :adminCode OR l.adm3_pcode = :adminCode OR ' +
          'l.adm1_pcode IN (SELECT r.pcode FROM locations r WHERE r.parent_pcode = :adminCode AND r.level = 1)))',
        { adminCode: filter.adminCode },
      );
    }
    const rows = await query.orderBy('a.dueDate', 'ASC').addOrderBy('a.planId', 'ASC').addOrderBy('a.addedVersion', 'ASC').getMany();
    return rows.map(actionView);
  }

  /** What changed in a plan strictly after `since` (an ISO-8601 UTC instant), from its history. */
  async changes(planId: string, since: Date): Promise<ActionPlanChangeView[]> {
    if (Number.isNaN(since.getTime())) throw badInput('since', 'since must be an instant');
    const rows = planId.startsWith(`${ACTION_PLAN_STREAM}-`)
      ? await this.dataSource.getRepository(HistoryEntryEntity).find({ where: { streamId: planId }, order: { version: 'ASC' } })
      : [];
    if (rows.length === 0) throw notFound(`no action plan ${planId}`, 'id');
    return actionPlanChanges(rows, since.toISOString());
  }

  private async withActions(rows: readonly ActionPlanEntity[]): Promise<ActionPlanView[]> {
    if (rows.length === 0) return [];
    const actions = await this.dataSource
      .getRepository(PlanActionEntity)
      .find({ where: { planId: In(rows.map((row) => row.id)) }, order: { addedVersion: 'ASC' } });
    const views = actions.map(actionView);
    return rows.map((row) => planView(row, views));
  }
}
