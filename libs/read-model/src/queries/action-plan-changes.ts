import type { ActionPlanEvent, ActionPlanStatus } from '@coord/contracts';
import type { ActionPlanChangeView, FieldChangeView } from './action-plan.views';
import type { HistoryEntryView } from './read-model.views';

const asText = (value: unknown): string | null => (value === undefined || value === null ? null : typeof value === 'string' ? value : JSON.stringify(value));

/** An indicator is told field by field, so a retargeted one reads as `indicator.target: 12 → 15`. */
const flatten = (facts: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(facts).flatMap(([key, value]) =>
      key === 'indicator'
        ? ['name', 'unit', 'baseline', 'target'].map((part) => [`indicator.${part}`, (value as Record<string, unknown> | null)?.[part] ?? null])
        : [[key, value]],
    ),
  );

const fieldChanges = (changes: object, previous: object): FieldChangeView[] => {
  const to = flatten(changes as Record<string, unknown>);
  const from = flatten(previous as Record<string, unknown>);
  return Object.keys(to)
    .filter((field) => asText(from[field]) !== asText(to[field]))
    .map((field) => ({ field, from: asText(from[field]), to: asText(to[field]) }));
};

interface TrackedAction {
  description: string;
  responsibleId: string;
}

/**
 * The "what changed since the last session": a plan's history after `since`, each event
 * told as a typed change with who and when. The stream is walked from its start, because what an
 * event means (the status it left, the action it concerns) depends on the events before it.
 */
export const actionPlanChanges = (entries: readonly HistoryEntryView[], since: string): ActionPlanChangeView[] => {
  let status: ActionPlanStatus | null = null;
  const actions = new Map<string, TrackedAction>();
  const changes: ActionPlanChangeView[] = [];
  for (const entry of entries) {
    const event = { type: entry.type, data: JSON.parse(entry.data) } as ActionPlanEvent;
    const previousPlanStatus = status;
    const blank = {
      planId: entry.streamId,
      version: entry.version,
      position: entry.position,
      at: entry.occurredAt,
      actorUserId: entry.actorUserId,
      actorOrganizationId: entry.actorOrganizationId,
      previousPlanStatus,
      actionId: null,
      actionDescription: null,
      responsibleId: null,
      fields: [],
      previousActionStatus: null,
      actionStatus: null,
      previousActual: null,
      actual: null,
      comment: null,
    };
    const about = (actionId: string) => {
      const action = actions.get(actionId);
      return { actionId, actionDescription: action?.description ?? null, responsibleId: action?.responsibleId ?? null };
    };
    let change: Omit<ActionPlanChangeView, 'planStatus'>;
    switch (event.type) {
      case 'ActionPlanDrafted':
        status = 'DRAFT';
        change = { ...blank, kind: 'PLAN_DRAFTED' };
        break;
      case 'ActionPlanAmended':
        change = { ...blank, kind: 'PLAN_AMENDED', fields: fieldChanges(event.data.changes, event.data.previous) };
        break;
      case 'ActionAdded': {
        const { data } = event;
        actions.set(data.actionId, { description: data.description, responsibleId: data.responsibleId });
        change = { ...blank, kind: 'ACTION_ADDED', ...about(data.actionId), actionStatus: 'PLANNED' };
        break;
      }
      case 'ActionAmended': {
        const { data } = event;
        const action = actions.get(data.actionId);
        if (action) {
          action.description = data.changes.description ?? action.description;
          action.responsibleId = data.changes.responsibleId ?? action.responsibleId;
        }
        // Told with the action as it became; what it was is among the fields.
        change = { ...blank, kind: 'ACTION_AMENDED', ...about(data.actionId), fields: fieldChanges(data.changes, data.previous) };
        break;
      }
      case 'ActionRemoved':
        change = { ...blank, kind: 'ACTION_REMOVED', ...about(event.data.actionId), comment: event.data.reason };
        actions.delete(event.data.actionId);
        break;
      case 'ActionPlanSubmitted':
        status = 'SUBMITTED';
        change = { ...blank, kind: 'PLAN_SUBMITTED' };
        break;
      case 'ActionPlanChangesRequested':
        status = 'CHANGES_REQUESTED';
        change = { ...blank, kind: 'CHANGES_REQUESTED', comment: event.data.comment };
        break;
      case 'ActionPlanApproved':
        status = 'APPROVED';
        change = { ...blank, kind: 'PLAN_APPROVED', comment: event.data.comment };
        break;
      case 'ActionProgressReported': {
        const { data } = event;
        change = {
          ...blank,
          kind: 'PROGRESS_REPORTED',
          ...about(data.actionId),
          previousActionStatus: data.previousStatus,
          actionStatus: data.status,
          previousActual: data.previousActual,
          actual: data.actual,
          comment: data.note,
        };
        break;
      }
      case 'ActionPlanClosed':
        status = 'CLOSED';
        change = { ...blank, kind: 'PLAN_CLOSED' };
        break;
      default:
        // Not an action-plan event: this stream is not a plan's, and tells no plan's changes.
        return [];
    }
    if (entry.occurredAt > since) changes.push({ ...change, planStatus: status ?? 'DRAFT' });
  }
  return changes;
};
