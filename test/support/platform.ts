import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { signDevToken } from '@coord/auth';
import type { Role } from '@coord/kernel';
import { loadPlatformConfig } from '@coord/runtime';
import { startPlatform } from '../../apps/platform/src/bootstrap';

export interface GraphQLResponse<T = any> {
  readonly status: number;
  readonly data?: T;
  readonly errors?: Array<{ message: string; extensions?: { code?: string; field?: string; reason?: string } }>;
}

export interface TestPlatform {
  readonly url: string;
  readonly app: INestApplication;
  readonly dataDir: string;
  token(org: string, roles: Role[], sub?: string): Promise<string>;
  graphql<T = any>(query: string, variables?: Record<string, unknown>, options?: { token?: string; headers?: Record<string, string> }): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export const TEST_SECRET = 'e2e-secret-e2e-secret-e2e-secret-e2e';

/** What a test does with any running platform (all-in-one or the gateway): sign tokens, ask GraphQL. */
export const clientOf = (url: string): Pick<TestPlatform, 'token' | 'graphql'> => ({
  token: (org, roles, sub = `${org}-user`) => signDevToken(TEST_SECRET, { sub, org, roles }),
  graphql: async (query, variables, options = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLResponse;
    return { ...body, status: response.status };
  },
});

/**
 * Boots the whole platform in this process on a fresh embedded data directory (or the given env,
 * e.g. DATABASE_URL for PostgreSQL) on a free port, as `npm start` would.
 */
export const startTestPlatform = async (env: Record<string, string> = {}): Promise<TestPlatform> => {
  // `npm run test:distributed` runs the same suites against the gateway of the distributed shape.
  if (process.env.COORD_DISTRIBUTED === '1') {
    const { startDistributedTestPlatform } = await import('../distributed/support/distributed-test-platform');
    return startDistributedTestPlatform(env);
  }
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'coord-e2e-'));
  // On PostgreSQL the suites load the three-country gazetteer: loading 32,923 places into a fresh
  // database per suite would dominate CI time; embedded runs keep the global default.
  const gazetteer = env.DATABASE_URL ? { GAZETTEER_FILE: join(__dirname, '..', '..', 'libs', 'reference-data', 'assets', 'gazetteer-mli-caf-hti.hxl.csv') } : {};
  const config = loadPlatformConfig({ DATA_DIR: dataDir, PORT: '0', AUTH_JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'warn', ...gazetteer, ...env });
  const { app, port } = await startPlatform(config);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    app,
    dataDir,
    ...clientOf(url),
    close: async () => {
      await app.close();
      if (!env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** Polls until `check` passes (never sleeps a fixed time, STYLE.md). */
export const eventually = async <T>(check: () => Promise<T>, timeoutMs = 5000, intervalMs = 20): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await check();
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
  throw lastError;
};
