import type { ActionStatus, IsoDate } from '@coord/contracts';

// DOMAIN.md "An action past its due date and not done is overdue"; a cancelled action is not due at
// all. The due date itself still counts as in time; days are UTC days, as every stored time is UTC.
// `now` comes from the caller's clock, so the rule stays pure and testable.
export const isActionOverdue = (action: { readonly dueDate: IsoDate; readonly status: ActionStatus }, now: Date): boolean =>
  action.status !== 'DONE' && action.status !== 'CANCELLED' && action.dueDate < now.toISOString().slice(0, 10);
