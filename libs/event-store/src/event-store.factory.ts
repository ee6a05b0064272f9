import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';
import type { EventStore } from './port/event-store.port';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export type EventStoreConfig =
  | { readonly kind: 'sqlite'; readonly filename: string }
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'eventstoredb'; readonly connectionString: string };

export const createEventStore = async (config: EventStoreConfig): Promise<EventStore> => {
  switch (config.kind) {
    case 'sqlite':
      return SqliteEventStore.open(config.filename);
    case 'postgres':
      return PostgresEventStore.connect(config.url);
    case 'eventstoredb':
      return EventStoreDbEventStore.connect(config.connectionString);
    default: {
      const unknownKind: never = config;
      throw new Error(`unknown event store kind: ${JSON.stringify(unknownKind)}`);
    }
  }
};
