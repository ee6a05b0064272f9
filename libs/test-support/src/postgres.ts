import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

const adminUrl = (): string => process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const isCi = (): boolean => process.env.CI === 'true' || process.env.CI === '1';

export const postgresAvailable = (): boolean => process.env.TEST_POSTGRES_AVAILABLE === '1';

/**
 * `describe` for suites that need PostgreSQL. Without a server they skip locally, but with CI=true
 * they fail: CI must never pass by skipping the real engine.
 */
export const describeWithPostgres = (name: string, body: () => void): void => {
  if (postgresAvailable()) {
    describe(`${name} [postgres]`, body);
  } else if (isCi()) {
    describe(`${name} [postgres]`, () => {
      it('needs PostgreSQL, which CI must provide', () => {
        throw new Error(
          `PostgreSQL is not reachable at ${adminUrl()} (${process.env.TEST_POSTGRES_ERROR ?? 'unknown'}); CI=true forbids skipping`,
        );
      });
    });
  } else {
    describe.skip(`${name} [postgres: not reachable, skipped outside CI]`, body);
  }
};

export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database per suite, so suites run in parallel without seeing each other. */
export const createTestDatabase = async (): Promise<TestDatabase> => {
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: adminUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
};
