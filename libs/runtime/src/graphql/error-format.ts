import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, ErrorCode, isDomainError } from '@coord/kernel';

/** Errors GraphQL itself raises for malformed requests: all are the client's input. */
const CLIENT_INPUT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'BAD_REQUEST',
]);

/**
 * Names the field at fault in GraphQL's own coercion messages, the way the client wrote it:
 * `Variable "$input" got invalid value -1 at "input.items[0].quantity"` → `items[0].quantity`, and
 * `… at "input.reached"; Field "boys" of required type "Int!" was not provided` → `reached.boys`.
 */
export const fieldFromMessage = (message: string): string | undefined => {
  const at = /got invalid value .* at "([^"]+)"/.exec(message)?.[1]?.replace(/^input\./, '');
  const named = /Field "(?:[^"]*\.)?([\w]+)" (?:is not defined by type|of required type)/.exec(message)?.[1];
  if (at && named) return `${at}.${named}`;
  if (at || named) return at ?? named;
  return /[Aa]rgument "?([\w]+)"? /.exec(message)?.[1];
};

const unwrap = (error: unknown): unknown => {
  let current = error as { originalError?: unknown } | undefined;
  while (current && typeof current === 'object' && current.originalError && current.originalError !== current) {
    current = current.originalError as { originalError?: unknown };
  }
  return current;
};

/**
 * Every error leaves with one of CONTRACT.md's codes and a message fit for a client: the domain's
 * own words, GraphQL's validation messages, or a generic "internal error" — never a stack or SQL.
 */
export const formatGraphQLError = (
  formatted: GraphQLFormattedError,
  error: unknown,
  onInternal: (error: unknown) => void,
): GraphQLFormattedError => {
  const original = unwrap(error);
  if (isDomainError(original)) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: original.code,
        ...(original.details.field ? { field: original.details.field } : {}),
        ...(original.details.reason ? { reason: original.details.reason } : {}),
      },
    };
  }
  const code = formatted.extensions?.code as string | undefined;
  if (code && CLIENT_INPUT_CODES.has(code)) {
    const field = fieldFromMessage(formatted.message);
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) },
    };
  }
  if (code && (ERROR_CODES as readonly string[]).includes(code) && code !== 'INTERNAL') {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: code as ErrorCode } };
  }
  onInternal(original ?? error);
  return { message: 'internal error', path: formatted.path, extensions: { code: 'INTERNAL' } };
};
