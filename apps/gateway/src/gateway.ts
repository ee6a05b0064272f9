import { createServer, IncomingMessage, Server } from 'node:http';
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import express, { NextFunction, Request, Response } from 'express';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { TokenVerifier } from '@coord/auth';
import { Actor, DomainError, ERROR_CODES, isDomainError, isPositionString } from '@coord/kernel';
import { formatGraphQLError, mountWebDashboard } from '@coord/runtime';
import { GatewayConfig, SubgraphName } from './gateway-config';
import { mergePlatformMetrics } from './platform-metrics';
import { proxyHttp, proxyUpgrade } from './proxy';

interface GatewayContext {
  readonly actor: Actor | null;
  readonly authError: DomainError | null;
  readonly headers: IncomingMessage['headers'];
}

/** What the gateway hands on to every subgraph: who is asking, and the read-your-writes position. */
const FORWARDED = ['authorization', 'x-min-position'] as const;

const PROBE_TIMEOUT_MS = 2000;

/**
 * A subgraph refuses some requests with a 4xx and a GraphQL body: variables its scalars reject (an
 * impossible Date passes the gateway, whose supergraph scalars accept anything), or a token refused.
 * Apollo Gateway would turn any non-2xx into a bare "400: Bad Request"; handed on as a GraphQL
 * answer, every error keeps the message, code and field the subgraph gave it.
 */
const subgraphFetch = async (url: string, init?: RequestInit): Promise<globalThis.Response> => {
  const response = await fetch(url, init);
  if (response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return response;
  const body = await response.text();
  let isGraphQL = false;
  try {
    isGraphQL = Array.isArray((JSON.parse(body) as { errors?: unknown }).errors);
  } catch {
    isGraphQL = false;
  }
  return new globalThis.Response(body, { status: isGraphQL ? 200 : response.status, statusText: response.statusText, headers: response.headers });
};
const COMPOSE_RETRY_MS = { first: 200, max: 2000 };

/**
 * The contract's first rule, at the door: without a verified token only health and metrics answer
 * (CONTRACT.md). The gateway refuses before planning a query, with the 401 the platform sends;
 * subgraphs verify the token again, since they must never trust the network.
 */
const authenticationPlugin = (): ApolloServerPlugin<GatewayContext> => ({
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue }) {
        if (contextValue.actor) return;
        const error = contextValue.authError ?? new DomainError('UNAUTHENTICATED', 'a bearer token is required');
        throw new GraphQLError(error.message, { originalError: error, extensions: { code: error.code, http: { status: 401 } } });
      },
    };
  },
});

/**
 * Errors from a subgraph were formatted there (one of CONTRACT.md's codes, with `field` or
 * `reason`): they pass unchanged, minus the gateway's own `serviceName`. A subgraph that did not
 * answer becomes INTERNAL, like any failure a client cannot act on. The gateway's own errors
 * (parsing, validation, variables) are formatted as the platform formats them.
 */
const formatError =
  (logger: Logger) =>
  (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const { serviceName, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    if (serviceName !== undefined) {
      if (typeof extensions.code === 'string' && (ERROR_CODES as readonly string[]).includes(extensions.code)) {
        return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
      }
      logger.error({ err: error, serviceName }, 'a subgraph failed');
      return { message: 'internal error', path: formatted.path, extensions: { code: 'INTERNAL' } };
    }
    return formatGraphQLError(formatted, error, (internal) => logger.error({ err: internal }, 'unexpected error in the gateway'));
  };

const within = async (url: string, ms: number): Promise<boolean> => {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(ms) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
};

export interface RunningGateway {
  readonly server: Server;
  readonly port: number;
  /** Resolves once the supergraph is composed and /graphql answers. */
  readonly composed: Promise<void>;
  close(): Promise<void>;
}

/**
 * One endpoint over the subgraphs (CONTRACT.md "Endpoints": the same in the all-in-one process and
 * behind the gateway): GraphQL through Apollo Gateway, subscriptions and the REST endpoints
 * forwarded to the service that owns them, health over every subgraph, and metrics.
 */
export const startGateway = async (config: GatewayConfig, logger: Logger): Promise<RunningGateway> => {
  const verifier = new TokenVerifier(config.auth.kind === 'jwks' ? config.auth : { kind: 'hs256', secret: config.auth.secret as string });
  const url = (name: SubgraphName) => config.subgraphs[name];

  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'gateway_http_requests_total',
    help: 'HTTP requests answered by the gateway, by route and status',
    labelNames: ['route', 'status'] as const,
    registers: [registry],
  });
  const subgraphUp = new Gauge({
    name: 'gateway_subgraph_ready',
    help: '1 when the subgraph answered its last readiness probe',
    labelNames: ['subgraph'] as const,
    registers: [registry],
  });
  const composedGauge = new Gauge({ name: 'gateway_supergraph_composed', help: '1 once the supergraph is composed', registers: [registry] });

  const app = express();
  app.disable('x-powered-by');
  // As the platform: GraphQL JSON shrinks 5–10×, most of its time on a slow field link.
  app.use(compression({ threshold: 1024 }));
  const count = (route: string) => (req: Request, res: Response, next: NextFunction) => {
    res.on('finish', () => requests.inc({ route, status: String(res.statusCode) }));
    next();
  };
  const onProxyError = (target: string) => (error: Error) => logger.warn({ err: error, target }, 'a service behind the gateway did not answer');

  app.get('/health/live', count('/health/live'), (_req, res) => {
    res.json({ status: 'ok' });
  });

  let apolloHandler: express.RequestHandler | null = null;
  app.get('/health/ready', count('/health/ready'), async (_req, res) => {
    const names = Object.keys(config.subgraphs) as SubgraphName[];
    const probes = await Promise.all(names.map((name) => within(`${url(name)}/health/ready`, PROBE_TIMEOUT_MS)));
    const checks: Record<string, { status: 'up' | 'down' }> = { supergraph: { status: apolloHandler ? 'up' : 'down' } };
    names.forEach((name, index) => {
      subgraphUp.set({ subgraph: name }, probes[index] ? 1 : 0);
      checks[name] = { status: probes[index] ? 'up' : 'down' };
    });
    // Ready only when every subgraph is: a query plan may need any of them.
    const ready = Object.values(checks).every((check) => check.status === 'up');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks });
  });

  // The gateway's own metrics, then the platform's gathered from the services (platform-metrics.ts).
  // A service that does not answer in time is left out of this scrape rather than failing it.
  app.get('/metrics', count('/metrics'), async (_req, res) => {
    const names = Object.keys(config.subgraphs) as SubgraphName[];
    const scraped = await Promise.all(
      names.map(async (name) => {
        try {
          const response = await fetch(`${url(name)}/metrics`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
          return response.ok ? { text: await response.text(), ownsGauges: name === 'read-model' } : null;
        } catch {
          return null;
        }
      }),
    );
    const platform = mergePlatformMetrics(scraped.filter((entry) => entry !== null));
    res.type('text/plain; version=0.0.4; charset=utf-8').send(`${await registry.metrics()}\n${platform}`);
  });

  // REST endpoints, streamed to their owners before any body parser touches them. The 3W import
  // records deliveries (the aid-delivery service's commands) and keeps its report in that process;
  // locations are reference data, which the read-model service keeps; the export reads the read model.
  app.post('/imports/locations', count('/imports/locations'), (req, res) => proxyHttp(url('read-model'), req, res, onProxyError('read-model')));
  app.all('/imports/{*rest}', count('/imports'), (req, res) => proxyHttp(url('aid-deliveries'), req, res, onProxyError('aid-deliveries')));
  app.all('/exports/{*rest}', count('/exports'), (req, res) => proxyHttp(url('read-model'), req, res, onProxyError('read-model')));

  // The development sign-in exists only in the embedded all-in-one platform; here it answers as the
  // platform does anywhere else, so the dashboard offers "paste a bearer token" instead.
  app.all('/auth/dev/{*rest}', count('/auth/dev'), (_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'development sign-in is available only in the embedded default' } });
  });

  // Apollo's middleware needs the JSON body; only /graphql gets a parser, so proxied bodies stream.
  app.use('/graphql', count('/graphql'), express.json({ limit: '10mb' }), (req, res, next) => {
    if (apolloHandler) return apolloHandler(req, res, next);
    res.status(503).json({ errors: [{ message: 'the gateway has not composed the schema yet', extensions: { code: 'INTERNAL' } }] });
  });

  // The dashboard at `/` (ARCHITECTURE.md: served by the platform or the gateway), after every API path.
  mountWebDashboard(app, config.webDistDir ? { distDir: config.webDistDir } : {});

  const server = createServer(app);
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://gateway').pathname !== '/graphql') {
      socket.destroy();
      return;
    }
    proxyUpgrade(url('read-model'), req, socket, head, onProxyError('read-model'));
  });

  let apollo: ApolloServer<GatewayContext> | null = null;
  let stopping = false;
  const compose = async () => {
    for (let attempt = 1, delay = COMPOSE_RETRY_MS.first; !stopping; attempt += 1, delay = Math.min(delay * 2, COMPOSE_RETRY_MS.max)) {
      const gateway = new ApolloGateway({
        supergraphSdl: new IntrospectAndCompose({ subgraphs: Object.entries(config.subgraphs).map(([name, base]) => ({ name, url: `${base}/graphql` })) }),
        buildService: ({ url: subgraphUrl }) =>
          new RemoteGraphQLDataSource<GatewayContext>({
            url: subgraphUrl,
            fetcher: subgraphFetch as unknown as RemoteGraphQLDataSource['fetcher'],
            willSendRequest({ request, context }) {
              for (const header of FORWARDED) {
                const value = context.headers?.[header];
                if (typeof value === 'string') request.http?.headers.set(header, value);
              }
            },
          }),
      });
      const candidate = new ApolloServer<GatewayContext>({
        gateway,
        introspection: true,
        includeStacktraceInErrorResponses: false,
        // No landing page, as the platform serves none (CONTRACT.md: a sandbox in development only).
        plugins: [authenticationPlugin(), ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled()],
        formatError: formatError(logger),
      });
      try {
        await candidate.start();
        apollo = candidate;
        break;
      } catch (error) {
        // A subgraph not up yet (services start in any order): compose again shortly.
        logger.warn({ err: error, attempt }, 'the supergraph could not be composed yet; retrying');
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
    if (!apollo) return;
    apolloHandler = expressMiddleware(apollo, {
      context: async ({ req }): Promise<GatewayContext> => {
        const minPosition = req.headers['x-min-position'];
        if (typeof minPosition === 'string' && !isPositionString(minPosition)) {
          throw new GraphQLError('X-Min-Position must be a log position such as "12:12"', {
            extensions: { code: 'BAD_USER_INPUT', field: 'X-Min-Position', http: { status: 400 } },
          });
        }
        try {
          return { actor: await verifier.verify(req.headers.authorization), authError: null, headers: req.headers };
        } catch (error) {
          return { actor: null, authError: isDomainError(error) ? error : new DomainError('UNAUTHENTICATED', 'invalid token'), headers: req.headers };
        }
      },
    }) as unknown as express.RequestHandler;
    composedGauge.set(1);
    logger.info('supergraph composed');
  };
  await new Promise<void>((resolve) => server.listen(config.port, '0.0.0.0', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port, subgraphs: config.subgraphs }, `gateway listening on http://localhost:${port}/graphql`);
  const composed = compose();

  return {
    server,
    port,
    composed,
    close: async () => {
      stopping = true;
      await composed;
      await apollo?.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
