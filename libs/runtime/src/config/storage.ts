import { join } from 'node:path';
import type { PlatformConfig } from './platform-config';

/**
 * Where the log lives: EventStoreDB when EVENT_STORE=eventstoredb, else PostgreSQL when DATABASE_URL
 * is set, else a SQLite file in DATA_DIR.
 */
export const eventStoreLocation = (config: PlatformConfig) => {
  if (config.eventStore === 'eventstoredb') {
    if (!config.eventStoreConnectionString) throw new Error('EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING');
    return { kind: 'eventstoredb', connectionString: config.eventStoreConnectionString } as const;
  }
  return config.databaseUrl
    ? ({ kind: 'postgres', url: config.databaseUrl } as const)
    : ({ kind: 'sqlite', filename: join(config.dataDir, 'events.sqlite') } as const);
};

/** The read model sits beside the log, in its own SQLite file when embedded (it is disposable). */
export const readModelLocation = (config: PlatformConfig) =>
  config.databaseUrl
    ? ({ kind: 'postgres', url: config.databaseUrl } as const)
    : ({ kind: 'sqlite', filename: join(config.dataDir, 'read-model.sqlite') } as const);
