/**
 * DDL of the PostgreSQL log, all in one schema so the read model's tables never collide with it.
 * Everything is idempotent; `connect` runs it under an advisory lock because concurrent
 * `CREATE OR REPLACE FUNCTION`s fail with "tuple concurrently updated".
 *
 * `es_append` does the whole append in one round trip and answers one row: `appended` or `duplicate`
 * with the result, or `conflict` with the stream's actual version (0 when there is no stream). The
 * common path is three statements (stream, events, command), because every statement a PL/pgSQL
 * function runs costs about as much as a small INSERT's own work.
 */
export const postgresEventStoreSchema = (schema: string): string => `
CREATE SCHEMA IF NOT EXISTS ${schema};

CREATE TABLE IF NOT EXISTS ${schema}.events (
  tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  position bigserial NOT NULL,
  event_id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  stream_id text NOT NULL,
  stream_version integer NOT NULL,
  type text NOT NULL,
  schema_version integer NOT NULL,
  data jsonb NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor_user_id text NOT NULL,
  actor_organization_id text NOT NULL,
  command_id text,
  PRIMARY KEY (tx_id, position),
  UNIQUE (stream_id, stream_version)
);

-- Every append rewrites its stream's row; free space on each page lets that be a HOT update, which
-- leaves the primary key untouched.
CREATE TABLE IF NOT EXISTS ${schema}.streams (
  stream_id text PRIMARY KEY,
  version integer NOT NULL
) WITH (fillfactor = 50);

CREATE TABLE IF NOT EXISTS ${schema}.commands (
  key text PRIMARY KEY,
  stream_id text NOT NULL,
  result_id text NOT NULL,
  version integer NOT NULL,
  position text NOT NULL
);

CREATE TABLE IF NOT EXISTS ${schema}.checkpoints (
  name text PRIMARY KEY,
  position text NOT NULL
);

CREATE OR REPLACE FUNCTION ${schema}.es_append(
  p_stream_id text,
  p_expected_version integer,
  p_command_key text,
  p_command_id text,
  p_result_id text,
  p_actor_user_id text,
  p_actor_organization_id text,
  p_occurred_at timestamptz,
  p_events jsonb,
  OUT r_outcome text,
  OUT r_stream_id text,
  OUT r_version integer,
  OUT r_position text,
  OUT r_result_id text
)
LANGUAGE plpgsql AS $$
BEGIN
  -- Each branch takes the stream's row lock, so writers to one stream queue here and the loser of a
  -- race re-reads the winner's version (READ COMMITTED) and matches no row.
  IF p_expected_version IS NULL THEN
    INSERT INTO ${schema}.streams AS s (stream_id, version)
    SELECT p_stream_id, jsonb_array_length(p_events) WHERE jsonb_array_length(p_events) > 0
        ON CONFLICT (stream_id) DO UPDATE SET version = s.version + excluded.version
    RETURNING 'appended', p_stream_id, s.version, p_result_id INTO r_outcome, r_stream_id, r_version, r_result_id;
  ELSIF p_expected_version = 0 THEN
    INSERT INTO ${schema}.streams AS s (stream_id, version)
    SELECT p_stream_id, jsonb_array_length(p_events) WHERE jsonb_array_length(p_events) > 0
        ON CONFLICT (stream_id) DO NOTHING
    RETURNING 'appended', p_stream_id, s.version, p_result_id INTO r_outcome, r_stream_id, r_version, r_result_id;
  ELSE
    UPDATE ${schema}.streams s SET version = s.version + jsonb_array_length(p_events)
     WHERE s.stream_id = p_stream_id AND s.version = p_expected_version AND jsonb_array_length(p_events) > 0
    RETURNING 'appended', p_stream_id, s.version, p_result_id INTO r_outcome, r_stream_id, r_version, r_result_id;
  END IF;

  IF NOT FOUND THEN
    -- Nothing to append: a command seen before (its retry carries a version that is stale by now),
    -- a wrong expected version, or no events.
    SELECT 'duplicate', c.stream_id, c.version, c.position, c.result_id
      INTO r_outcome, r_stream_id, r_version, r_position, r_result_id
      FROM ${schema}.commands c WHERE c.key = p_command_key;
    IF NOT FOUND THEN
      SELECT CASE WHEN jsonb_array_length(p_events) = 0
                   AND coalesce(p_expected_version, s.version, 0) = coalesce(s.version, 0)
                  THEN 'appended' ELSE 'conflict' END,
             p_stream_id, coalesce(s.version, 0),
             coalesce((SELECT e.tx_id::text || ':' || e.position FROM ${schema}.events e
                        WHERE e.stream_id = p_stream_id ORDER BY e.stream_version DESC LIMIT 1), '0:0'),
             p_result_id
        INTO r_outcome, r_stream_id, r_version, r_position, r_result_id
        FROM (SELECT 1) AS one LEFT JOIN ${schema}.streams s ON s.stream_id = p_stream_id;
    END IF;
    RETURN;
  END IF;

  -- The sort makes the positions (drawn from the sequence as rows leave it) follow the stream versions,
  -- so the session's currval afterwards is the position of the last event.
  INSERT INTO ${schema}.events (stream_id, stream_version, type, schema_version, data, occurred_at,
                                actor_user_id, actor_organization_id, command_id)
  SELECT p_stream_id, r_version - jsonb_array_length(p_events) + e.ordinality::integer, e.event->>'type',
         (e.event->>'schemaVersion')::integer, e.event->'data', p_occurred_at,
         p_actor_user_id, p_actor_organization_id, p_command_id
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS e(event, ordinality)
   ORDER BY e.ordinality;
  r_position := pg_current_xact_id()::text || ':' || currval('${schema}.events_position_seq');

  -- A command seen before is caught here only when its retry passed the version check (expected
  -- 'any', or a stream created afresh) or raced its first attempt: the key's unique violation undoes
  -- the append, and the caller answers from the first result.
  IF p_command_key IS NOT NULL THEN
    INSERT INTO ${schema}.commands (key, stream_id, result_id, version, position)
    VALUES (p_command_key, p_stream_id, p_result_id, r_version, r_position);
  END IF;
END
$$;
`;
