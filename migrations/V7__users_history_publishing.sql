-- Users and roles, drafts and soft deletion, and the history of every change.

-- Users. Passwords are stored as bcrypt hashes only; the first administrator is created by the
-- application at its first start (REGISTRY_ADMIN_PASSWORD, or a generated password printed once).
CREATE TABLE app_user (
  id             bigserial PRIMARY KEY,
  username       text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
  display_name   text NOT NULL CHECK (length(btrim(display_name)) > 0),
  password_hash  text NOT NULL,
  role           text NOT NULL CHECK (role IN ('AUTHORITY_ADMIN', 'AUTHORITY_EDITOR', 'DISTRICT_OFFICER')),
  enabled        boolean NOT NULL DEFAULT true,
  version        bigint NOT NULL DEFAULT 0,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER app_user_touch BEFORE UPDATE ON app_user FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- The districts a district officer answers for (one or more).
CREATE TABLE app_user_district (
  user_id     bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  district_id bigint NOT NULL REFERENCES admin_unit (id),
  PRIMARY KEY (user_id, district_id)
);

-- Drafts and soft deletion: the public sees published rows that are not deleted. Rows loaded in
-- SQL (what exists today, the demo loaders, imports) are published, as the plans they come from
-- are; the editing API saves drafts unless told to publish.
ALTER TABLE zone ADD COLUMN published boolean NOT NULL DEFAULT true, ADD COLUMN deleted_at timestamptz;
ALTER TABLE plot ADD COLUMN published boolean NOT NULL DEFAULT true, ADD COLUMN deleted_at timestamptz;
ALTER TABLE clearance_phase ADD COLUMN deleted_at timestamptz;

-- A deleted plot no longer takes room in its zone.
CREATE OR REPLACE FUNCTION plot_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  zone_boundary geometry;
  outside_m2 float8;
  other record;
BEGIN
  IF NEW.deleted_at IS NOT NULL THEN
    RETURN NEW;
  END IF;
  SELECT boundary INTO zone_boundary FROM zone WHERE id = NEW.zone_id;
  IF zone_boundary IS NULL THEN
    RAISE EXCEPTION 'zone % has no boundary: draw the zone before its plots', NEW.zone_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'plot_inside_zone';
  END IF;
  outside_m2 := ST_Area(ST_Difference(NEW.boundary, zone_boundary)::geography);
  IF outside_m2 > 1 THEN
    RAISE EXCEPTION 'plot % lies % m² outside its zone', NEW.code, round(outside_m2::numeric, 1)
      USING ERRCODE = 'check_violation', CONSTRAINT = 'plot_inside_zone';
  END IF;
  SELECT p.code, ST_Area(ST_Intersection(p.boundary, NEW.boundary)::geography) AS m2 INTO other
    FROM plot p
   WHERE p.zone_id = NEW.zone_id AND p.id IS DISTINCT FROM NEW.id AND p.deleted_at IS NULL
     AND ST_Intersects(p.boundary, NEW.boundary)
     AND ST_Area(ST_Intersection(p.boundary, NEW.boundary)::geography) > 1
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'plot % overlaps plot % by % m²', NEW.code, other.code, round(other.m2::numeric, 1)
      USING ERRCODE = 'check_violation', CONSTRAINT = 'plot_no_overlap';
  END IF;
  NEW.area_ha := ST_Area(NEW.boundary::geography) / 10000;
  RETURN NEW;
END $$;
DROP TRIGGER plot_check ON plot;
CREATE TRIGGER plot_check BEFORE INSERT OR UPDATE OF boundary, zone_id, deleted_at ON plot
  FOR EACH ROW EXECUTE FUNCTION plot_check();

-- Statistics count the zones the public sees.
CREATE OR REPLACE FUNCTION zone_occupancy(p_day date)
RETURNS TABLE (zone_id bigint, lease_land_ha numeric, leased_ha numeric, occupancy_rate numeric)
LANGUAGE sql STABLE AS $$
  SELECT z.id, z.lease_land_ha, coalesce(a.leased_ha, 0),
         CASE WHEN z.lease_land_ha > 0 THEN coalesce(a.leased_ha, 0) / z.lease_land_ha END
    FROM zone z
    LEFT JOIN zone_leased_area a ON a.zone_id = z.id AND daterange(a.day, a.until) @> p_day
   WHERE z.published AND z.deleted_at IS NULL
$$;

-- History: every insert, update and delete of zones, plots, leases and clearance phases, with
-- the whole row before and after (geometry as GeoJSON), who made it and why. Triggers rather
-- than Hibernate Envers because most writes here are SQL (JdbcClient, the demo loaders, bulk
-- imports), and a trigger cannot be bypassed by any of them; the application names the user
-- and the reason per transaction (set_config('registry.user' / 'registry.reason', ..., true)).
CREATE TABLE change_history (
  id          bigserial PRIMARY KEY,
  table_name  text NOT NULL,
  row_id      bigint NOT NULL,
  operation   text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
  changed_at  timestamptz NOT NULL,
  -- from when the change holds for "as of" questions: when it was made, unless the writer says the
  -- record describes what was already so (registry.valid_from; the demo loader's '-infinity')
  valid_from  timestamptz NOT NULL,
  changed_by  text NOT NULL,
  reason      text,
  old_values  jsonb,
  new_values  jsonb,
  changed     text[] NOT NULL DEFAULT '{}'   -- the columns whose value changed
);
CREATE INDEX change_history_row_idx ON change_history (table_name, row_id, changed_at, id);
CREATE INDEX change_history_time_idx ON change_history (table_name, valid_from, row_id);

CREATE FUNCTION record_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
  n jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
  cols text[];
BEGIN
  SELECT coalesce(array_agg(k ORDER BY k), '{}') INTO cols
    FROM (SELECT jsonb_object_keys(coalesce(n, o)) AS k) keys
   WHERE k NOT IN ('version', 'updated_at', 'committed_until') AND (o -> k) IS DISTINCT FROM (n -> k);
  IF TG_OP = 'UPDATE' AND cardinality(cols) = 0 THEN
    RETURN NULL;  -- nothing but the version, a timestamp or a derived column moved: not a change
  END IF;
  INSERT INTO change_history (table_name, row_id, operation, changed_at, valid_from, changed_by, reason, old_values,
                              new_values, changed)
  VALUES (TG_TABLE_NAME, (coalesce(n, o) ->> 'id')::bigint, TG_OP, clock_timestamp(),
          coalesce(nullif(current_setting('registry.valid_from', true), '')::timestamptz, clock_timestamp()),
          coalesce(nullif(current_setting('registry.user', true), ''), 'database:' || session_user),
          nullif(current_setting('registry.reason', true), ''), o, n, cols);
  RETURN NULL;
END $$;

CREATE TRIGGER zone_history AFTER INSERT OR UPDATE OR DELETE ON zone FOR EACH ROW EXECUTE FUNCTION record_change();
CREATE TRIGGER plot_history AFTER INSERT OR UPDATE OR DELETE ON plot FOR EACH ROW EXECUTE FUNCTION record_change();
CREATE TRIGGER lease_history AFTER INSERT OR UPDATE OR DELETE ON lease FOR EACH ROW EXECUTE FUNCTION record_change();
CREATE TRIGGER clearance_phase_history AFTER INSERT OR UPDATE OR DELETE ON clearance_phase
  FOR EACH ROW EXECUTE FUNCTION record_change();

-- Rows that predate the history start it with their creation.
INSERT INTO change_history (table_name, row_id, operation, changed_at, valid_from, changed_by, reason, new_values)
SELECT 'zone', id, 'INSERT', created_at, created_at, 'migration V7', 'existing before the history began', to_jsonb(z) FROM zone z
UNION ALL
SELECT 'plot', id, 'INSERT', created_at, created_at, 'migration V7', 'existing before the history began', to_jsonb(p) FROM plot p
UNION ALL
SELECT 'lease', id, 'INSERT', created_at, created_at, 'migration V7', 'existing before the history began', to_jsonb(l) FROM lease l
UNION ALL
SELECT 'clearance_phase', id, 'INSERT', created_at, created_at, 'migration V7', 'existing before the history began', to_jsonb(c)
  FROM clearance_phase c;

-- The rows of a table as they were at an instant, replayed from the history: the values after the
-- latest change holding by then (valid_from); rows deleted (for real) by then are absent. The geometry comes back
-- from its GeoJSON with 9 decimals (well under a millimetre).
CREATE FUNCTION history_as_of(p_table text, p_at timestamptz)
RETURNS TABLE (row_id bigint, row_values jsonb) LANGUAGE sql STABLE AS $$
  SELECT h.row_id, h.new_values
    FROM (SELECT DISTINCT ON (c.row_id) c.row_id, c.operation, c.new_values
            FROM change_history c
           WHERE c.table_name = p_table AND c.valid_from <= p_at
           ORDER BY c.row_id, c.valid_from DESC, c.id DESC) h
   WHERE h.operation <> 'DELETE'
$$;

-- The geometry of a replayed row, back from its GeoJSON as EWKT for the row's input.
CREATE FUNCTION history_row(p_values jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT p_values || jsonb_build_object('boundary',
           ST_AsEWKT(ST_SetSRID(ST_GeomFromGeoJSON(nullif(p_values -> 'boundary', 'null'::jsonb)), 4326)))
$$;

CREATE FUNCTION zone_as_of(p_at timestamptz) RETURNS SETOF zone LANGUAGE sql STABLE AS $$
  SELECT (jsonb_populate_record(NULL::zone, history_row(h.row_values))).* FROM history_as_of('zone', p_at) h
$$;

CREATE FUNCTION plot_as_of(p_at timestamptz) RETURNS SETOF plot LANGUAGE sql STABLE AS $$
  SELECT (jsonb_populate_record(NULL::plot, history_row(h.row_values))).* FROM history_as_of('plot', p_at) h
$$;
