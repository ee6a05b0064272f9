export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
export const LOGGER = Symbol('LOGGER');
export const CLOCK = Symbol('CLOCK');
export const READ_MODEL_DATA_SOURCE = Symbol('READ_MODEL_DATA_SOURCE');
export const AUTH_SECRET = Symbol('AUTH_SECRET');
/**
 * Live updates for GraphQL subscriptions: contexts publish what projections applied, subscription
 * resolvers filter and redact per subscriber. In-process here; Kafka-backed in distributed mode.
 */
export const PUB_SUB = Symbol('PUB_SUB');
/** The ServiceRole of this process: which part of the platform it runs. */
export const SERVICE_ROLE = Symbol('SERVICE_ROLE');
