import { z } from 'zod';
import { DomainError } from '@coord/kernel';

/** `['items', 0, 'quantity']` → `items[0].quantity`, the way a client names the field. */
export const fieldPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');

/** Validates a command input; the first problem answers BAD_USER_INPUT naming its field. */
export const parseInput = <Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = fieldPath(issue.path);
  throw new DomainError('BAD_USER_INPUT', field ? `${field}: ${issue.message}` : issue.message, field ? { field } : {});
};

/** Building blocks for input schemas, so limits are the same everywhere. */
export const inputs = {
  /** Trimmed, non-empty, bounded: free text a person typed. */
  text: (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`),
  optionalText: (max: number) =>
    z
      .string()
      .trim()
      .max(max, `must be at most ${max} characters`)
      .nullish()
      .transform((value) => (value ? value : null)),
  id: () => z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  commandId: () => z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').nullish(),
  expectedVersion: () => z.number().int().min(0, 'must be 0 or more').nullish(),
  pcode: () =>
    z
      .string()
      .trim()
      .min(2, 'must be a P-code')
      .max(20, 'must be a P-code')
      .regex(/^[A-Za-z]{2,3}[A-Za-z0-9]*$/, 'must be a P-code such as ML0701'),
  count: () => z.number().int('must be a whole number').min(0, 'must be 0 or more').max(100_000_000, 'is implausibly large'),
};
