import type { ActionPlanApproved } from '@coord/contracts';
import type { ApproveActionPlan } from './action-plan.commands';
import { requireCounterpart, requirePlan, requireStatus, requireText } from './action-plan.rules';
import type { ActionPlanState } from './action-plan.state';

export const decideApproveActionPlan = (command: ApproveActionPlan, state: ActionPlanState): ActionPlanApproved[] => {
  const plan = requirePlan(state, command.planId);
  requireCounterpart(command.actor, plan, 'approve the plan');
  // DOMAIN.md: SUBMITTED → APPROVED; only what was submitted is reviewed.
  requireStatus(plan, ['SUBMITTED'], 'approve');
  const comment = command.comment ?? null;
  if (comment !== null) requireText('comment', comment);

  return [
    {
      type: 'ActionPlanApproved',
      data: { planId: command.planId, reviewerId: plan.counterpartId, comment, approvedAt: command.at.toISOString() },
    },
  ];
};
