/** The error codes of CONTRACT.md; every rejected command answers exactly one of them. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'STALE_READ',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface DomainErrorDetails {
  /** The input field at fault, as the client named it (e.g. `items[0].quantity`). */
  readonly field?: string;
  /** A machine-readable sub-code, e.g. `SESSION_OVERLAP` or `WRONG_EXPECTED_VERSION`. */
  readonly reason?: string;
}

/**
 * The one error type that domain, application and adapters throw for a rejection the client caused.
 * Anything else that escapes is reported as `INTERNAL` with a generic message.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

export const badInput = (field: string, message: string): DomainError =>
  new DomainError('BAD_USER_INPUT', message, { field });
export const notFound = (message: string, field?: string): DomainError =>
  new DomainError('NOT_FOUND', message, field ? { field } : {});
export const forbidden = (message: string): DomainError => new DomainError('FORBIDDEN', message);
export const invalidTransition = (message: string): DomainError => new DomainError('INVALID_TRANSITION', message);
export const conflict = (reason: string, message: string): DomainError =>
  new DomainError('CONFLICT', message, { reason });
