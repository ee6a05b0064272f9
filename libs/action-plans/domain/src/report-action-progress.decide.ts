import { badInput, DomainError, forbidden, hasRole, invalidTransition } from '@coord/kernel';
import { ACTION_STATUSES, type ActionProgressReported, type ActionStatus } from '@coord/contracts';
import type { ReportActionProgress } from './action-plan.commands';
import { REPORTING_ROLES, requireAction, requirePlan, requireStatus, requireText } from './action-plan.rules';
import type { ActionPlanState } from './action-plan.state';

/** Done and cancelled are where an action ends; a report after either would rewrite the outcome. */
const FINAL: readonly ActionStatus[] = ['DONE', 'CANCELLED'];

export const decideReportActionProgress = (command: ReportActionProgress, state: ActionPlanState): ActionProgressReported[] => {
  const plan = requirePlan(state, command.planId);
  // The action comes before authority: who may report on it is its responsible organisation.
  const action = requireAction(plan, command.actionId);
  // DOMAIN.md: progress is reported by the responsible organisation — not by the lead on its behalf.
  if (command.actor.organizationId !== action.responsibleId || !hasRole(command.actor, ...REPORTING_ROLES)) {
    throw forbidden('only the responsible organisation may report progress on its action');
  }
  // DOMAIN.md: progress is reported only on an approved plan.
  requireStatus(plan, ['APPROVED'], 'report progress on');
  if (FINAL.includes(action.status)) throw invalidTransition(`action ${action.actionId} is already ${action.status}`);

  if (!ACTION_STATUSES.includes(command.status)) throw badInput('status', `unknown action status ${String(command.status)}`);
  const actual = command.actual ?? null;
  if (actual !== null) {
    // The issue: an indicator's actual value is ≥ 0.
    if (typeof actual !== 'number' || !Number.isFinite(actual) || actual < 0) throw badInput('actual', 'actual must be a number ≥ 0');
    if (action.indicator === null) {
      throw new DomainError('BAD_USER_INPUT', 'the action has no indicator to report an actual value against', {
        field: 'actual',
        reason: 'NO_INDICATOR',
      });
    }
  }
  const note = command.note ?? null;
  if (note !== null) requireText('note', note);

  return [
    {
      type: 'ActionProgressReported',
      data: {
        planId: command.planId,
        actionId: command.actionId,
        status: command.status,
        previousStatus: action.status,
        actual,
        previousActual: action.actual,
        note,
        reportedAt: command.at.toISOString(),
      },
    },
  ];
};
