-- Repeatable (issue 17): the live definition of the change history: what a change records, what a draft holds, who is told. Flyway runs this file after the versioned
-- migrations whenever it changes, so a change to these functions is an edit here, not a new
-- V-migration restating them (the V-migrations keep the history of how they came to be).

-- Every change of a zone, plot, lease or clearance phase leaves a row in change_history, whoever
-- writes (the API, an import, SQL by hand). Not a change: an update of nothing but the version, a
-- timestamp or a derived column (the 3857 copy of a boundary, the plot's latest-lease columns).
-- Each recorded change also notifies the channel registry_changes with its table's name, so that
-- the caches of public data learn of it as it commits (none on rollback; PostgreSQL collapses
-- equal notifications of a transaction into one).
CREATE OR REPLACE FUNCTION record_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) - 'boundary_3857' END;
  n jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) - 'boundary_3857' END;
  cols text[];
BEGIN
  SELECT coalesce(array_agg(k ORDER BY k), '{}') INTO cols
    FROM (SELECT jsonb_object_keys(coalesce(n, o)) AS k) keys
   WHERE k NOT IN ('version', 'updated_at', 'committed_until', 'last_lease_from', 'last_lease_signed_on',
                   'last_lease_operating_from')
     AND (o -> k) IS DISTINCT FROM (n -> k);
  IF TG_OP = 'UPDATE' AND cardinality(cols) = 0 THEN
    RETURN NULL;  -- nothing but the version, a timestamp or a derived column moved: not a change
  END IF;
  INSERT INTO change_history (table_name, row_id, operation, changed_at, valid_from, changed_by, reason, old_values,
                              new_values, changed)
  VALUES (TG_TABLE_NAME, (coalesce(n, o) ->> 'id')::bigint, TG_OP, clock_timestamp(),
          coalesce(nullif(current_setting('registry.valid_from', true), '')::timestamptz, clock_timestamp()),
          coalesce(nullif(current_setting('registry.user', true), ''), 'database:' || session_user),
          nullif(current_setting('registry.reason', true), ''), o, n, cols);
  PERFORM pg_notify('registry_changes', TG_TABLE_NAME);
  RETURN NULL;
END $$;

-- What a draft holds: the columns a change sets (nobody sets the 3857 copy).
CREATE OR REPLACE FUNCTION row_changes(p_before jsonb, p_after jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_object_agg(k, p_after -> k), '{}'::jsonb)
    FROM jsonb_object_keys(p_after) k
   WHERE k NOT IN ('id', 'version', 'created_at', 'updated_at', 'boundary_3857') AND (p_before -> k) IS DISTINCT FROM (p_after -> k)
$$;

-- The caches watch the administrative units by their count and last update, which a statement
-- may move without leaving history (an update of nothing but updated_at, a TRUNCATE): every
-- statement on them notifies.
CREATE OR REPLACE FUNCTION notify_registry_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('registry_changes', TG_TABLE_NAME);
  RETURN NULL;
END $$;
