import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildClientSchema, getIntrospectionQuery, GraphQLSchema, IntrospectionQuery } from 'graphql';
import { DataSource } from 'typeorm';
import { createEventStore, EVENT_STORE, EventStore } from '@coord/event-store';
import { comparePositions, DomainError, isPositionString, parsePosition } from '@coord/kernel';
import { EVENT_BUS, EventBus, KafkaEventBus, KafkaPubSub } from '@coord/messaging';
import { allProjections, ExchangeQueries, READ_MODEL_ENTITIES } from '@coord/read-model';
import { PUB_SUB, READ_MODEL_DATA_SOURCE } from '@coord/runtime';
import { ProjectionRunner } from '@coord/read-model';
import { signDevToken } from '@coord/auth';
import { letIdempotentProducersRunOnKafkaMock } from '@coord/test-support';
import { TEST_SECRET } from '../../support/platform';

/**
 * What the end-to-end suites take from `platform.app.get(…)`, for the distributed shape: no Nest
 * application runs in the test process, so each token answers a real adapter on the same PostgreSQL
 * database and Kafka cluster the services use. They see the services' state, not a copy:
 *
 * - EVENT_STORE: the PostgreSQL event store the context services append to;
 * - READ_MODEL_DATA_SOURCE / ExchangeQueries: the read-model service's database;
 * - EVENT_BUS: a Kafka producer onto the context topics the read-model service consumes;
 * - ProjectionRunner: `waitFor` on the checkpoints the read-model service commits (what its runner's
 *   `waitFor` means: every platform projection has applied the position);
 * - GraphQLSchemaHost: the schema the gateway serves, by introspection;
 * - PUB_SUB: listener counts of every read-model instance, from the presence records of the live topic.
 */
export interface DistributedApp {
  get<T = unknown>(token: unknown): T;
  close(): Promise<void>;
}

export interface DistributedAppOptions {
  readonly databaseUrl: string;
  readonly brokers: readonly string[];
  readonly gatewayUrl: string;
}

const POLL_MS = 25;

/** The read-model service's runner, seen from outside: its committed checkpoints. */
class CheckpointWaiter {
  private readonly names = allProjections.map((projection) => projection.name);

  constructor(private readonly dataSource: DataSource) {}

  async appliedPosition(): Promise<string | null> {
    const rows: { name: string; position: string | null }[] = await this.dataSource.query(
      'SELECT "name", "position" FROM "projection_checkpoints" WHERE "name" = ANY($1)',
      [this.names],
    );
    if (rows.length < this.names.length || rows.some((row) => row.position === null)) return null;
    return rows
      .map((row) => row.position as string)
      .reduce((lowest, position) => (comparePositions(parsePosition(position), parsePosition(lowest)) < 0 ? position : lowest));
  }

  async waitFor(position: string, timeoutMs = 5_000): Promise<void> {
    if (!isPositionString(position)) throw new DomainError('BAD_USER_INPUT', `not a log position: ${position}`);
    const target = parsePosition(position);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const applied = await this.appliedPosition();
      if (applied !== null && comparePositions(parsePosition(applied), target) >= 0) return;
      if (Date.now() > deadline) {
        throw new DomainError('STALE_READ', `the read-model service has not applied position ${position} within ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}

const servedSchema = async (gatewayUrl: string): Promise<GraphQLSchema> => {
  // The gateway, like the platform, answers only signed-in callers.
  const token = await signDevToken(TEST_SECRET, { sub: 'schema-reader', org: 'platform-admins', roles: ['ADMIN'] });
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const body = (await response.json()) as { data?: IntrospectionQuery; errors?: unknown };
  if (!body.data) throw new Error(`the gateway refused introspection: ${JSON.stringify(body.errors)}`);
  return buildClientSchema(body.data);
};

export const openDistributedApp = async (options: DistributedAppOptions): Promise<DistributedApp> => {
  // Only the schema-contract suite reads it; a platform whose tokens come from an identity provider
  // (AUTH_JWKS_URL) refuses the test's own token, and that must not fail every other suite's start.
  const schema = await servedSchema(options.gatewayUrl).then(
    (served) => () => served,
    (error: unknown) => () => {
      throw error;
    },
  );
  const opened: { close(): Promise<unknown> }[] = [];
  const close = async () => {
    await Promise.allSettled(opened.map((client) => client.close()));
  };
  try {
    const store: EventStore = await createEventStore({ kind: 'postgres', url: options.databaseUrl });
    opened.push(store);
    // The read-model service owns the schema; this only reads and never synchronises.
    const dataSource = await new DataSource({
      type: 'postgres',
      url: options.databaseUrl,
      entities: [...READ_MODEL_ENTITIES],
      synchronize: false,
    }).initialize();
    opened.push({ close: () => dataSource.destroy() });
    // The production producer (idempotent) on the mock cluster needs the test-only shim (TOOLCHAIN.md).
    letIdempotentProducersRunOnKafkaMock();
    const bus = new KafkaEventBus({ brokers: options.brokers, clientId: 'coordination-tests' });
    opened.push(bus);
    const presence = new KafkaPubSub({ brokers: options.brokers, instanceId: `tests-${process.pid}-${Date.now().toString(36)}` });
    opened.push(presence);
    await presence.ready;
    const byToken = new Map<unknown, unknown>([
      [EVENT_STORE, store],
      [READ_MODEL_DATA_SOURCE, dataSource],
      [EVENT_BUS, bus satisfies EventBus],
      [ExchangeQueries, new ExchangeQueries(dataSource)],
      [ProjectionRunner, new CheckpointWaiter(dataSource)],
      [
        GraphQLSchemaHost,
        {
          get schema() {
            return schema();
          },
        },
      ],
      [PUB_SUB, { ee: { listenerCount: (trigger: string) => presence.remoteListenerCount(trigger) } }],
    ]);
    return {
      get: <T,>(token: unknown): T => {
        if (!byToken.has(token)) {
          throw new Error(`the distributed test platform has no ${String((token as { name?: string }).name ?? token)} in the test process`);
        }
        return byToken.get(token) as T;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
};
