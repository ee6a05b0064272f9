import { setTimeout as pause } from 'node:timers/promises';
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { isDomainError } from '@coord/kernel';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import type { DelayedAppendReply, DelayedAppendRequest } from './sqlite-delayed-commit.writers';

// Sixteen writers queue for SQLite's one write lock while each holds it up to 30 ms; without fairness
// among waiters one of them can wait far longer than the store's default timeout.
const WRITER_BUSY_TIMEOUT_MS = 60_000;

const connections = new Map<string, { db: Database.Database; store: SqliteEventStore }>();

const connectionTo = (filename: string) => {
  let connection = connections.get(filename);
  if (!connection) {
    const db = new Database(filename);
    const store = new SqliteEventStore(db);
    db.pragma(`busy_timeout = ${WRITER_BUSY_TIMEOUT_MS}`);
    connection = { db, store };
    connections.set(filename, connection);
  }
  return connection;
};

/** Takes the write lock, appends through the real adapter (a savepoint inside it), then lingers. */
const appendHoldingCommit = async ({ filename, streamId, events, delayMs, options }: DelayedAppendRequest) => {
  const { db, store } = connectionTo(filename);
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = await store.append(streamId, events, options);
    await pause(delayMs);
    db.exec('COMMIT');
    return result;
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
  }
};

parentPort?.on('message', (request: DelayedAppendRequest) => {
  const reply = (message: DelayedAppendReply) => parentPort?.postMessage(message);
  appendHoldingCommit(request).then(
    (result) => reply({ id: request.id, result }),
    (error: unknown) =>
      reply({
        id: request.id,
        error: isDomainError(error)
          ? { domain: true, code: error.code, message: error.message, details: error.details }
          : { domain: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) },
      }),
  );
});
