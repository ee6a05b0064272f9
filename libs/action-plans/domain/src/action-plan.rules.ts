import { Actor, badInput, forbidden, hasRole, invalidTransition, notFound, type Role } from '@coord/kernel';
import type { ActionPlanStatus } from '@coord/contracts';
import type { ActionPlan, ActionPlanState, ActionState } from './action-plan.state';

/*
 * Guards shared by the decide functions. Every decide checks in the same order — existence,
 * authority, lifecycle, values — as the other contexts do, so that an actor who may never act on a
 * plan always hears FORBIDDEN, whatever its state. Error fields are named as the GraphQL input
 * names them.
 */

/**
 * Decision: a plan is proposed by "the mission and agencies" (DOMAIN.md), so the lead's liaison
 * officers (a mission) and agency officers (an agency or NGO) both edit it; an observer reads, and
 * a platform admin acts for no organisation's plan.
 */
export const EDITING_ROLES: readonly Role[] = ['LIAISON_OFFICER', 'AGENCY_OFFICER'];

/** The roles that act for an organisation when it reports progress on its own action. */
export const REPORTING_ROLES: readonly Role[] = ['LIAISON_OFFICER', 'AGENCY_OFFICER', 'GOVERNMENT_COUNTERPART', 'COMMUNITY_FOCAL_POINT'];

/** DOMAIN.md: structure is edited only in DRAFT or CHANGES_REQUESTED. */
export const EDITABLE: readonly ActionPlanStatus[] = ['DRAFT', 'CHANGES_REQUESTED'];

export const requirePlan = (state: ActionPlanState, planId: string): ActionPlan => {
  if (state.status === 'None') throw notFound(`action plan ${planId} does not exist`, 'planId');
  return state;
};

// DOMAIN.md "Who may do what": write only for one's own organisation's records; a plan is the
// record of its lead organisation.
export const requireLeadOfficer = (actor: Actor, plan: ActionPlan, doing: string): void => {
  if (actor.organizationId !== plan.leadId || !hasRole(actor, ...EDITING_ROLES)) {
    throw forbidden(`only a liaison or agency officer of the lead organisation may ${doing}`);
  }
};

// DOMAIN.md "Action plans": only the counterpart's GOVERNMENT_COUNTERPART users approve or request changes.
export const requireCounterpart = (actor: Actor, plan: ActionPlan, doing: string): void => {
  if (actor.organizationId !== plan.counterpartId || !hasRole(actor, 'GOVERNMENT_COUNTERPART')) {
    throw forbidden(`only a government counterpart of the plan's counterpart organisation may ${doing}`);
  }
};

export const requireStatus = (plan: ActionPlan, allowed: readonly ActionPlanStatus[], doing: string): void => {
  if (!allowed.includes(plan.status)) throw invalidTransition(`cannot ${doing} a ${plan.status} plan`);
};

/** An action of the plan now; a removed one is as unknown as one never added. */
export const requireAction = (plan: ActionPlan, actionId: string): ActionState => {
  const action = plan.actions.find((candidate) => candidate.actionId === actionId && !candidate.removed);
  if (!action) throw notFound(`plan ${plan.planId} has no action ${actionId}`, 'actionId');
  return action;
};

/** Strings are kept as given (the input layer trims and bounds them); only emptiness is refused. */
export const requireText = (field: string, value: unknown): void => {
  if (typeof value !== 'string' || value.trim().length === 0) throw badInput(field, `${field} must not be empty`);
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date that exists (`2026-02-30` does not); pure, no clock involved. */
export const isIsoDate = (value: unknown): value is string => {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
};

export const requireDate = (field: string, value: unknown): void => {
  if (!isIsoDate(value)) throw badInput(field, `${field} must be a calendar date YYYY-MM-DD`);
};
