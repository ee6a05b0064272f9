import { DomainError } from '@coord/kernel';
import type { ActionPlanAmended, AmendablePlanFacts } from '@coord/contracts';
import type { AmendActionPlan } from './action-plan.commands';
import { EDITABLE, requireDate, requireLeadOfficer, requirePlan, requireStatus, requireText } from './action-plan.rules';
import { liveActions, type ActionPlanState } from './action-plan.state';

const KEYS = ['title', 'adminCode', 'periodStart', 'periodEnd'] as const;

export const decideAmendActionPlan = (command: AmendActionPlan, state: ActionPlanState): ActionPlanAmended[] => {
  const plan = requirePlan(state, command.planId);
  requireLeadOfficer(command.actor, plan, 'amend the plan');
  // DOMAIN.md: structure is edited only in DRAFT or CHANGES_REQUESTED; an approved plan is what was approved.
  requireStatus(plan, EDITABLE, 'amend');

  if (command.title != null) requireText('title', command.title);
  if (command.adminCode != null) requireText('adminCode', command.adminCode);
  if (command.periodStart != null) requireDate('periodStart', command.periodStart);
  if (command.periodEnd != null) requireDate('periodEnd', command.periodEnd);
  const periodStart = command.periodStart ?? plan.periodStart;
  const periodEnd = command.periodEnd ?? plan.periodEnd;
  if (periodEnd < periodStart) {
    throw new DomainError('BAD_USER_INPUT', 'periodEnd must not be before periodStart', { field: 'periodEnd', reason: 'END_BEFORE_START' });
  }
  // The issue: every action lies inside the plan's period, so the period cannot shrink past one.
  for (const action of liveActions(plan)) {
    if (action.startDate < periodStart) {
      throw new DomainError('BAD_USER_INPUT', `action ${action.actionId} starts before ${periodStart}`, {
        field: 'periodStart',
        reason: 'ACTION_OUTSIDE_PERIOD',
      });
    }
    if (action.dueDate > periodEnd) {
      throw new DomainError('BAD_USER_INPUT', `action ${action.actionId} is due after ${periodEnd}`, {
        field: 'periodEnd',
        reason: 'ACTION_OUTSIDE_PERIOD',
      });
    }
  }

  const changes: Record<string, string> = {};
  const previous: Record<string, string | null> = {};
  for (const key of KEYS) {
    const value = command[key];
    if (value == null || value === plan[key]) continue;
    changes[key] = value;
    previous[key] = plan[key];
  }
  // The same values again amend nothing, and record nothing.
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      type: 'ActionPlanAmended',
      data: {
        planId: command.planId,
        changes: changes as AmendablePlanFacts,
        previous: previous as AmendablePlanFacts,
        amendedAt: command.at.toISOString(),
      },
    },
  ];
};
