import { conflict, DomainError, forbidden, hasRole } from '@coord/kernel';
import type { ActionPlanDrafted } from '@coord/contracts';
import type { DraftActionPlan } from './action-plan.commands';
import { EDITING_ROLES, requireDate, requireText } from './action-plan.rules';
import type { ActionPlanState } from './action-plan.state';

export const decideDraftActionPlan = (command: DraftActionPlan, state: ActionPlanState): ActionPlanDrafted[] => {
  const { actor } = command;
  // DOMAIN.md: the mission and agencies propose plans, each for its own organisation, which leads it.
  if (!hasRole(actor, ...EDITING_ROLES)) throw forbidden('only a liaison or agency officer may draft an action plan');
  if (command.leadId !== actor.organizationId) throw forbidden("an action plan may be drafted only with the officer's own organisation as lead");
  // ARCHITECTURE.md "one stream per record": drafting opens the stream, so it must not exist yet.
  if (state.status !== 'None') throw conflict('ALREADY_EXISTS', `action plan ${command.planId} is already drafted`);

  requireText('title', command.title);
  requireText('counterpartId', command.counterpartId);
  // DOMAIN.md: "a host-government counterpart organisation" reviews what the lead proposes; a lead
  // cannot review its own plan.
  if (command.counterpartId === command.leadId) {
    throw new DomainError('BAD_USER_INPUT', 'the counterpart must be another organisation than the lead', {
      field: 'counterpartId',
      reason: 'COUNTERPART_IS_LEAD',
    });
  }
  if (command.counterpartKind !== 'HOST_GOVERNMENT') {
    throw new DomainError('BAD_USER_INPUT', 'the counterpart must be a host-government organisation', {
      field: 'counterpartId',
      reason: 'NOT_HOST_GOVERNMENT',
    });
  }
  const adminCode = command.adminCode ?? null;
  if (adminCode !== null) requireText('adminCode', adminCode);
  requireDate('periodStart', command.periodStart);
  requireDate('periodEnd', command.periodEnd);
  if (command.periodEnd < command.periodStart) {
    throw new DomainError('BAD_USER_INPUT', 'periodEnd must not be before periodStart', { field: 'periodEnd', reason: 'END_BEFORE_START' });
  }

  return [
    {
      type: 'ActionPlanDrafted',
      data: {
        planId: command.planId,
        title: command.title,
        leadId: command.leadId,
        counterpartId: command.counterpartId,
        adminCode,
        periodStart: command.periodStart,
        periodEnd: command.periodEnd,
        committeeId: command.committeeId ?? null,
        draftedAt: command.at.toISOString(),
      },
    },
  ];
};
