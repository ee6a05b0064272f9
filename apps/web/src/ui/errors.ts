import type { CombinedError } from 'urql';
import i18n from '../i18n';

const KNOWN_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'INVALID_TRANSITION', 'STALE_READ'];

/** Turns a GraphQL or network error into a sentence for people, in their language (CONTRACT.md codes). */
export const describeError = (error: CombinedError | null | undefined): string | null => {
  if (!error) return null;
  if (error.networkError && error.graphQLErrors.length === 0) return i18n.t('errors.NETWORK');
  const first = error.graphQLErrors[0];
  const code = String(first?.extensions?.code ?? '');
  const message = first?.message ?? error.message;
  if (code === 'BAD_USER_INPUT') return i18n.t('errors.BAD_USER_INPUT', { message });
  if (KNOWN_CODES.includes(code)) return `${i18n.t(`errors.${code}`)} (${message})`;
  return i18n.t('errors.UNKNOWN', { message });
};
