/**
 * DDL of the PostgreSQL log, all in one schema so the read model's tables never collide with it.
 * Everything is idempotent; `connect` runs it under an advisory lock because concurrent
 * `CREATE OR REPLACE FUNCTION`s fail with "tuple concurrently updated".
 *
 * `es_append` does the whole append in one round trip. It returns one row:
 * `appended` / `duplicate` with the result, or `conflict` with the stream's actual version.
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

CREATE TABLE IF NOT EXISTS ${schema}.streams (
  stream_id text PRIMARY KEY,
  version integer NOT NULL
);

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
  p_events jsonb
) RETURNS TABLE (r_outcome text, r_stream_id text, r_version integer, r_position text, r_result_id text)
LANGUAGE plpgsql AS $$
DECLARE
  v_count integer := jsonb_array_length(p_events);
  v_version integer;
  v_tx xid8;
  v_last_position bigint;
BEGIN
  IF p_command_key IS NOT NULL THEN
    -- A retry racing its own first attempt waits here for that attempt to end, then finds its result:
    -- the answer is a duplicate rather than a unique violation that would abort the transaction.
    PERFORM pg_advisory_xact_lock(hashtext('${schema}.commands'), hashtext(p_command_key));
    RETURN QUERY SELECT 'duplicate'::text, c.stream_id, c.version, c.position, c.result_id
      FROM ${schema}.commands c WHERE c.key = p_command_key;
    IF FOUND THEN RETURN; END IF;
  END IF;

  IF v_count = 0 THEN
    SELECT s.version INTO v_version FROM ${schema}.streams s WHERE s.stream_id = p_stream_id;
    IF p_expected_version IS NOT NULL AND p_expected_version <> coalesce(v_version, 0) THEN
      RETURN QUERY SELECT 'conflict'::text, p_stream_id, v_version, NULL::text, NULL::text;
      RETURN;
    END IF;
    RETURN QUERY SELECT 'appended'::text, p_stream_id, coalesce(v_version, 0),
      coalesce((SELECT e.tx_id::text || ':' || e.position FROM ${schema}.events e
                WHERE e.stream_id = p_stream_id ORDER BY e.stream_version DESC LIMIT 1), '0:0'),
      p_result_id;
    RETURN;
  END IF;

  -- Each branch takes the stream's row lock, so writers to one stream queue here and the loser of a
  -- race re-reads the winner's version (READ COMMITTED) and finds no matching row.
  IF p_expected_version IS NULL THEN
    INSERT INTO ${schema}.streams AS s (stream_id, version) VALUES (p_stream_id, v_count)
      ON CONFLICT (stream_id) DO UPDATE SET version = s.version + v_count
      RETURNING s.version INTO v_version;
  ELSIF p_expected_version = 0 THEN
    INSERT INTO ${schema}.streams (stream_id, version) VALUES (p_stream_id, v_count)
      ON CONFLICT (stream_id) DO NOTHING
      RETURNING version INTO v_version;
  ELSE
    UPDATE ${schema}.streams s SET version = s.version + v_count
      WHERE s.stream_id = p_stream_id AND s.version = p_expected_version
      RETURNING s.version INTO v_version;
  END IF;

  IF v_version IS NULL THEN
    RETURN QUERY SELECT 'conflict'::text, p_stream_id, s.version, NULL::text, NULL::text
      FROM (SELECT 1) AS one LEFT JOIN ${schema}.streams s ON s.stream_id = p_stream_id;
    RETURN;
  END IF;

  v_tx := pg_current_xact_id();
  WITH inserted AS (
    INSERT INTO ${schema}.events (stream_id, stream_version, type, schema_version, data, occurred_at,
                                  actor_user_id, actor_organization_id, command_id)
    SELECT p_stream_id, v_version - v_count + e.ordinality::integer, e.event->>'type',
           (e.event->>'schemaVersion')::integer, e.event->'data', p_occurred_at,
           p_actor_user_id, p_actor_organization_id, p_command_id
      FROM jsonb_array_elements(p_events) WITH ORDINALITY AS e(event, ordinality)
     ORDER BY e.ordinality
    RETURNING position
  )
  SELECT max(position) INTO v_last_position FROM inserted;

  IF p_command_key IS NOT NULL THEN
    INSERT INTO ${schema}.commands (key, stream_id, result_id, version, position)
      VALUES (p_command_key, p_stream_id, p_result_id, v_version, v_tx::text || ':' || v_last_position);
  END IF;

  RETURN QUERY SELECT 'appended'::text, p_stream_id, v_version, v_tx::text || ':' || v_last_position, p_result_id;
END
$$;
`;
