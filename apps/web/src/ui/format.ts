import i18n from '../i18n';

/** Dates, times and numbers in the user's language, as Intl formats them for it. */
const locale = () => (i18n.language === 'fr' ? 'fr-FR' : 'en-GB');

export const formatNumber = (value: number | null | undefined, digits = 0): string =>
  value == null ? '—' : new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);

export const formatDate = (value: string | null | undefined): string =>
  value ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: value.length === 10 ? 'UTC' : undefined }).format(new Date(value)) : '—';

export const formatDateTime = (value: string | null | undefined): string =>
  value ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)) : '—';
