import type { ActionRemoved } from '@coord/contracts';
import type { RemoveAction } from './action-plan.commands';
import { EDITABLE, requireAction, requireLeadOfficer, requirePlan, requireStatus, requireText } from './action-plan.rules';
import type { ActionPlanState } from './action-plan.state';

export const decideRemoveAction = (command: RemoveAction, state: ActionPlanState): ActionRemoved[] => {
  const plan = requirePlan(state, command.planId);
  requireLeadOfficer(command.actor, plan, 'remove an action');
  // DOMAIN.md: structure is edited only in DRAFT or CHANGES_REQUESTED.
  requireStatus(plan, EDITABLE, 'remove an action from');
  requireAction(plan, command.actionId);
  const reason = command.reason ?? null;
  if (reason !== null) requireText('reason', reason);

  return [
    {
      type: 'ActionRemoved',
      data: { planId: command.planId, actionId: command.actionId, reason, removedAt: command.at.toISOString() },
    },
  ];
};
