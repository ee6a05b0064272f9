import { createTestDatabase, describeWithPostgres } from '@coord/test-support';

/** Where a suite's platform keeps its log and read model: the environment that selects it, and how to drop it. */
export type Storage = () => Promise<{ env: Record<string, string>; cleanup(): Promise<void> }>;

/** The embedded default: SQLite files in the platform's data directory. */
export const EMBEDDED_STORAGE: Storage = async () => ({ env: {}, cleanup: async () => undefined });

/** A fresh PostgreSQL database for the log and the read model (DATABASE_URL), dropped afterwards. */
export const POSTGRES_STORAGE: Storage = async () => {
  const database = await createTestDatabase();
  return { env: { DATABASE_URL: database.url }, cleanup: () => database.drop() };
};

/** The same suite on embedded storage and on PostgreSQL (skipped outside CI when it is not reachable). */
export const describeOnEachStorage = (name: string, suite: (storage: Storage) => () => void): void => {
  describe(`${name} [embedded]`, suite(EMBEDDED_STORAGE));
  describeWithPostgres(name, suite(POSTGRES_STORAGE));
};
