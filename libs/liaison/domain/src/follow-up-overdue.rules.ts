import type { IsoDate } from '@coord/contracts';

// DOMAIN.md "Overdue actions and follow-ups": past its due date and not done. The due date itself
// still counts as in time; days are UTC days, as every stored time is UTC. `now` comes from the
// caller's clock, so the rule stays pure and testable.
export const isFollowUpOverdue = (followUp: { readonly dueDate: IsoDate; readonly done: boolean }, now: Date): boolean =>
  !followUp.done && followUp.dueDate < now.toISOString().slice(0, 10);
