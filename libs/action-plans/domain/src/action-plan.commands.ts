import type { Actor } from '@coord/kernel';
import type { ActionStatus, Indicator, IsoDate, OrganizationKind, Sector } from '@coord/contracts';

/** Time and actor travel with the command: decide never reads a clock and never makes ids. */
interface PlanCommandBase {
  /** The stream id `ActionPlan-<uuid>`. */
  readonly planId: string;
  readonly actor: Actor;
  readonly at: Date;
}

export type DraftActionPlan = PlanCommandBase &
  Readonly<{
    type: 'DraftActionPlan';
    /** Must be the actor's own organisation. */
    leadId: string;
    counterpartId: string;
    /** The counterpart's kind as the read model knows it; null when it is not registered. */
    counterpartKind: OrganizationKind | null;
    title: string;
    adminCode: string | null;
    periodStart: IsoDate;
    periodEnd: IsoDate;
    /** Set only by the decision → action policy, for a committee's standing plan. */
    committeeId?: string | null;
  }>;

/** Absent (or null) fields are unchanged. */
export type AmendActionPlan = PlanCommandBase &
  Readonly<{
    type: 'AmendActionPlan';
    title?: string | null;
    adminCode?: string | null;
    periodStart?: IsoDate | null;
    periodEnd?: IsoDate | null;
  }>;

export interface ActionFacts {
  readonly description: string;
  readonly responsibleId: string;
  readonly sector: Sector;
  readonly adminCode: string;
  readonly startDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly indicator: Indicator | null;
}

export type AddAction = PlanCommandBase &
  ActionFacts &
  Readonly<{
    type: 'AddAction';
    /** Made by the caller, since the command answers it. */
    actionId: string;
    sourceDecisionId?: string | null;
  }>;

/** Absent (or null) fields are unchanged; an indicator is replaced whole. */
export type AmendAction = PlanCommandBase &
  Readonly<{ type: 'AmendAction'; actionId: string } & { [K in keyof ActionFacts]?: ActionFacts[K] | null }>;

export type RemoveAction = PlanCommandBase & Readonly<{ type: 'RemoveAction'; actionId: string; reason?: string | null }>;

export type SubmitActionPlan = PlanCommandBase & Readonly<{ type: 'SubmitActionPlan' }>;

export type ApproveActionPlan = PlanCommandBase & Readonly<{ type: 'ApproveActionPlan'; comment?: string | null }>;

export type RequestActionPlanChanges = PlanCommandBase & Readonly<{ type: 'RequestActionPlanChanges'; comment: string }>;

export type ReportActionProgress = PlanCommandBase &
  Readonly<{
    type: 'ReportActionProgress';
    actionId: string;
    status: ActionStatus;
    actual?: number | null;
    note?: string | null;
  }>;

export type CloseActionPlan = PlanCommandBase & Readonly<{ type: 'CloseActionPlan' }>;

export type ActionPlanCommand =
  | DraftActionPlan
  | AmendActionPlan
  | AddAction
  | AmendAction
  | RemoveAction
  | SubmitActionPlan
  | ApproveActionPlan
  | RequestActionPlanChanges
  | ReportActionProgress
  | CloseActionPlan;
