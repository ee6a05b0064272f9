import { z } from 'zod';
import { FAILURE_REASONS, SECTORS } from '@coord/contracts';
import { inputs } from '@coord/runtime';

// Value rules of DOMAIN.md (quantity > 0, people ≥ 0) live in the domain's decide functions; these
// schemas check what the domain takes for granted: lengths, shapes and plausible magnitudes.
const item = z.object({
  commodity: inputs.text(200),
  quantity: z.number().max(1_000_000_000, 'is implausibly large'),
  unit: inputs.text(50),
});
const items = z.array(item).max(100, 'at most 100 items per delivery');
const people = z.object({
  women: z.number().int().max(100_000_000, 'is implausibly large'),
  men: z.number().int().max(100_000_000, 'is implausibly large'),
  girls: z.number().int().max(100_000_000, 'is implausibly large'),
  boys: z.number().int().max(100_000_000, 'is implausibly large'),
});
const plausibleDate = z.string().refine((value) => value >= '2000-01-01' && value <= '2100-12-31', {
  message: 'must be between 2000-01-01 and 2100-12-31',
});
const targeted = z.number().int().max(100_000_000, 'is implausibly large');

const onDelivery = { commandId: inputs.commandId(), deliveryId: inputs.id(), expectedVersion: inputs.expectedVersion() };

export const planDeliveryInput = z.object({
  commandId: inputs.commandId(),
  sector: z.enum(SECTORS),
  items,
  adminCode: inputs.pcode(),
  plannedDate: plausibleDate,
  targetedBeneficiaries: targeted,
  implementingPartnerId: inputs.id().nullish(),
});

export const dispatchDeliveryInput = z.object(onDelivery);
export const confirmDeliveryInput = z.object(onDelivery);

export const recordDeliveryInput = z.object({ ...onDelivery, deliveredItems: items, reached: people });

export const reportDeliveryFailedInput = z.object({
  ...onDelivery,
  reason: z.enum(FAILURE_REASONS),
  note: inputs.optionalText(2000),
});

export const cancelDeliveryInput = z.object({ ...onDelivery, reason: inputs.text(2000) });

export const correctDeliveryInput = z.object({
  ...onDelivery,
  reason: inputs.text(2000),
  items: items.nullish(),
  deliveredItems: items.nullish(),
  reached: people.nullish(),
  targetedBeneficiaries: targeted.nullish(),
  adminCode: inputs.pcode().nullish(),
});
