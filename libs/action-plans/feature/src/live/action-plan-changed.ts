import type { ActionPlanView } from '@coord/read-model';

/** The PubSub trigger plan changes travel on. */
export const ACTION_PLAN_CHANGED_TRIGGER = 'actionPlans.changed';

/** What the publisher sends once per plan a batch changed: the plan as the read model now has it. */
export interface ActionPlanChanged {
  readonly plan: ActionPlanView;
}

/** A subscriber watching one plan hears only about it; one watching none hears about every plan. */
export const reachesSubscriber = (change: ActionPlanChanged, planId: string | null | undefined): boolean =>
  !planId || change.plan.id === planId;
