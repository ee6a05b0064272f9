import type { Decider } from '@coord/kernel';
import type { ActionPlanEvent } from '@coord/contracts';
import { decideAddAction } from './add-action.decide';
import { decideAmendAction } from './amend-action.decide';
import { decideAmendActionPlan } from './amend-action-plan.decide';
import type { ActionPlanCommand } from './action-plan.commands';
import { evolve } from './action-plan.evolve';
import { initialState, type ActionPlanState } from './action-plan.state';
import { decideApproveActionPlan } from './approve-action-plan.decide';
import { decideCloseActionPlan } from './close-action-plan.decide';
import { decideDraftActionPlan } from './draft-action-plan.decide';
import { decideRemoveAction } from './remove-action.decide';
import { decideReportActionProgress } from './report-action-progress.decide';
import { decideRequestActionPlanChanges } from './request-action-plan-changes.decide';
import { decideSubmitActionPlan } from './submit-action-plan.decide';

export const decide = (command: ActionPlanCommand, state: ActionPlanState): ActionPlanEvent[] => {
  switch (command.type) {
    case 'DraftActionPlan':
      return decideDraftActionPlan(command, state);
    case 'AmendActionPlan':
      return decideAmendActionPlan(command, state);
    case 'AddAction':
      return decideAddAction(command, state);
    case 'AmendAction':
      return decideAmendAction(command, state);
    case 'RemoveAction':
      return decideRemoveAction(command, state);
    case 'SubmitActionPlan':
      return decideSubmitActionPlan(command, state);
    case 'ApproveActionPlan':
      return decideApproveActionPlan(command, state);
    case 'RequestActionPlanChanges':
      return decideRequestActionPlanChanges(command, state);
    case 'ReportActionProgress':
      return decideReportActionProgress(command, state);
    case 'CloseActionPlan':
      return decideCloseActionPlan(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown action-plan command ${(unknown as { type: string }).type}`);
    }
  }
};

export const actionPlanDecider: Decider<ActionPlanCommand, ActionPlanState, ActionPlanEvent> = {
  initialState,
  evolve,
  decide,
};
