/**
 * The embedded log. `sequence` orders it; `commit_sequence` is the sequence of the first event of the
 * same append, so a position names its commit as on the other engines. `WITHOUT ROWID` keeps the
 * lookup tables to one b-tree each.
 */
export const SQLITE_EVENT_STORE_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  sequence INTEGER PRIMARY KEY AUTOINCREMENT,
  commit_sequence INTEGER NOT NULL,
  event_id TEXT NOT NULL UNIQUE,
  stream_id TEXT NOT NULL,
  stream_version INTEGER NOT NULL,
  type TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  data TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  actor_user_id TEXT NOT NULL,
  actor_organization_id TEXT NOT NULL,
  command_id TEXT,
  UNIQUE (stream_id, stream_version)
);
CREATE TABLE IF NOT EXISTS streams (
  stream_id TEXT PRIMARY KEY,
  version INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS commands (
  key TEXT PRIMARY KEY,
  stream_id TEXT NOT NULL,
  result_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  position TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS checkpoints (
  name TEXT PRIMARY KEY,
  position TEXT NOT NULL
) WITHOUT ROWID;
`;
