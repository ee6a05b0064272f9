import type { ActionPlanEvent } from '@coord/contracts';
import type { ActionPlan, ActionPlanState, ActionState } from './action-plan.state';

/**
 * Events are facts, so evolve applies them without judging them again. A stream whose later events
 * arrive before its `ActionPlanDrafted` is not an action plan: answering INTERNAL beats deciding on
 * a made-up state.
 */
const existing = (state: ActionPlanState, event: ActionPlanEvent): ActionPlan => {
  if (state.status === 'None') throw new Error(`${event.type} for plan ${event.data.planId} before it was drafted`);
  return state;
};

const withAction = (plan: ActionPlan, actionId: string, change: (action: ActionState) => ActionState): ActionPlan => ({
  ...plan,
  actions: plan.actions.map((action) => (action.actionId === actionId ? change(action) : action)),
});

export const evolve = (state: ActionPlanState, event: ActionPlanEvent): ActionPlanState => {
  switch (event.type) {
    case 'ActionPlanDrafted': {
      const { data } = event;
      return {
        status: 'DRAFT',
        planId: data.planId,
        title: data.title,
        leadId: data.leadId,
        counterpartId: data.counterpartId,
        adminCode: data.adminCode,
        periodStart: data.periodStart,
        periodEnd: data.periodEnd,
        committeeId: data.committeeId,
        actions: [],
      };
    }
    case 'ActionPlanAmended':
      return { ...existing(state, event), ...event.data.changes };
    case 'ActionAdded': {
      const plan = existing(state, event);
      const { data } = event;
      const action: ActionState = {
        actionId: data.actionId,
        description: data.description,
        responsibleId: data.responsibleId,
        sector: data.sector,
        adminCode: data.adminCode,
        startDate: data.startDate,
        dueDate: data.dueDate,
        indicator: data.indicator,
        sourceDecisionId: data.sourceDecisionId,
        status: 'PLANNED',
        actual: null,
        removed: false,
      };
      return { ...plan, actions: [...plan.actions, action] };
    }
    case 'ActionAmended':
      return withAction(existing(state, event), event.data.actionId, (action) => ({ ...action, ...event.data.changes }));
    case 'ActionRemoved':
      return withAction(existing(state, event), event.data.actionId, (action) => ({ ...action, removed: true }));
    case 'ActionPlanSubmitted':
      return { ...existing(state, event), status: 'SUBMITTED' };
    case 'ActionPlanApproved':
      return { ...existing(state, event), status: 'APPROVED' };
    case 'ActionPlanChangesRequested':
      return { ...existing(state, event), status: 'CHANGES_REQUESTED' };
    case 'ActionProgressReported': {
      const { actionId, status, actual } = event.data;
      return withAction(existing(state, event), actionId, (action) => ({ ...action, status, actual: actual ?? action.actual }));
    }
    case 'ActionPlanClosed':
      return { ...existing(state, event), status: 'CLOSED' };
    default: {
      const unknown: never = event;
      throw new Error(`unknown action-plan event ${(unknown as { type: string }).type}`);
    }
  }
};
