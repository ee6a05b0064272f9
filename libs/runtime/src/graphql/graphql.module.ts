import { ApolloDriver, ApolloDriverConfig, ApolloFederationDriver } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { ServerOptions } from 'graphql-ws';
import { ExecutionResult, GraphQLError, GraphQLFormattedError, Kind, OperationDefinitionNode } from 'graphql';
import type { Logger } from 'pino';
import { TokenVerifier } from '@coord/auth';
import { DomainError, isDomainError, isPositionString } from '@coord/kernel';
import { ProjectionRunner, ReadModelQueries } from '@coord/read-model';
import type { PlatformConfig } from '../config/platform-config';
import { LOGGER, PLATFORM_CONFIG } from '../infrastructure/tokens';
import { baseTypeDefs } from './base.schema';
import { formatGraphQLError } from './error-format';
import { createLoaders } from './loaders';
import type { RequestContext } from './request-context';
import { DateScalar, DateTimeScalar } from './scalars';
import { HistoryEntryResolver, LocationResolver, SharedResolvers } from './shared.resolvers';

const toGraphQLError = (error: DomainError, status: number) =>
  new GraphQLError(error.message, { originalError: error, extensions: { code: error.code, http: { status } } });

/**
 * The gateway's composition query (`{ _service { sdl } }`): a subgraph's schema is no secret (the
 * gateway serves it to every client as introspection), and the gateway holds no user's token when
 * it composes. Only this exact shape passes without a token: `_service` and `__typename` at the top
 * of a query, no fragments.
 */
export const isServiceSdlQuery = (operation: OperationDefinitionNode | null | undefined): boolean =>
  operation?.operation === 'query' &&
  operation.selectionSet.selections.length > 0 &&
  operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && (selection.name.value === '_service' || selection.name.value === '__typename'),
  );

/**
 * Applies the contract's rules that hold for every operation: a verified token first (CONTRACT.md:
 * without one only health and metrics answer), then read-your-writes for queries.
 */
const contractPlugin = (runner: ProjectionRunner, waitMs: number, subgraph: boolean): ApolloServerPlugin<RequestContext> => ({
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        if (subgraph && isServiceSdlQuery(operation)) return;
        if (!contextValue.actor) {
          throw toGraphQLError(contextValue.authError ?? new DomainError('UNAUTHENTICATED', 'a bearer token is required'), 401);
        }
        if (operation?.operation === 'query' && contextValue.minPosition) {
          try {
            await runner.waitFor(contextValue.minPosition, waitMs);
          } catch (error) {
            if (isDomainError(error)) throw toGraphQLError(error, 200);
            throw error;
          }
        }
      },
    };
  },
});

export interface SubgraphOptions {
  /** This service's Federation 2 SDL (see splitSubgraphs). */
  readonly sdl: string;
  /** Whether this subgraph serves subscriptions over graphql-ws (the read-model service does). */
  readonly subscriptions: boolean;
}

@Module({})
export class CoordinationGraphQLModule {
  /**
   * The platform's API. Given `subgraph`, the same API (auth, read-your-writes, error format) serves
   * one Federation 2 subgraph of it behind the gateway instead of the whole schema.
   */
  static forRoot(contextTypeDefs: readonly string[], subgraph: SubgraphOptions | null = null): DynamicModule {
    return {
      module: CoordinationGraphQLModule,
      providers: [SharedResolvers, HistoryEntryResolver, LocationResolver],
      imports: [
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: subgraph ? ApolloFederationDriver : ApolloDriver,
          inject: [TokenVerifier, ReadModelQueries, ProjectionRunner, PLATFORM_CONFIG, LOGGER],
          useFactory: (
            verifier: TokenVerifier,
            queries: ReadModelQueries,
            runner: ProjectionRunner,
            config: PlatformConfig,
            logger: Logger,
          ): ApolloDriverConfig => {
            const formatError = (formatted: GraphQLFormattedError, error: unknown) =>
              formatGraphQLError(formatted, error, (internal) => logger.error({ err: internal }, 'unexpected error in a GraphQL operation'));
            // Nest's type for the graphql-ws options lists fewer hooks than it hands on to useServer,
            // which also formats the errors of a subscription refused at the start.
            const socketErrors: Pick<ServerOptions, 'onError'> = {
              onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatError(error.toJSON(), error)),
            };
            const authenticate = async (authorization: unknown) => {
              try {
                return { actor: await verifier.verify(typeof authorization === 'string' ? authorization : undefined), authError: null };
              } catch (error) {
                return { actor: null, authError: isDomainError(error) ? error : new DomainError('UNAUTHENTICATED', 'invalid token') };
              }
            };
            return {
              // The federation driver interpolates typeDefs into one document: it takes a string.
              typeDefs: subgraph ? subgraph.sdl : [baseTypeDefs, ...contextTypeDefs],
              resolvers: { DateTime: DateTimeScalar, Date: DateScalar },
              // A subgraph hosts a share of the schema while its modules may resolve more (a context's
              // module set carries field resolvers of types the read-model subgraph serves).
              ...(subgraph ? { resolverValidationOptions: { requireResolversToMatchSchema: 'ignore' as const } } : {}),
              playground: false,
              introspection: true,
              includeStacktraceInErrorResponses: false,
              // No response cache or CDN reads cache hints here: computing them for every field of
              // every answer would be pure cost (a third of a large picture's execution time).
              // Federated tracing (ftv1) would serve only Apollo's usage reporting, which this platform does not use.
              plugins: [
                contractPlugin(runner, config.readWaitTimeoutMs, subgraph !== null),
                ApolloServerPluginCacheControlDisabled(),
                ...(subgraph ? [ApolloServerPluginInlineTraceDisabled()] : []),
              ],
              formatError,
              context: async (request: any): Promise<RequestContext> => {
                // graphql-ws hands over the socket context; HTTP hands over the express request.
                if (request?.extra?.socket) {
                  const auth = request.extra.auth ?? (await authenticate(request.connectionParams?.authorization));
                  return { ...auth, minPosition: null, loaders: createLoaders(queries) };
                }
                const req = request.req;
                const minPosition = req.headers['x-min-position'];
                if (typeof minPosition === 'string' && !isPositionString(minPosition)) {
                  throw new GraphQLError('X-Min-Position must be a log position such as "12:12"', {
                    extensions: { code: 'BAD_USER_INPUT', field: 'X-Min-Position', http: { status: 400 } },
                  });
                }
                return {
                  ...(await authenticate(req.headers.authorization)),
                  minPosition: typeof minPosition === 'string' ? minPosition : null,
                  loaders: createLoaders(queries),
                };
              },
              subscriptions: subgraph && !subgraph.subscriptions ? undefined : {
                'graphql-ws': {
                  // A socket without a valid token is closed before any subscription starts.
                  onConnect: async (ctx: any) => {
                    const auth = await authenticate(ctx.connectionParams?.authorization);
                    if (!auth.actor) return false;
                    ctx.extra.auth = auth;
                    return true;
                  },
                  // Errors leave a socket as they leave HTTP: with one of CONTRACT.md's codes, never a stack.
                  onNext: (_ctx: unknown, _id: string, _payload: unknown, _args: unknown, result: ExecutionResult) =>
                    result.errors ? { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) } : result,
                  ...socketErrors,
                },
              },
            };
          },
        }),
      ],
    };
  }
}
