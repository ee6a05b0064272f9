import { ACTION_PLAN_STREAM } from '@coord/contracts';
import { deterministicUuid } from './deterministic-uuid';

/**
 * A committee's standing action plans are numbered 1, 2, …: a plan takes new actions only until it
 * is submitted, so a decision taken once the current one is under review or approved opens the
 * next. Their ids are derived from the committee id and the number, so that whoever derives them
 * again (a redelivered event, a replay of the log) finds the same streams.
 */
export const standingPlanId = (committeeId: string, generation: number): string =>
  `${ACTION_PLAN_STREAM}-${deterministicUuid('coordination:standing-action-plan', `${committeeId}#${generation}`)}`;

/** One decision, one action: its id is derived from the decision's. */
export const decisionActionId = (decisionId: string): string => deterministicUuid('coordination:decision-action', decisionId);

export const standingPlanTitle = (committeeName: string, generation: number): string =>
  generation === 1 ? `Action plan of ${committeeName}` : `Action plan of ${committeeName} (${generation})`;
