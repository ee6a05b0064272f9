import type { IsoDate, IsoDateTime, Sector } from '../common';

export const ACTION_PLAN_STATUSES = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'CLOSED'] as const;
export type ActionPlanStatus = (typeof ACTION_PLAN_STATUSES)[number];

export const ACTION_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE', 'BLOCKED', 'CANCELLED'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** How an action's result is measured; `actual` is reported later with progress, never here. */
export interface Indicator {
  readonly name: string;
  readonly unit: string;
  readonly baseline: number;
  readonly target: number;
}

/** The plan's own facts an amendment may change; a key that is absent is unchanged. */
export interface AmendablePlanFacts {
  readonly title?: string;
  /** Never null in `changes`; null in `previous` when the plan had no scope before. */
  readonly adminCode?: string | null;
  readonly periodStart?: IsoDate;
  readonly periodEnd?: IsoDate;
}

/** An action's facts an amendment may change; a key that is absent is unchanged. */
export interface AmendableActionFacts {
  readonly description?: string;
  readonly responsibleId?: string;
  readonly sector?: Sector;
  readonly adminCode?: string;
  readonly startDate?: IsoDate;
  readonly dueDate?: IsoDate;
  /** Replaced whole; never null in `changes`, null in `previous` when the action had none before. */
  readonly indicator?: Indicator | null;
}

export type ActionPlanDrafted = Readonly<{
  type: 'ActionPlanDrafted';
  data: {
    planId: string;
    title: string;
    /** The organisation that proposes the plan and alone edits it; the drafting user's own. */
    leadId: string;
    /** The host-government organisation whose counterparts review the plan. */
    counterpartId: string;
    /** P-code of the plan's scope, when it has one. */
    adminCode: string | null;
    periodStart: IsoDate;
    periodEnd: IsoDate;
    /** The committee whose standing plan this is, when the decision → action policy drafted it. */
    committeeId: string | null;
    draftedAt: IsoDateTime;
  };
}>;

export type ActionPlanAmended = Readonly<{
  type: 'ActionPlanAmended';
  data: {
    planId: string;
    /** The new values: only the amended keys, each different from the value it replaces. */
    changes: AmendablePlanFacts;
    /** The values replaced, with the same keys as `changes`. */
    previous: AmendablePlanFacts;
    amendedAt: IsoDateTime;
  };
}>;

export type ActionAdded = Readonly<{
  type: 'ActionAdded';
  data: {
    planId: string;
    actionId: string;
    description: string;
    responsibleId: string;
    sector: Sector;
    adminCode: string;
    startDate: IsoDate;
    dueDate: IsoDate;
    indicator: Indicator | null;
    /** The committee decision the action carries out, when it came from one. */
    sourceDecisionId: string | null;
    addedAt: IsoDateTime;
  };
}>;

export type ActionAmended = Readonly<{
  type: 'ActionAmended';
  data: {
    planId: string;
    actionId: string;
    changes: AmendableActionFacts;
    previous: AmendableActionFacts;
    amendedAt: IsoDateTime;
  };
}>;

export type ActionRemoved = Readonly<{
  type: 'ActionRemoved';
  data: { planId: string; actionId: string; reason: string | null; removedAt: IsoDateTime };
}>;

export type ActionPlanSubmitted = Readonly<{
  type: 'ActionPlanSubmitted';
  data: { planId: string; submittedAt: IsoDateTime };
}>;

export type ActionPlanApproved = Readonly<{
  type: 'ActionPlanApproved';
  data: {
    planId: string;
    /** The counterpart organisation, on whose behalf its government counterpart approved. */
    reviewerId: string;
    comment: string | null;
    approvedAt: IsoDateTime;
  };
}>;

export type ActionPlanChangesRequested = Readonly<{
  type: 'ActionPlanChangesRequested';
  data: { planId: string; reviewerId: string; comment: string; requestedAt: IsoDateTime };
}>;

export type ActionProgressReported = Readonly<{
  type: 'ActionProgressReported';
  data: {
    planId: string;
    actionId: string;
    status: ActionStatus;
    previousStatus: ActionStatus;
    /** The indicator's value as reported; null when this report gave none (the last one stands). */
    actual: number | null;
    /** The indicator's value before this report, null when none was ever reported. */
    previousActual: number | null;
    note: string | null;
    reportedAt: IsoDateTime;
  };
}>;

export type ActionPlanClosed = Readonly<{
  type: 'ActionPlanClosed';
  data: { planId: string; closedAt: IsoDateTime };
}>;

export type ActionPlanEvent =
  | ActionPlanDrafted
  | ActionPlanAmended
  | ActionAdded
  | ActionAmended
  | ActionRemoved
  | ActionPlanSubmitted
  | ActionPlanApproved
  | ActionPlanChangesRequested
  | ActionProgressReported
  | ActionPlanClosed;

export const ACTION_PLAN_EVENT_TYPES = [
  'ActionPlanDrafted',
  'ActionPlanAmended',
  'ActionAdded',
  'ActionAmended',
  'ActionRemoved',
  'ActionPlanSubmitted',
  'ActionPlanApproved',
  'ActionPlanChangesRequested',
  'ActionProgressReported',
  'ActionPlanClosed',
] as const satisfies readonly ActionPlanEvent['type'][];

/** One stream per plan holds the plan and all its actions. */
export const ACTION_PLAN_STREAM = 'ActionPlan';
