import { z } from 'zod';
import { ACTION_STATUSES, SECTORS } from '@coord/contracts';
import { inputs } from '@coord/runtime';

// Rules of DOMAIN.md and the issue (due date ≥ start date and inside the period, indicator values
// ≥ 0, a comment with every request for changes) live in the domain's decide functions; these
// schemas check what the domain takes for granted: lengths, shapes and plausible magnitudes.
const plausibleDate = z.string().refine((value) => value >= '2000-01-01' && value <= '2100-12-31', {
  message: 'must be between 2000-01-01 and 2100-12-31',
});
const measure = z.number().max(1e12, 'is implausibly large').min(-1e12, 'is implausibly small');
const indicator = z.object({ name: inputs.text(200), unit: inputs.text(50), baseline: measure, target: measure });

const onPlan = { commandId: inputs.commandId(), planId: inputs.id(), expectedVersion: inputs.expectedVersion() };

export const draftActionPlanInput = z.object({
  commandId: inputs.commandId(),
  title: inputs.text(200),
  counterpartId: inputs.id(),
  adminCode: inputs.pcode().nullish(),
  periodStart: plausibleDate,
  periodEnd: plausibleDate,
});

export const amendActionPlanInput = z.object({
  ...onPlan,
  title: inputs.text(200).nullish(),
  adminCode: inputs.pcode().nullish(),
  periodStart: plausibleDate.nullish(),
  periodEnd: plausibleDate.nullish(),
});

export const addActionInput = z.object({
  ...onPlan,
  description: inputs.text(2000),
  responsibleId: inputs.id(),
  sector: z.enum(SECTORS),
  adminCode: inputs.pcode(),
  startDate: plausibleDate,
  dueDate: plausibleDate,
  indicator: indicator.nullish(),
});

export const amendActionInput = z.object({
  ...onPlan,
  actionId: inputs.id(),
  description: inputs.text(2000).nullish(),
  responsibleId: inputs.id().nullish(),
  sector: z.enum(SECTORS).nullish(),
  adminCode: inputs.pcode().nullish(),
  startDate: plausibleDate.nullish(),
  dueDate: plausibleDate.nullish(),
  indicator: indicator.nullish(),
});

export const removeActionInput = z.object({ ...onPlan, actionId: inputs.id(), reason: inputs.optionalText(2000) });

export const submitActionPlanInput = z.object(onPlan);

export const approveActionPlanInput = z.object({ ...onPlan, comment: inputs.optionalText(4000) });

export const requestActionPlanChangesInput = z.object({ ...onPlan, comment: inputs.text(4000) });

export const reportActionProgressInput = z.object({
  ...onPlan,
  actionId: inputs.id(),
  status: z.enum(ACTION_STATUSES),
  actual: measure.nullish(),
  note: inputs.optionalText(2000),
});

export const closeActionPlanInput = z.object(onPlan);
