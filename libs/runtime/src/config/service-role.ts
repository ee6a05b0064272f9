import type { ContextName } from '@coord/contracts';
import { ConfigurationError, PlatformConfig } from './platform-config';

/**
 * What one process does (ARCHITECTURE.md "Deployment"): everything (the all-in-one platform), one
 * context's command side, or the read model with the queries, subscriptions and policies.
 */
export type ServiceRole =
  | { readonly kind: 'all-in-one' }
  /** A context service: its mutations, and a relay publishing its context's events only. */
  | { readonly kind: 'context'; readonly name: string; readonly contexts: readonly ContextName[] }
  /** The read-model service: projections fed from Kafka, and a relay for the contexts no service owns. */
  | { readonly kind: 'read-model'; readonly name: string; readonly contexts: readonly ContextName[] };

export const ALL_IN_ONE: ServiceRole = { kind: 'all-in-one' };

/** The relay checkpoint of a role: each publisher of a share of the log keeps its own place in it. */
export const relayCheckpointName = (role: ServiceRole): string => (role.kind === 'all-in-one' ? 'relay' : `relay:${role.name}`);

/**
 * A service of the distributed shape shares the log and the read model through PostgreSQL and
 * talks through Kafka; on embedded storage its events would reach no other process.
 */
export const assertDistributedConfig = (config: PlatformConfig, role: ServiceRole): void => {
  if (role.kind === 'all-in-one') return;
  if (!config.databaseUrl) throw new ConfigurationError(`the ${role.name} service needs DATABASE_URL (the shared PostgreSQL)`);
  if (!config.kafkaBrokers) throw new ConfigurationError(`the ${role.name} service needs KAFKA_BROKERS`);
  if (config.auth.kind === 'hs256' && !config.auth.secret) {
    // Each process would invent its own development secret, and no token would pass the next one.
    throw new ConfigurationError(`the ${role.name} service needs AUTH_JWT_SECRET or AUTH_JWKS_URL (shared by every service)`);
  }
};
