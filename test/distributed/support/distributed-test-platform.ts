import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, startKafkaMock } from '@coord/test-support';
import { startDistributedPlatform } from '../../support/distributed-platform';
import type { TestPlatform } from '../../support/platform';
import { openDistributedApp } from './distributed-app';

/**
 * `startTestPlatform` when COORD_DISTRIBUTED=1 (jest.distributed.config.js): the same handle over
 * the distributed shape — the Kafka mock, a fresh PostgreSQL database unless the suite brought one
 * (DATABASE_URL), every service and the gateway — so the end-to-end suites run unchanged against the
 * gateway. `app.get` answers real adapters on the same database and cluster (see distributed-app.ts).
 */
export const startDistributedTestPlatform = async (env: Record<string, string> = {}): Promise<TestPlatform> => {
  const mock = env.KAFKA_BROKERS ? null : await startKafkaMock();
  const database = env.DATABASE_URL ? null : await createTestDatabase().catch(async (error: unknown) => {
    await mock?.stop();
    throw error;
  });
  const brokers = env.KAFKA_BROKERS ?? mock!.brokers.join(',');
  const databaseUrl = env.DATABASE_URL ?? database!.url;
  const release = async () => {
    await mock?.stop();
    await database?.drop();
  };
  let platform;
  try {
    // Reads with X-Min-Position wait for the read-model service across Kafka on a loaded machine.
    // The harness loads the three-country gazetteer, as startTestPlatform does on PostgreSQL.
    platform = await startDistributedPlatform({ READ_WAIT_TIMEOUT_MS: '20000', ...env, DATABASE_URL: databaseUrl, KAFKA_BROKERS: brokers });
  } catch (error) {
    await release();
    throw error;
  }
  const running = platform;
  const app = await openDistributedApp({ databaseUrl, brokers: brokers.split(','), gatewayUrl: running.url }).catch(async (error: unknown) => {
    await running.stop();
    await release();
    throw error;
  });
  return {
    url: running.url,
    app: app as unknown as INestApplication,
    dataDir: running.env.DATA_DIR,
    token: running.token,
    graphql: running.graphql,
    close: async () => {
      await app.close();
      await running.stop();
      await release();
    },
  };
};
