import { resolve } from 'node:path';

export interface PlatformConfig {
  readonly port: number;
  readonly dataDir: string;
  /** PostgreSQL for the read model (and the log unless `eventStore` says otherwise); null = SQLite. */
  readonly databaseUrl: string | null;
  readonly eventStore: 'default' | 'eventstoredb';
  readonly eventStoreConnectionString: string | null;
  readonly kafkaBrokers: readonly string[] | null;
  readonly auth:
    | { readonly kind: 'hs256'; readonly secret: string | null }
    | { readonly kind: 'jwks'; readonly jwksUrl: string; readonly issuer: string; readonly audience: string };
  readonly logLevel: string;
  /** Bound on the `X-Min-Position` wait before `STALE_READ`. */
  readonly readWaitTimeoutMs: number;
  /** The gazetteer loaded on first start; null = the bundled global adm1/adm2 list. */
  readonly gazetteerFile: string | null;
  /** Development conveniences (dev token endpoint, sandbox) are on only in the embedded default. */
  readonly embedded: boolean;
}

export class ConfigurationError extends Error {}

type Env = Record<string, string | undefined>;

const integer = (env: Env, name: string, fallback: number, min: number, max: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigurationError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
};

const url = (env: Env, name: string, protocols: readonly string[]): string | null => {
  const raw = env[name];
  if (!raw) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigurationError(`${name} is not a URL: "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigurationError(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return raw;
};

/** Parsed once at boot; nothing set = the embedded default (ARCHITECTURE.md "Configuration"). */
export const loadPlatformConfig = (env: Env = process.env): PlatformConfig => {
  const eventStoreRaw = env.EVENT_STORE ?? '';
  if (!['', 'default', 'eventstoredb'].includes(eventStoreRaw)) {
    throw new ConfigurationError(`EVENT_STORE must be empty or "eventstoredb", got "${eventStoreRaw}"`);
  }
  const eventStore = eventStoreRaw === 'eventstoredb' ? 'eventstoredb' : 'default';
  const eventStoreConnectionString = env.EVENTSTORE_CONNECTION_STRING || null;
  if (eventStore === 'eventstoredb' && !eventStoreConnectionString) {
    throw new ConfigurationError('EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING');
  }
  const kafkaBrokers = env.KAFKA_BROKERS
    ? env.KAFKA_BROKERS.split(',').map((broker) => broker.trim()).filter(Boolean)
    : null;
  if (kafkaBrokers && kafkaBrokers.some((broker) => !/^[\w.-]+:\d+$/.test(broker))) {
    throw new ConfigurationError(`KAFKA_BROKERS must be host:port[,host:port…], got "${env.KAFKA_BROKERS}"`);
  }
  const jwksUrl = url(env, 'AUTH_JWKS_URL', ['https:', 'http:']);
  let auth: PlatformConfig['auth'];
  if (jwksUrl) {
    const issuer = env.AUTH_ISSUER;
    const audience = env.AUTH_AUDIENCE;
    if (!issuer || !audience) throw new ConfigurationError('AUTH_JWKS_URL needs AUTH_ISSUER and AUTH_AUDIENCE');
    auth = { kind: 'jwks', jwksUrl, issuer, audience };
  } else {
    const secret = env.AUTH_JWT_SECRET || null;
    if (secret !== null && secret.length < 32) {
      throw new ConfigurationError('AUTH_JWT_SECRET must be at least 32 characters (HS256 needs a 256-bit key)');
    }
    auth = { kind: 'hs256', secret };
  }
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    dataDir: resolve(env.DATA_DIR || './data'),
    databaseUrl,
    eventStore,
    eventStoreConnectionString,
    kafkaBrokers,
    auth,
    logLevel: env.LOG_LEVEL || 'info',
    readWaitTimeoutMs: integer(env, 'READ_WAIT_TIMEOUT_MS', 5000, 0, 60000),
    gazetteerFile: env.GAZETTEER_FILE ? resolve(env.GAZETTEER_FILE) : null,
    embedded: !databaseUrl && eventStore === 'default' && !kafkaBrokers,
  };
};
