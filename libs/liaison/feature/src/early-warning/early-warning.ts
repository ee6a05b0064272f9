import type { ConcernView } from '@coord/read-model';

/** The PubSub trigger early warnings travel on. */
export const EARLY_WARNING_TRIGGER = 'liaison.earlyWarning';

/** What the publisher sends once per CRITICAL concern; each subscription filters and redacts it. */
export interface EarlyWarning {
  readonly concern: ConcernView;
  /** The concern's P-code and every P-code above it: a subscriber's adminCode matches any of them. */
  readonly areas: readonly string[];
}

/** DOMAIN.md: a CRITICAL concern is an early warning, for everyone watching its place at any level. */
export const reachesSubscriber = (warning: EarlyWarning, adminCode: string | null | undefined): boolean =>
  !adminCode || warning.areas.includes(adminCode);
