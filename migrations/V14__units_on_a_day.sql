-- Administrative units on a day. On 2025-07-01 Vietnam abolished the district level and merged
-- provinces (Bắc Giang into Bắc Ninh): before that day a zone, plot or clearance phase lies in a
-- district, after it in a commune or ward. Things are placed in the units in force on a day by
-- their shape, never by a stored code, so one record belongs to a district in 2024 and to a
-- commune in 2026 without being edited.

-- Whether a unit with this validity is in force on p_day (NULL bounds: since ever, still).
CREATE FUNCTION in_force(p_from date, p_to date, p_day date) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (p_from IS NULL OR p_from <= p_day) AND (p_to IS NULL OR p_to >= p_day)
$$;

-- The local unit (below the province) that holds most of a shape on a day: the district while
-- districts were in force there, else the commune or ward.
CREATE FUNCTION local_unit_id(p_shape geometry, p_day date) RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT u.id
    FROM admin_unit u
   WHERE u.level IN ('DISTRICT', 'COMMUNE') AND u.boundary && p_shape AND ST_Intersects(u.boundary, p_shape)
     AND in_force(u.valid_from, u.valid_to, p_day)
   ORDER BY u.level = 'DISTRICT' DESC, ST_Area(ST_Intersection(u.boundary, p_shape)) DESC, u.id
   LIMIT 1
$$;

-- The province a unit belongs to (itself for a province), following parents upward.
CREATE FUNCTION unit_province_id(p_unit bigint) RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH RECURSIVE up (id, parent_id, level, depth) AS (
    SELECT id, parent_id, level, 0 FROM admin_unit WHERE id = p_unit
    UNION ALL
    SELECT a.id, a.parent_id, a.level, up.depth + 1 FROM admin_unit a JOIN up ON a.id = up.parent_id WHERE up.depth < 5)
  SELECT id FROM up WHERE level = 'PROVINCE' ORDER BY depth LIMIT 1
$$;

-- The units things are grouped by on a day, as local_unit_id chooses them: the districts in force,
-- and the communes and wards in force where no district in force covers them.
CREATE FUNCTION local_units(p_day date) RETURNS SETOF admin_unit LANGUAGE sql STABLE AS $$
  SELECT u.* FROM admin_unit u
   WHERE u.level IN ('DISTRICT', 'COMMUNE')
     AND in_force(u.valid_from, u.valid_to, p_day)
     AND (u.level = 'DISTRICT' OR NOT EXISTS (
           SELECT 1 FROM admin_unit d
            WHERE d.level = 'DISTRICT' AND d.boundary && u.boundary AND ST_Relate(d.boundary, u.boundary, 'T********')
              AND in_force(d.valid_from, d.valid_to, p_day)))
$$;

-- Whether a shape lies in a unit: placed on p_day, or on the nearest day the unit was in force (a
-- district asked about in 2026 is judged on 2025-06-30), so a filter by unit works on any day.
CREATE FUNCTION in_unit(p_shape geometry, p_unit bigint, p_day date) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN u.level = 'PROVINCE'
              THEN unit_province_id(local_unit_id(p_shape, greatest(least(p_day, coalesce(u.valid_to, 'infinity')),
                                                                 coalesce(u.valid_from, '-infinity')))) = u.id
              ELSE local_unit_id(p_shape, greatest(least(p_day, coalesce(u.valid_to, 'infinity')),
                                                   coalesce(u.valid_from, '-infinity'))) = u.id END
    FROM admin_unit u WHERE u.id = p_unit
$$;

-- The first day of the period holding p_day during which no unit began or ended. Every day of such
-- a period has the same units in force, so a shape is placed once per period, not once per day.
CREATE FUNCTION unit_epoch(p_day date) RETURNS date LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(max(b), '-infinity'::date)
    FROM (SELECT valid_from AS b FROM admin_unit UNION ALL SELECT valid_to + 1 FROM admin_unit) changes
   WHERE b <= p_day
$$;

-- Zones (deleted and drafts too: callers filter) placed on each of the given days.
CREATE FUNCTION zone_units(p_days date[])
RETURNS TABLE (day date, zone_id bigint, unit_id bigint, province_id bigint) LANGUAGE sql STABLE AS $$
  WITH days AS (SELECT DISTINCT d AS day, unit_epoch(d) AS epoch FROM unnest(p_days) AS d),
       located AS MATERIALIZED (
         SELECT z.id AS zone_id, e.epoch, local_unit_id(z.boundary, e.epoch) AS unit_id
           FROM zone z CROSS JOIN (SELECT DISTINCT epoch FROM days) e)
  SELECT d.day, l.zone_id, l.unit_id, unit_province_id(l.unit_id)
    FROM days d JOIN located l USING (epoch)
$$;

-- Clearance phases placed on each of the given days: the unit whose people's committee answers
-- for the phase that day (district before 2025-07-01, commune after: Decree 151/2025/NĐ-CP art. 5).
CREATE FUNCTION phase_units(p_days date[])
RETURNS TABLE (day date, phase_id bigint, unit_id bigint, province_id bigint) LANGUAGE sql STABLE AS $$
  WITH days AS (SELECT DISTINCT d AS day, unit_epoch(d) AS epoch FROM unnest(p_days) AS d),
       located AS MATERIALIZED (
         SELECT c.id AS phase_id, e.epoch, local_unit_id(c.boundary, e.epoch) AS unit_id
           FROM clearance_phase c CROSS JOIN (SELECT DISTINCT epoch FROM days) e)
  SELECT d.day, l.phase_id, l.unit_id, unit_province_id(l.unit_id)
    FROM days d JOIN located l USING (epoch)
$$;

-- "UBND huyện Lục Nam", "UBND phường Việt Yên": the people's committee of a unit, as documents
-- name it (a name that already starts with its type, "Thành phố Bắc Giang", is not repeated).
CREATE FUNCTION unit_committee(p_unit bigint) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT 'UBND ' || CASE WHEN lower(u.name_vi) LIKE lower(u.unit_type) || ' %' THEN u.name_vi
                         ELSE u.unit_type || ' ' || u.name_vi END
    FROM admin_unit u WHERE u.id = p_unit
$$;

-- An officer answers for units: districts (historically) or communes and wards.
ALTER TABLE app_user_district RENAME TO app_user_unit;
ALTER TABLE app_user_unit RENAME COLUMN district_id TO unit_id;

-- A zone or phase keeps the district that held it when it was drawn (for the records of that
-- time), but the district is no longer required: outside the old districts there is none.
ALTER TABLE zone ALTER COLUMN district_id DROP NOT NULL;
ALTER TABLE clearance_phase ALTER COLUMN district_id DROP NOT NULL;

-- A phase lies inside its zone, and inside its recorded district when it has one.
CREATE OR REPLACE FUNCTION clearance_phase_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  outside_m2 float8;
BEGIN
  SELECT ST_Area(ST_Difference(NEW.boundary, z.boundary)::geography) INTO outside_m2 FROM zone z WHERE z.id = NEW.zone_id;
  IF outside_m2 IS NULL OR outside_m2 > 1 THEN
    RAISE EXCEPTION 'clearance phase % lies % m² outside its zone', NEW.code, round(coalesce(outside_m2, 0)::numeric, 1)
      USING ERRCODE = 'check_violation', CONSTRAINT = 'clearance_inside_zone';
  END IF;
  IF NEW.district_id IS NOT NULL THEN
    SELECT ST_Area(ST_Difference(NEW.boundary, d.boundary)::geography) INTO outside_m2
      FROM admin_unit d WHERE d.id = NEW.district_id AND d.level = 'DISTRICT';
    IF outside_m2 IS NULL OR outside_m2 > 1 THEN
      RAISE EXCEPTION 'clearance phase % lies outside district % (or that unit is not a district)', NEW.code, NEW.district_id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'clearance_inside_district';
    END IF;
  END IF;
  NEW.area_ha := ST_Area(NEW.boundary::geography) / 10000;
  RETURN NEW;
END $$;

-- Figures of a zone invented for the demo, by property name: those whose source says "demo", and
-- the leased area, fill rate and clean land when they are measured on demo plots.
CREATE FUNCTION zone_demo_figures(p_zone_id bigint, p_sources jsonb) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT ARRAY(
    SELECT f.key FROM jsonb_each_text(coalesce(p_sources, '{}'::jsonb)) f WHERE f.value LIKE 'demo%'
    UNION
    SELECT measured FROM unnest(ARRAY['leasedHa', 'occupancyRate', 'availableCleanHa']) AS measured
     WHERE EXISTS (SELECT 1 FROM plot p WHERE p.zone_id = p_zone_id AND p.demo)
    ORDER BY 1)
$$;
