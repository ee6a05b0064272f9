import type { ActionPlanStatus, ActionStatus, Indicator, IsoDate, Sector } from '@coord/contracts';

/** An action of a plan, as far as deciding goes. */
export interface ActionState {
  readonly actionId: string;
  readonly description: string;
  readonly responsibleId: string;
  readonly sector: Sector;
  /** P-code of the place the action concerns. */
  readonly adminCode: string;
  readonly startDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly indicator: Indicator | null;
  readonly sourceDecisionId: string | null;
  readonly status: ActionStatus;
  /** The indicator's last reported value. */
  readonly actual: number | null;
  /** Taken out of the plan; kept so that neither its id nor its decision is ever planned again. */
  readonly removed: boolean;
}

/** A plan that exists: everything `decide` needs to judge the next command. */
export interface ActionPlan {
  readonly status: ActionPlanStatus;
  /** The stream id `ActionPlan-<uuid>`. */
  readonly planId: string;
  readonly title: string;
  readonly leadId: string;
  readonly counterpartId: string;
  readonly adminCode: string | null;
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
  readonly committeeId: string | null;
  /** In the order they were added, removed ones included. */
  readonly actions: readonly ActionState[];
}

export type ActionPlanState = { readonly status: 'None' } | ActionPlan;

export const initialState = (): ActionPlanState => ({ status: 'None' });

/** The actions that are part of the plan now. */
export const liveActions = (plan: ActionPlan): readonly ActionState[] => plan.actions.filter((action) => !action.removed);
