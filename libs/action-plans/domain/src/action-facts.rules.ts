import { badInput, DomainError } from '@coord/kernel';
import { SECTORS, type Indicator } from '@coord/contracts';
import type { ActionFacts } from './action-plan.commands';
import { requireDate, requireText } from './action-plan.rules';
import type { ActionPlan } from './action-plan.state';

const outside = (field: 'startDate' | 'dueDate', message: string) =>
  new DomainError('BAD_USER_INPUT', message, { field, reason: 'OUTSIDE_PERIOD' });

// The issue: an indicator's `actual` is ≥ 0, so its baseline and target are measured on the same
// scale and are ≥ 0 too.
const requireMeasure = (field: string, value: unknown): void => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw badInput(field, `${field} must be a number ≥ 0`);
};

export const validateIndicator = (indicator: Indicator): void => {
  requireText('indicator.name', indicator.name);
  requireText('indicator.unit', indicator.unit);
  requireMeasure('indicator.baseline', indicator.baseline);
  requireMeasure('indicator.target', indicator.target);
};

/**
 * The values of an action, whole (an amendment merged over the action it amends). The rules:
 * due date ≥ start date, and the action inside the plan's period, both ends included.
 */
export const validateActionFacts = (plan: ActionPlan, facts: ActionFacts): void => {
  requireText('description', facts.description);
  requireText('responsibleId', facts.responsibleId);
  if (!SECTORS.includes(facts.sector)) throw badInput('sector', `unknown sector ${String(facts.sector)}`);
  requireText('adminCode', facts.adminCode);
  requireDate('startDate', facts.startDate);
  requireDate('dueDate', facts.dueDate);
  if (facts.dueDate < facts.startDate) {
    throw new DomainError('BAD_USER_INPUT', `dueDate ${facts.dueDate} is before startDate ${facts.startDate}`, {
      field: 'dueDate',
      reason: 'DUE_BEFORE_START',
    });
  }
  if (facts.startDate < plan.periodStart) throw outside('startDate', `startDate must not be before the plan's period (${plan.periodStart})`);
  if (facts.dueDate > plan.periodEnd) throw outside('dueDate', `dueDate must not be after the plan's period (${plan.periodEnd})`);
  if (facts.indicator !== null) validateIndicator(facts.indicator);
};
