import type { ActionPlanEvent, ActionStatus, Indicator, Sector } from '@coord/contracts';

/** Event builders for the action-plan projection and query specs. */
export const INDICATOR: Indicator = { name: 'Boreholes rehabilitated', unit: 'boreholes', baseline: 0, target: 12 };

export const planDrafted = (
  planId: string,
  overrides: { leadId?: string; counterpartId?: string; adminCode?: string | null; periodStart?: string; committeeId?: string | null; title?: string } = {},
): ActionPlanEvent => ({
  type: 'ActionPlanDrafted',
  data: {
    planId,
    title: overrides.title ?? 'Plan WASH',
    leadId: overrides.leadId ?? 'org-mission',
    counterpartId: overrides.counterpartId ?? 'org-gov',
    adminCode: overrides.adminCode === undefined ? 'ML01' : overrides.adminCode,
    periodStart: overrides.periodStart ?? '2026-03-01',
    periodEnd: '2026-12-31',
    committeeId: overrides.committeeId ?? null,
    draftedAt: '2026-02-20T10:00:00.000Z',
  },
});

export const planAmended = (planId: string): ActionPlanEvent => ({
  type: 'ActionPlanAmended',
  data: { planId, changes: { title: 'Plan WASH révisé', adminCode: 'ML02' }, previous: { title: 'Plan WASH', adminCode: 'ML01' }, amendedAt: '2026-02-21T10:00:00.000Z' },
});

export const actionAdded = (
  planId: string,
  actionId: string,
  overrides: { responsibleId?: string; adminCode?: string; dueDate?: string; indicator?: Indicator | null; sector?: Sector; sourceDecisionId?: string | null } = {},
): ActionPlanEvent => ({
  type: 'ActionAdded',
  data: {
    planId,
    actionId,
    description: `Action ${actionId}`,
    responsibleId: overrides.responsibleId ?? 'org-wfp',
    sector: overrides.sector ?? 'WASH',
    adminCode: overrides.adminCode ?? 'ML010101',
    startDate: '2026-03-15',
    dueDate: overrides.dueDate ?? '2026-06-30',
    indicator: overrides.indicator === undefined ? INDICATOR : overrides.indicator,
    sourceDecisionId: overrides.sourceDecisionId ?? null,
    addedAt: '2026-02-20T10:05:00.000Z',
  },
});

export const actionAmended = (planId: string, actionId: string): ActionPlanEvent => ({
  type: 'ActionAmended',
  data: {
    planId,
    actionId,
    changes: { description: `Action ${actionId}, revised`, indicator: { ...INDICATOR, target: 15 } },
    previous: { description: `Action ${actionId}`, indicator: INDICATOR },
    amendedAt: '2026-02-22T10:00:00.000Z',
  },
});

export const actionRemoved = (planId: string, actionId: string, reason: string | null = 'Duplicate'): ActionPlanEvent => ({
  type: 'ActionRemoved',
  data: { planId, actionId, reason, removedAt: '2026-02-22T11:00:00.000Z' },
});

export const planSubmitted = (planId: string): ActionPlanEvent => ({
  type: 'ActionPlanSubmitted',
  data: { planId, submittedAt: '2026-02-23T10:00:00.000Z' },
});

export const planChangesRequested = (planId: string, comment = 'Add Bourem'): ActionPlanEvent => ({
  type: 'ActionPlanChangesRequested',
  data: { planId, reviewerId: 'org-gov', comment, requestedAt: '2026-02-24T10:00:00.000Z' },
});

export const planApproved = (planId: string, comment: string | null = null): ActionPlanEvent => ({
  type: 'ActionPlanApproved',
  data: { planId, reviewerId: 'org-gov', comment, approvedAt: '2026-02-25T10:00:00.000Z' },
});

export const progressReported = (
  planId: string,
  actionId: string,
  status: ActionStatus,
  actual: number | null,
  previous: { status: ActionStatus; actual: number | null } = { status: 'PLANNED', actual: null },
): ActionPlanEvent => ({
  type: 'ActionProgressReported',
  data: {
    planId,
    actionId,
    status,
    previousStatus: previous.status,
    actual,
    previousActual: previous.actual,
    note: `${status} note`,
    reportedAt: '2026-04-01T10:00:00.000Z',
  },
});

export const planClosed = (planId: string): ActionPlanEvent => ({
  type: 'ActionPlanClosed',
  data: { planId, closedAt: '2026-12-31T10:00:00.000Z' },
});
