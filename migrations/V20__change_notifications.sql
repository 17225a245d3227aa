-- The caches of public data (tiles, OGC pages) are told of changes as they commit instead of asking
-- change_history before every answer: each change recorded in the history also notifies the
-- channel registry_changes with its table's name. PostgreSQL delivers a notification when its
-- transaction commits (none on rollback) and collapses equal ones of a transaction into one.
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

-- The caches watch the administrative units by their count and last update, which a statement
-- may move without leaving history (an update of nothing but updated_at, a TRUNCATE): every
-- statement on them notifies.
CREATE FUNCTION notify_registry_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('registry_changes', TG_TABLE_NAME);
  RETURN NULL;
END $$;

CREATE TRIGGER admin_unit_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON admin_unit
  FOR EACH STATEMENT EXECUTE FUNCTION notify_registry_change();
