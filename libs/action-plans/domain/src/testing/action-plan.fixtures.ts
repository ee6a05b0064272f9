import type { Actor, Role } from '@coord/kernel';
import type {
  ActionAdded,
  ActionAmended,
  ActionPlanAmended,
  ActionPlanApproved,
  ActionPlanChangesRequested,
  ActionPlanClosed,
  ActionPlanDrafted,
  ActionPlanEvent,
  ActionPlanSubmitted,
  ActionProgressReported,
  ActionRemoved,
  Indicator,
} from '@coord/contracts';
import type {
  AddAction,
  AmendAction,
  AmendActionPlan,
  ApproveActionPlan,
  CloseActionPlan,
  DraftActionPlan,
  RemoveAction,
  ReportActionProgress,
  RequestActionPlanChanges,
  SubmitActionPlan,
} from '../action-plan.commands';

/**
 * Shared cast and history: the mission's Gao office proposes a WASH plan for 2026 to the Gao
 * governorate; WFP is responsible for its first action.
 */
export const PLAN_ID = 'ActionPlan-5e0c8a9e-2f4b-4c1d-9a77-0d3e6b1f2a10';
export const MISSION = 'org-mission';
export const WFP = 'org-wfp';
export const NGO = 'org-ngo';
export const GOVERNMENT = 'org-gov';
export const OTHER_GOVERNMENT = 'org-other-gov';
export const ACTION_ID = 'a0000000-0000-4000-8000-000000000001';
export const SECOND_ACTION_ID = 'a0000000-0000-4000-8000-000000000002';
export const DECISION_ID = 'd0000000-0000-4000-8000-000000000001';
export const AT = new Date('2026-02-20T10:00:00.000Z');

const actor = (userId: string, organizationId: string, ...roles: Role[]): Actor => ({ userId, organizationId, roles });

export const missionLiaison = actor('u-mission-liaison', MISSION, 'LIAISON_OFFICER');
export const missionAgencyOfficer = actor('u-mission-agency', MISSION, 'AGENCY_OFFICER');
export const missionObserver = actor('u-mission-observer', MISSION, 'OBSERVER');
export const missionAdmin = actor('u-mission-admin', MISSION, 'ADMIN');
export const missionCounterpart = actor('u-mission-counterpart', MISSION, 'GOVERNMENT_COUNTERPART');
export const wfpOfficer = actor('u-wfp', WFP, 'AGENCY_OFFICER');
export const wfpObserver = actor('u-wfp-observer', WFP, 'OBSERVER');
export const ngoOfficer = actor('u-ngo', NGO, 'AGENCY_OFFICER');
export const governmentCounterpart = actor('u-gov', GOVERNMENT, 'GOVERNMENT_COUNTERPART');
export const governmentObserver = actor('u-gov-observer', GOVERNMENT, 'OBSERVER');
export const governmentLiaison = actor('u-gov-liaison', GOVERNMENT, 'LIAISON_OFFICER');
export const otherCounterpart = actor('u-other-gov', OTHER_GOVERNMENT, 'GOVERNMENT_COUNTERPART');

export const INDICATOR: Indicator = { name: 'Boreholes rehabilitated', unit: 'boreholes', baseline: 0, target: 12 };

const base = { planId: PLAN_ID, actor: missionLiaison, at: AT };
const iso = AT.toISOString();

export const draft = (overrides: Partial<DraftActionPlan> = {}): DraftActionPlan => ({
  ...base,
  type: 'DraftActionPlan',
  leadId: MISSION,
  counterpartId: GOVERNMENT,
  counterpartKind: 'HOST_GOVERNMENT',
  title: 'Plan d’action WASH de Gao 2026',
  adminCode: 'ML07',
  periodStart: '2026-03-01',
  periodEnd: '2026-12-31',
  ...overrides,
});
export const amendPlan = (overrides: Partial<AmendActionPlan> = {}): AmendActionPlan => ({
  ...base,
  type: 'AmendActionPlan',
  periodEnd: '2027-03-31',
  ...overrides,
});
export const add = (overrides: Partial<AddAction> = {}): AddAction => ({
  ...base,
  type: 'AddAction',
  actionId: ACTION_ID,
  description: 'Rehabilitate the boreholes of Ansongo',
  responsibleId: WFP,
  sector: 'WASH',
  adminCode: 'ML0701',
  startDate: '2026-03-15',
  dueDate: '2026-06-30',
  indicator: INDICATOR,
  ...overrides,
});
export const amend = (overrides: Partial<AmendAction> = {}): AmendAction => ({
  ...base,
  type: 'AmendAction',
  actionId: ACTION_ID,
  dueDate: '2026-07-31',
  ...overrides,
});
export const remove = (overrides: Partial<RemoveAction> = {}): RemoveAction => ({
  ...base,
  type: 'RemoveAction',
  actionId: ACTION_ID,
  reason: 'Covered by the regional plan',
  ...overrides,
});
export const submit = (overrides: Partial<SubmitActionPlan> = {}): SubmitActionPlan => ({ ...base, type: 'SubmitActionPlan', ...overrides });
export const approve = (overrides: Partial<ApproveActionPlan> = {}): ApproveActionPlan => ({
  ...base,
  actor: governmentCounterpart,
  type: 'ApproveActionPlan',
  comment: null,
  ...overrides,
});
export const requestChanges = (overrides: Partial<RequestActionPlanChanges> = {}): RequestActionPlanChanges => ({
  ...base,
  actor: governmentCounterpart,
  type: 'RequestActionPlanChanges',
  comment: 'Add the boreholes of Bourem',
  ...overrides,
});
export const report = (overrides: Partial<ReportActionProgress> = {}): ReportActionProgress => ({
  ...base,
  actor: wfpOfficer,
  type: 'ReportActionProgress',
  actionId: ACTION_ID,
  status: 'IN_PROGRESS',
  actual: 4,
  note: 'Four boreholes done; the rest await spare parts',
  ...overrides,
});
export const close = (overrides: Partial<CloseActionPlan> = {}): CloseActionPlan => ({ ...base, type: 'CloseActionPlan', ...overrides });

export const drafted = (overrides: Partial<ActionPlanDrafted['data']> = {}): ActionPlanDrafted => ({
  type: 'ActionPlanDrafted',
  data: {
    planId: PLAN_ID,
    title: 'Plan d’action WASH de Gao 2026',
    leadId: MISSION,
    counterpartId: GOVERNMENT,
    adminCode: 'ML07',
    periodStart: '2026-03-01',
    periodEnd: '2026-12-31',
    committeeId: null,
    draftedAt: iso,
    ...overrides,
  },
});
export const planAmended = (overrides: Partial<ActionPlanAmended['data']> = {}): ActionPlanAmended => ({
  type: 'ActionPlanAmended',
  data: { planId: PLAN_ID, changes: { periodEnd: '2027-03-31' }, previous: { periodEnd: '2026-12-31' }, amendedAt: iso, ...overrides },
});
export const added = (overrides: Partial<ActionAdded['data']> = {}): ActionAdded => ({
  type: 'ActionAdded',
  data: {
    planId: PLAN_ID,
    actionId: ACTION_ID,
    description: 'Rehabilitate the boreholes of Ansongo',
    responsibleId: WFP,
    sector: 'WASH',
    adminCode: 'ML0701',
    startDate: '2026-03-15',
    dueDate: '2026-06-30',
    indicator: INDICATOR,
    sourceDecisionId: null,
    addedAt: iso,
    ...overrides,
  },
});
export const amended = (overrides: Partial<ActionAmended['data']> = {}): ActionAmended => ({
  type: 'ActionAmended',
  data: { planId: PLAN_ID, actionId: ACTION_ID, changes: { dueDate: '2026-07-31' }, previous: { dueDate: '2026-06-30' }, amendedAt: iso, ...overrides },
});
export const removed = (overrides: Partial<ActionRemoved['data']> = {}): ActionRemoved => ({
  type: 'ActionRemoved',
  data: { planId: PLAN_ID, actionId: ACTION_ID, reason: 'Covered by the regional plan', removedAt: iso, ...overrides },
});
export const submitted = (): ActionPlanSubmitted => ({ type: 'ActionPlanSubmitted', data: { planId: PLAN_ID, submittedAt: iso } });
export const approved = (overrides: Partial<ActionPlanApproved['data']> = {}): ActionPlanApproved => ({
  type: 'ActionPlanApproved',
  data: { planId: PLAN_ID, reviewerId: GOVERNMENT, comment: null, approvedAt: iso, ...overrides },
});
export const changesRequested = (overrides: Partial<ActionPlanChangesRequested['data']> = {}): ActionPlanChangesRequested => ({
  type: 'ActionPlanChangesRequested',
  data: { planId: PLAN_ID, reviewerId: GOVERNMENT, comment: 'Add the boreholes of Bourem', requestedAt: iso, ...overrides },
});
export const reported = (overrides: Partial<ActionProgressReported['data']> = {}): ActionProgressReported => ({
  type: 'ActionProgressReported',
  data: {
    planId: PLAN_ID,
    actionId: ACTION_ID,
    status: 'IN_PROGRESS',
    previousStatus: 'PLANNED',
    actual: 4,
    previousActual: null,
    note: 'Four boreholes done; the rest await spare parts',
    reportedAt: iso,
    ...overrides,
  },
});
export const closed = (): ActionPlanClosed => ({ type: 'ActionPlanClosed', data: { planId: PLAN_ID, closedAt: iso } });

/** One history per place in the workflow, and the steps inside an approved plan. */
export const HISTORIES = {
  DRAFT: [drafted()],
  'DRAFT with an action': [drafted(), added()],
  SUBMITTED: [drafted(), added(), submitted()],
  CHANGES_REQUESTED: [drafted(), added(), submitted(), changesRequested()],
  APPROVED: [drafted(), added(), submitted(), approved()],
  'APPROVED with the action done': [drafted(), added(), submitted(), approved(), reported({ status: 'DONE', actual: 12 })],
  CLOSED: [drafted(), added(), submitted(), approved(), closed()],
} satisfies Record<string, ActionPlanEvent[]>;
export type HistoryName = keyof typeof HISTORIES;
