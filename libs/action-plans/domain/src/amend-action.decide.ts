import type { ActionAmended, AmendableActionFacts } from '@coord/contracts';
import type { ActionFacts, AmendAction } from './action-plan.commands';
import { validateActionFacts } from './action-facts.rules';
import { EDITABLE, requireAction, requireLeadOfficer, requirePlan, requireStatus } from './action-plan.rules';
import type { ActionPlanState } from './action-plan.state';

const SCALAR_KEYS = ['description', 'responsibleId', 'sector', 'adminCode', 'startDate', 'dueDate'] as const;

const sameIndicator = (a: ActionFacts['indicator'], b: ActionFacts['indicator']): boolean =>
  a === b || (a !== null && b !== null && a.name === b.name && a.unit === b.unit && a.baseline === b.baseline && a.target === b.target);

export const decideAmendAction = (command: AmendAction, state: ActionPlanState): ActionAmended[] => {
  const plan = requirePlan(state, command.planId);
  requireLeadOfficer(command.actor, plan, 'amend an action');
  // DOMAIN.md: structure is edited only in DRAFT or CHANGES_REQUESTED.
  requireStatus(plan, EDITABLE, 'amend an action of');
  const action = requireAction(plan, command.actionId);

  const indicator = command.indicator
    ? { name: command.indicator.name, unit: command.indicator.unit, baseline: command.indicator.baseline, target: command.indicator.target }
    : action.indicator;
  const merged: ActionFacts = {
    description: command.description ?? action.description,
    responsibleId: command.responsibleId ?? action.responsibleId,
    sector: command.sector ?? action.sector,
    adminCode: command.adminCode ?? action.adminCode,
    startDate: command.startDate ?? action.startDate,
    dueDate: command.dueDate ?? action.dueDate,
    indicator,
  };
  // Judged whole: moving the start alone may put it after the due date.
  validateActionFacts(plan, merged);

  const changes: Record<string, unknown> = {};
  const previous: Record<string, unknown> = {};
  for (const key of SCALAR_KEYS) {
    if (merged[key] === action[key]) continue;
    changes[key] = merged[key];
    previous[key] = action[key];
  }
  if (!sameIndicator(merged.indicator, action.indicator)) {
    changes.indicator = merged.indicator;
    // An action without an indicator had nothing to replace.
    previous.indicator = action.indicator;
  }
  // The same values again amend nothing, and record nothing.
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      type: 'ActionAmended',
      data: {
        planId: command.planId,
        actionId: command.actionId,
        changes: changes as AmendableActionFacts,
        previous: previous as AmendableActionFacts,
        amendedAt: command.at.toISOString(),
      },
    },
  ];
};
