import type { ActionPlanClosed } from '@coord/contracts';
import type { CloseActionPlan } from './action-plan.commands';
import { requireLeadOfficer, requirePlan, requireStatus } from './action-plan.rules';
import type { ActionPlanState } from './action-plan.state';

export const decideCloseActionPlan = (command: CloseActionPlan, state: ActionPlanState): ActionPlanClosed[] => {
  const plan = requirePlan(state, command.planId);
  // The lead proposed the plan and answers for carrying it out, so it declares it finished.
  requireLeadOfficer(command.actor, plan, 'close the plan');
  // DOMAIN.md: "… then CLOSED" — a plan is closed once approved and carried out, never before.
  requireStatus(plan, ['APPROVED'], 'close');

  return [{ type: 'ActionPlanClosed', data: { planId: command.planId, closedAt: command.at.toISOString() } }];
};
