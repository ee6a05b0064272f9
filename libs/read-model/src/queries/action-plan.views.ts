import type { ActionPlanStatus, ActionStatus, Sector } from '@coord/contracts';

/** What the action-plan queries answer: plain objects, independent of table and column names. */
export interface IndicatorView {
  readonly name: string;
  readonly unit: string;
  readonly baseline: number;
  readonly target: number;
  /** The last reported value, null until one is reported. */
  readonly actual: number | null;
}

export interface ActionView {
  readonly id: string;
  readonly planId: string;
  readonly description: string;
  readonly responsibleId: string;
  readonly sector: Sector;
  readonly locationPcode: string;
  readonly startDate: string;
  readonly dueDate: string;
  readonly status: ActionStatus;
  readonly indicator: IndicatorView | null;
  readonly sourceDecisionId: string | null;
  readonly note: string | null;
  readonly progressReportedAt: string | null;
}

export interface ReviewCommentView {
  readonly authorId: string;
  readonly text: string;
  readonly at: string;
  readonly verdict: 'CHANGES_REQUESTED' | 'APPROVED';
}

export interface ActionPlanView {
  readonly id: string;
  readonly title: string;
  readonly leadId: string;
  readonly counterpartId: string;
  readonly adminCode: string | null;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly status: ActionPlanStatus;
  readonly committeeId: string | null;
  /** In the order they were added; removed ones are gone. */
  readonly actions: readonly ActionView[];
  /** In the order they were given. */
  readonly reviewComments: readonly ReviewCommentView[];
  readonly submittedAt: string | null;
  readonly approvedAt: string | null;
  readonly closedAt: string | null;
  readonly version: number;
  readonly position: string;
  readonly updatedAt: string;
}

/** Absent or null fields do not filter. */
export interface ActionPlanFilter {
  readonly status?: ActionPlanStatus | null;
}

export const ACTION_PLAN_CHANGE_KINDS = [
  'PLAN_DRAFTED',
  'PLAN_AMENDED',
  'ACTION_ADDED',
  'ACTION_AMENDED',
  'ACTION_REMOVED',
  'PLAN_SUBMITTED',
  'CHANGES_REQUESTED',
  'PLAN_APPROVED',
  'PROGRESS_REPORTED',
  'PLAN_CLOSED',
] as const;
export type ActionPlanChangeKind = (typeof ACTION_PLAN_CHANGE_KINDS)[number];

/** One field an amendment changed; values other than text are written as JSON (`12`, `null`). */
export interface FieldChangeView {
  readonly field: string;
  readonly from: string | null;
  readonly to: string | null;
}

/** One event of a plan's stream, told as what changed, by whom and when. */
export interface ActionPlanChangeView {
  readonly planId: string;
  readonly version: number;
  readonly position: string;
  readonly at: string;
  readonly kind: ActionPlanChangeKind;
  readonly actorUserId: string;
  readonly actorOrganizationId: string;
  /** The plan's status before and after: they differ for the workflow's moves. */
  readonly previousPlanStatus: ActionPlanStatus | null;
  readonly planStatus: ActionPlanStatus;
  /** The action concerned, with its description and responsible organisation as they then were. */
  readonly actionId: string | null;
  readonly actionDescription: string | null;
  readonly responsibleId: string | null;
  readonly fields: readonly FieldChangeView[];
  readonly previousActionStatus: ActionStatus | null;
  readonly actionStatus: ActionStatus | null;
  readonly previousActual: number | null;
  readonly actual: number | null;
  /** A review comment, a progress note or why an action was removed. */
  readonly comment: string | null;
}
