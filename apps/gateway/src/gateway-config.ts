import { ConfigurationError, loadPlatformConfig, PlatformConfig } from '@coord/runtime';

type Env = Record<string, string | undefined>;

/** The subgraphs the gateway composes, and the variable that gives each one's base URL. */
export const SUBGRAPH_URL_VARIABLES = {
  'aid-deliveries': 'AID_DELIVERY_SERVICE_URL',
  planning: 'PLANNING_SERVICE_URL',
  liaison: 'LIAISON_SERVICE_URL',
  'action-plans': 'ACTION_PLAN_SERVICE_URL',
  'read-model': 'READ_MODEL_SERVICE_URL',
} as const;

export type SubgraphName = keyof typeof SUBGRAPH_URL_VARIABLES;

export interface GatewayConfig {
  readonly port: number;
  readonly logLevel: string;
  /** The same token settings as every service: the gateway refuses what they would refuse, first. */
  readonly auth: PlatformConfig['auth'];
  /** Base URL of each subgraph's service (its GraphQL endpoint is `<url>/graphql`). */
  readonly subgraphs: Readonly<Record<SubgraphName, string>>;
  /** The built web dashboard served at `/` (WEB_DIST_DIR; default apps/web/dist). */
  readonly webDistDir: string | null;
}

const baseUrl = (env: Env, name: string): string => {
  const raw = env[name];
  if (!raw) throw new ConfigurationError(`${name} is required (the base URL of that service, e.g. http://planning-service:3000)`);
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigurationError(`${name} is not a URL: "${raw}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ConfigurationError(`${name} must use http: or https:, got "${parsed.protocol}"`);
  return raw.replace(/\/+$/, '');
};

export const loadGatewayConfig = (env: Env = process.env): GatewayConfig => {
  // PORT, LOG_LEVEL and the AUTH_* variables mean what they mean for every service.
  const platform = loadPlatformConfig(env);
  if (platform.auth.kind === 'hs256' && !platform.auth.secret) {
    throw new ConfigurationError('the gateway needs AUTH_JWT_SECRET or AUTH_JWKS_URL (the same as every service)');
  }
  const subgraphs = Object.fromEntries(
    Object.entries(SUBGRAPH_URL_VARIABLES).map(([name, variable]) => [name, baseUrl(env, variable)]),
  ) as Record<SubgraphName, string>;
  return { port: platform.port, logLevel: platform.logLevel, auth: platform.auth, subgraphs, webDistDir: env.WEB_DIST_DIR || null };
};
