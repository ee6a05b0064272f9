import { conflict } from '@coord/kernel';
import type { ActionAdded } from '@coord/contracts';
import type { AddAction } from './action-plan.commands';
import { validateActionFacts } from './action-facts.rules';
import { EDITABLE, requireLeadOfficer, requirePlan, requireStatus, requireText } from './action-plan.rules';
import type { ActionPlanState } from './action-plan.state';

export const decideAddAction = (command: AddAction, state: ActionPlanState): ActionAdded[] => {
  const plan = requirePlan(state, command.planId);
  requireLeadOfficer(command.actor, plan, 'add an action');
  // DOMAIN.md: structure is edited only in DRAFT or CHANGES_REQUESTED.
  requireStatus(plan, EDITABLE, 'add an action to');
  // Removed actions count: their ids and decisions are history, never planned again.
  if (plan.actions.some((action) => action.actionId === command.actionId)) {
    throw conflict('ALREADY_EXISTS', `action ${command.actionId} is already in the plan`);
  }
  const sourceDecisionId = command.sourceDecisionId ?? null;
  if (sourceDecisionId !== null) {
    requireText('sourceDecisionId', sourceDecisionId);
    // The issue: a decision becomes one action, so a redelivered decision adds nothing twice.
    if (plan.actions.some((action) => action.sourceDecisionId === sourceDecisionId)) {
      throw conflict('DECISION_ALREADY_PLANNED', `decision ${sourceDecisionId} is already planned in ${plan.planId}`);
    }
  }
  const indicator = command.indicator ?? null;
  const facts = {
    description: command.description,
    responsibleId: command.responsibleId,
    sector: command.sector,
    adminCode: command.adminCode,
    startDate: command.startDate,
    dueDate: command.dueDate,
    indicator: indicator && { name: indicator.name, unit: indicator.unit, baseline: indicator.baseline, target: indicator.target },
  };
  validateActionFacts(plan, facts);

  return [
    {
      type: 'ActionAdded',
      data: { planId: command.planId, actionId: command.actionId, ...facts, sourceDecisionId, addedAt: command.at.toISOString() },
    },
  ];
};
