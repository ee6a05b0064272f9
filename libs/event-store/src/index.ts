export * from './port/event-store.port';
export * from './errors/append-conflicts';
export * from './sqlite/sqlite-event-store';
export * from './postgres/postgres-event-store';
export * from './eventstoredb/eventstoredb-event-store';
export * from './eventstoredb/catch-up.subscription';
export * from './event-store.factory';
export * from './command/handle-command';
