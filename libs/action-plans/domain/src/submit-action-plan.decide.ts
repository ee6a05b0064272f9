import { invalidTransition } from '@coord/kernel';
import type { ActionPlanSubmitted } from '@coord/contracts';
import type { SubmitActionPlan } from './action-plan.commands';
import { EDITABLE, requireLeadOfficer, requirePlan, requireStatus } from './action-plan.rules';
import { liveActions, type ActionPlanState } from './action-plan.state';

export const decideSubmitActionPlan = (command: SubmitActionPlan, state: ActionPlanState): ActionPlanSubmitted[] => {
  const plan = requirePlan(state, command.planId);
  requireLeadOfficer(command.actor, plan, 'submit the plan');
  // DOMAIN.md: DRAFT → SUBMITTED, and after changes were requested, the revised plan → SUBMITTED again.
  requireStatus(plan, EDITABLE, 'submit');
  // A plan is its actions: there is nothing to review in one without any.
  if (liveActions(plan).length === 0) throw invalidTransition('cannot submit a plan without actions');

  return [{ type: 'ActionPlanSubmitted', data: { planId: command.planId, submittedAt: command.at.toISOString() } }];
};
