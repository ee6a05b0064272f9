import type { ActionPlanChangesRequested } from '@coord/contracts';
import type { RequestActionPlanChanges } from './action-plan.commands';
import { requireCounterpart, requirePlan, requireStatus, requireText } from './action-plan.rules';
import type { ActionPlanState } from './action-plan.state';

export const decideRequestActionPlanChanges = (
  command: RequestActionPlanChanges,
  state: ActionPlanState,
): ActionPlanChangesRequested[] => {
  const plan = requirePlan(state, command.planId);
  requireCounterpart(command.actor, plan, 'request changes to the plan');
  // DOMAIN.md: SUBMITTED → CHANGES_REQUESTED.
  requireStatus(plan, ['SUBMITTED'], 'request changes to');
  // The issue: a request carries a comment, or the lead would not know what to change.
  requireText('comment', command.comment);

  return [
    {
      type: 'ActionPlanChangesRequested',
      data: { planId: command.planId, reviewerId: plan.counterpartId, comment: command.comment, requestedAt: command.at.toISOString() },
    },
  ];
};
