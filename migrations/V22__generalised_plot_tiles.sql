-- Generalised plot tiles (issue 16): no plots tile costs PostgreSQL much more than ~10 ms, however
-- many plots it covers. mvt_tile('plots', z, x, y) draws, by zoom (mvt_plot_level):
--   z  8–12  'zone'    one feature per public zone holding public plots: its outline (simplified
--                      below z12 as the zones layer's) with its fill rate today (zone_occupancy)
--                      level, zone, zoneName, boundaryAccuracy, leaseLandHa, leasedHa, occupancyRate
--   z 13     'status'  the zone's public plots merged by their status today: one (multi)polygon per
--                      zone and status; gaps under 20 m (roads) closed, edges simplified to 5 m
--                      (half a pixel at z13)
--                      level, status, zone, zoneName, boundaryAccuracy, plotCount, areaHa
--   z 14–22  'plot'    the plots one by one with every public attribute, as before, + level
-- Generalised features carry no feature id (they are no record); plots keep theirs. The breaks come
-- from bench/tile-cost on 1,000,000 plots: merged by status, a z12 tile still cost ~20 ms (in the
-- synthetic data, statuses are scattered: merging removes about half of the vertices), a z13 one
-- ~5 ms; plots one by one cost ~13 ms at z13 and ~4 ms at z14.
--
-- Outlines and merged areas are kept for a day (mvt_day()) in plot_zone_outline and
-- plot_status_area: merging a zone's plots costs ~100 ms. Correctness never waits for them: for a
-- zone without rows for today the tile computes them itself with the same functions
-- (plot_zone_outlines, plot_status_areas), so a tile is the same, byte for byte, either way. Every
-- change of a plot, a lease or a zone drops the rows of the zones it touches (statement triggers);
-- refresh_plot_status_area() stores them again in small batches (the application's
-- GeneralisedPlots calls it every few seconds).
--
-- A refresh must never store what it read before a change that has already dropped the rows: the
-- refresh holds the rows of its zones (FOR NO KEY UPDATE, skipping zones a writer holds), and the
-- triggers take a share lock on the zones they touch before dropping their rows. A writer either
-- finished before the refresh took its zone (the refresh then reads its change) or waits for the
-- refresh to end (and then drops what it stored). Writers do not block one another.

CREATE FUNCTION mvt_plot_level(z integer) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN z >= 14 THEN 'plot' WHEN z >= 13 THEN 'status' WHEN z >= 8 THEN 'zone' END
$$;

CREATE OR REPLACE FUNCTION mvt_min_zoom(layer text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE layer WHEN 'zones' THEN 0 WHEN 'districts' THEN 0 WHEN 'clearance' THEN 8 WHEN 'plots' THEN 8 END
$$;

-- The zones whose generalised plots are stored, for which day, and their zone-level feature. A
-- zone's plot_status_area rows hang off its row here.
CREATE TABLE plot_zone_outline (
  zone_id        bigint PRIMARY KEY REFERENCES zone (id) ON DELETE CASCADE,
  day            date NOT NULL,
  has_plots      boolean NOT NULL,  -- public ones
  lease_land_ha  numeric,
  leased_ha      numeric,
  occupancy_rate numeric,
  outline_3857   geometry(MultiPolygon, 3857)
);
CREATE INDEX plot_zone_outline_geom_idx ON plot_zone_outline USING gist (outline_3857);

CREATE TABLE plot_status_area (
  zone_id    bigint NOT NULL REFERENCES plot_zone_outline (zone_id) ON DELETE CASCADE,
  status     text NOT NULL,
  plot_count integer NOT NULL,
  area_ha    numeric NOT NULL,
  geom_3857  geometry(MultiPolygon, 3857) NOT NULL,
  PRIMARY KEY (zone_id, status)
);
CREATE INDEX plot_status_area_geom_idx ON plot_status_area USING gist (geom_3857);

-- Public zones, whether they hold public plots, and their fill rate on a day: the one definition,
-- for the stored rows and for tiles that compute them.
CREATE FUNCTION plot_zone_outlines(p_zone_ids bigint[], p_day date)
RETURNS TABLE (zone_id bigint, has_plots boolean, lease_land_ha numeric, leased_ha numeric, occupancy_rate numeric,
               outline_3857 geometry)
LANGUAGE sql STABLE AS $$
  SELECT z.id, EXISTS (SELECT 1 FROM public_plot p WHERE p.zone_id = z.id),
         o.lease_land_ha, o.leased_ha, o.occupancy_rate, ST_Transform(z.boundary, 3857)
    FROM public_zone z
    JOIN LATERAL (SELECT * FROM zone_occupancy(p_day) occ WHERE occ.zone_id = z.id) o ON true
   WHERE z.id = ANY (p_zone_ids)
$$;

-- The public plots of the zones merged by their status on a day, likewise. Each plot grows by 10 m,
-- the union shrinks by 10 m (square corners kept): plots less than 20 m apart merge, as at z13 a
-- pixel is 19 m; then edges are simplified to 5 m.
CREATE FUNCTION plot_status_areas(p_zone_ids bigint[], p_day date)
RETURNS TABLE (zone_id bigint, status text, plot_count integer, area_ha numeric, geom_3857 geometry)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT s.zone_id, s.status, CAST(count(*) AS integer), sum(s.area_ha),
         ST_Multi(ST_CollectionExtract(ST_SimplifyPreserveTopology(
           ST_Buffer(ST_Union(ST_Buffer(s.boundary_3857, 10, 'join=mitre') ORDER BY s.id), -10, 'join=mitre'), 5), 3))
    FROM (SELECT p.id, p.zone_id, p.area_ha, p.boundary_3857,
                 plot_status_by_last_lease(p.id, p.cleared_on, p.last_lease_from, p.last_lease_signed_on,
                                           p.last_lease_operating_from, p.committed_until, p_day) AS status
            FROM public_plot p
           WHERE p.zone_id = ANY (p_zone_ids)) s
   GROUP BY s.zone_id, s.status
$$;

-- Stores the generalised plots of today for up to max_zones public zones that lack them (zones a
-- writer holds right now are left for a later call); returns how many zones it stored. With
-- nothing missing it is one anti-join of the public zones on plot_zone_outline's key.
CREATE FUNCTION refresh_plot_status_area(max_zones integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  today date := mvt_day();
  ids bigint[];
BEGIN
  SELECT array_agg(id ORDER BY id) INTO ids FROM (
    SELECT z.id FROM public_zone z
     WHERE NOT EXISTS (SELECT 1 FROM plot_zone_outline m WHERE m.zone_id = z.id AND m.day = today)
     ORDER BY z.id LIMIT max_zones
       FOR NO KEY UPDATE SKIP LOCKED) batch;
  IF ids IS NULL THEN
    RETURN 0;
  END IF;
  -- Each statement below reads the data as committed now, after the zones were taken.
  DELETE FROM plot_zone_outline WHERE zone_id = ANY (ids);
  INSERT INTO plot_zone_outline (zone_id, day, has_plots, lease_land_ha, leased_ha, occupancy_rate, outline_3857)
  SELECT o.zone_id, today, o.has_plots, o.lease_land_ha, o.leased_ha, o.occupancy_rate, o.outline_3857
    FROM plot_zone_outlines(ids, today) o;
  INSERT INTO plot_status_area (zone_id, status, plot_count, area_ha, geom_3857)
  SELECT a.zone_id, a.status, a.plot_count, a.area_ha, a.geom_3857 FROM plot_status_areas(ids, today) a;
  RETURN cardinality(ids);
END $$;

-- Drops the stored rows of zones after a change, once no refresh of theirs is under way.
CREATE FUNCTION forget_plot_status_areas(p_zone_ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(p_zone_ids) > 0 THEN
    PERFORM 1 FROM zone WHERE id = ANY (p_zone_ids) ORDER BY id FOR SHARE;  -- waits for a refresh of theirs
    DELETE FROM plot_zone_outline WHERE zone_id IN (
      SELECT m.zone_id FROM plot_zone_outline m WHERE m.zone_id = ANY (p_zone_ids) ORDER BY m.zone_id FOR UPDATE);
  END IF;
END $$;

CREATE FUNCTION plot_status_area_plot_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  zones bigint[] := '{}';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    zones := zones || ARRAY(SELECT DISTINCT o.zone_id FROM old_rows o);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    zones := zones || ARRAY(SELECT DISTINCT n.zone_id FROM new_rows n);
  END IF;
  PERFORM forget_plot_status_areas(zones);
  RETURN NULL;
END $$;

CREATE FUNCTION plot_status_area_lease_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  zones bigint[] := '{}';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    zones := zones || ARRAY(SELECT DISTINCT p.zone_id FROM old_rows o JOIN plot p ON p.id = o.plot_id);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    zones := zones || ARRAY(SELECT DISTINCT p.zone_id FROM new_rows n JOIN plot p ON p.id = n.plot_id);
  END IF;
  PERFORM forget_plot_status_areas(zones);
  RETURN NULL;
END $$;

-- A zone's code, name, accuracy, publication or deletion shows in its merged areas.
CREATE FUNCTION plot_zone_outline_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM forget_plot_status_areas(ARRAY(SELECT n.id FROM new_rows n));
  RETURN NULL;
END $$;

CREATE TRIGGER plot_status_area_plot_inserted AFTER INSERT ON plot REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plot_status_area_plot_changed();
CREATE TRIGGER plot_status_area_plot_updated AFTER UPDATE ON plot REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plot_status_area_plot_changed();
CREATE TRIGGER plot_status_area_plot_deleted AFTER DELETE ON plot REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plot_status_area_plot_changed();
CREATE TRIGGER plot_status_area_lease_inserted AFTER INSERT ON lease REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plot_status_area_lease_changed();
CREATE TRIGGER plot_status_area_lease_updated AFTER UPDATE ON lease REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plot_status_area_lease_changed();
CREATE TRIGGER plot_status_area_lease_deleted AFTER DELETE ON lease REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plot_status_area_lease_changed();
CREATE TRIGGER plot_zone_outline_updated AFTER UPDATE ON zone REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plot_zone_outline_changed();

-- mvt_tile as in V11 (and V10's header), but for the plots layer: by mvt_plot_level(z), zone
-- outlines, plots merged by status, or plots one by one (then with every attribute: plots begin at
-- their detail zoom, 14).
CREATE OR REPLACE FUNCTION mvt_tile(layer text, z integer, x integer, y integer) RETURNS bytea
LANGUAGE plpgsql STABLE PARALLEL SAFE SET jit = off AS $$
DECLARE
  max_zoom CONSTANT integer := 22;
  extent CONSTANT integer := 4096;
  buffer CONSTANT integer := 64;
  bounds geometry;     -- the tile, EPSG:3857
  margin geometry;     -- the tile and its buffer, EPSG:3857
  search geometry;     -- the tile and its buffer, EPSG:4326, for the layers stored in it only
  tolerance float8;    -- metres; 0: no simplification
  detail boolean;
  plot_level text := mvt_plot_level(z);  -- what the plots layer draws at this zoom
  today date := mvt_day();
  missing bigint[];     -- zones in the tile without stored generalised plots for today
  tile bytea;
BEGIN
  IF layer IS NULL OR layer NOT IN ('zones', 'plots', 'clearance', 'districts') THEN
    RAISE EXCEPTION 'unknown tile layer "%": the layers are zones, plots, clearance and districts', layer
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF z IS NULL OR z < 0 OR z > max_zoom THEN
    RAISE EXCEPTION 'tile zoom % is out of range: z must be 0 to %', z, max_zoom
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF x IS NULL OR y IS NULL OR x < 0 OR y < 0 OR x >= (1::bigint << z) OR y >= (1::bigint << z) THEN
    RAISE EXCEPTION 'tile %/%/% is out of range: x and y must be 0 to % at zoom %', z, x, y, (1::bigint << z) - 1, z
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF z < mvt_min_zoom(layer) THEN
    RETURN ''::bytea;
  END IF;

  bounds := ST_TileEnvelope(z, x, y);
  margin := ST_TileEnvelope(z, x, y, margin => buffer::float8 / extent);
  tolerance := CASE WHEN z < 12 THEN (ST_XMax(bounds) - ST_XMin(bounds)) / 512 ELSE 0 END;
  detail := z >= mvt_detail_zoom(layer);

  search := ST_Transform(margin, 4326);

  -- Plots one by one: the index on boundary_3857 finds those whose box meets the tile and its
  -- buffer; ST_AsMVTGeom clips them to it and gives NULL for any that does not reach it (a row
  -- ST_AsMVT leaves out), so no exact intersection test is needed first.
  IF layer = 'plots' AND plot_level = 'plot' THEN
    SELECT ST_AsMVT(t, 'plots', extent, 'geom', 'id') INTO tile FROM (
      SELECT p.id, p.id, 'plot' AS level, p.code,
             plot_status_by_last_lease(p.id, p.cleared_on, p.last_lease_from, p.last_lease_signed_on,
                                       p.last_lease_operating_from, p.committed_until, today) AS status,
             zo.boundary_accuracy AS "boundaryAccuracy", zo.code AS zone, zo.name_vi AS "zoneName",
             CAST(round(p.area_ha, 4) AS float8) AS "areaHa", p.land_use AS "landUse",
             CAST(p.cleared_on AS text) AS "clearedOn", p.demo,
             ST_AsMVTGeom(p.boundary_3857, bounds, extent, buffer, true) AS geom
        FROM plot p
        JOIN zone zo ON zo.id = p.zone_id
       WHERE p.published AND p.deleted_at IS NULL AND zo.published AND zo.deleted_at IS NULL
         AND p.boundary_3857 && margin
       ORDER BY 1) t;
    RETURN coalesce(tile, ''::bytea);
  END IF;

  -- Generalised: the stored rows of the zones that have them for today, the others computed here
  -- by the same functions, in one order either way.
  IF layer = 'plots' THEN
    missing := ARRAY(SELECT z.id FROM public_zone z
                      WHERE z.boundary && search
                        AND NOT EXISTS (SELECT 1 FROM plot_zone_outline m WHERE m.zone_id = z.id AND m.day = today));
  END IF;
  IF layer = 'plots' AND plot_level = 'status' THEN
    SELECT ST_AsMVT(t, 'plots', extent, 'geom') INTO tile FROM (
      SELECT 'status' AS level, a.status, zo.code AS zone, zo.name_vi AS "zoneName",
             zo.boundary_accuracy AS "boundaryAccuracy", a.plot_count AS "plotCount",
             CAST(round(a.area_ha, 4) AS float8) AS "areaHa",
             ST_AsMVTGeom(a.geom_3857, bounds, extent, buffer, true) AS geom
        FROM (SELECT s.zone_id, s.status, s.plot_count, s.area_ha, s.geom_3857
                FROM plot_status_area s
                JOIN plot_zone_outline m ON m.zone_id = s.zone_id AND m.day = today
               WHERE s.geom_3857 && margin
              UNION ALL
              SELECT f.zone_id, f.status, f.plot_count, f.area_ha, f.geom_3857
                FROM plot_status_areas(missing, today) f
               WHERE f.geom_3857 && margin) a
        JOIN public_zone zo ON zo.id = a.zone_id
       ORDER BY a.zone_id, a.status) t;
  ELSIF layer = 'plots' THEN
    SELECT ST_AsMVT(t, 'plots', extent, 'geom') INTO tile FROM (
      SELECT 'zone' AS level, zo.code AS zone, zo.name_vi AS "zoneName", zo.boundary_accuracy AS "boundaryAccuracy",
             CAST(a.lease_land_ha AS float8) AS "leaseLandHa",
             CAST(round(a.leased_ha, 4) AS float8) AS "leasedHa", CAST(round(a.occupancy_rate, 6) AS float8) AS "occupancyRate",
             ST_AsMVTGeom(CASE WHEN tolerance > 0 THEN ST_SimplifyPreserveTopology(a.outline_3857, tolerance)
                                ELSE a.outline_3857 END, bounds, extent, buffer, true) AS geom
        FROM (SELECT m.zone_id, m.lease_land_ha, m.leased_ha, m.occupancy_rate, m.outline_3857
                FROM plot_zone_outline m
               WHERE m.day = today AND m.has_plots AND m.outline_3857 && margin
              UNION ALL
              SELECT f.zone_id, f.lease_land_ha, f.leased_ha, f.occupancy_rate, f.outline_3857
                FROM plot_zone_outlines(missing, today) f
               WHERE f.has_plots AND f.outline_3857 && margin) a
        JOIN public_zone zo ON zo.id = a.zone_id
       ORDER BY a.zone_id) t;
  END IF;
  IF layer = 'plots' THEN
    RETURN coalesce(tile, ''::bytea);
  END IF;

  -- Attributes left NULL are not written to the tile: that is how low zooms carry fewer.
  IF layer = 'zones' THEN
    SELECT ST_AsMVT(t, 'zones', extent, 'geom', 'id') INTO tile FROM (
      SELECT zo.id, zo.id, zo.code, zo.kind, zo.plan_status AS "planStatus", zo.boundary_accuracy AS "boundaryAccuracy",
             CASE WHEN detail THEN zo.name_vi END AS name,
             CASE WHEN detail THEN zo.name_en END AS "nameEn",
             CASE WHEN detail THEN d.code END AS district,
             CASE WHEN detail THEN zo.lifecycle END AS lifecycle,
             CASE WHEN detail THEN CAST(zo.legal_area_ha AS float8) END AS "legalAreaHa",
             CASE WHEN detail THEN CAST(o.lease_land_ha AS float8) END AS "leaseLandHa",
             CASE WHEN detail THEN CAST(round(o.leased_ha, 4) AS float8) END AS "leasedHa",
             CASE WHEN detail THEN CAST(round(o.occupancy_rate, 6) AS float8) END AS "occupancyRate",
             ST_AsMVTGeom(CASE WHEN tolerance > 0 THEN ST_SimplifyPreserveTopology(ST_Transform(zo.boundary, 3857), tolerance)
                                ELSE ST_Transform(zo.boundary, 3857) END, bounds, extent, buffer, true) AS geom
        FROM zone zo
        JOIN admin_unit d ON d.id = zo.district_id
        LEFT JOIN LATERAL (SELECT * FROM zone_occupancy(today) occ WHERE occ.zone_id = zo.id AND detail) o ON true
       WHERE zo.published AND zo.deleted_at IS NULL AND ST_Intersects(zo.boundary, search)
       ORDER BY 1) t;
  ELSIF layer = 'clearance' THEN
    SELECT ST_AsMVT(t, 'clearance', extent, 'geom', 'id') INTO tile FROM (
      SELECT c.id, c.id, c.code, c.status, zo.code AS zone,
             CASE WHEN detail THEN c.name END AS name,
             CASE WHEN detail THEN d.code END AS district,
             CASE WHEN detail THEN c.blocked_reason END AS "blockedReason",
             CASE WHEN detail THEN CAST(round(c.area_ha, 2) AS float8) END AS "areaHa",
             CASE WHEN detail THEN CAST(round(c.cleared_ha, 2) AS float8) END AS "clearedHa",
             CASE WHEN detail THEN CAST(round(100 * c.cleared_ha / nullif(c.area_ha, 0), 1) AS float8) END AS "clearedPct",
             CASE WHEN detail THEN CAST(c.target_date AS text) END AS "targetDate",
             CASE WHEN detail THEN coalesce(c.target_date < today AND c.status <> 'HANDED_OVER', false) END AS overdue,
             ST_AsMVTGeom(CASE WHEN tolerance > 0 THEN ST_SimplifyPreserveTopology(ST_Transform(c.boundary, 3857), tolerance)
                                ELSE ST_Transform(c.boundary, 3857) END, bounds, extent, buffer, true) AS geom
        FROM clearance_phase c
        JOIN zone zo ON zo.id = c.zone_id
        JOIN admin_unit d ON d.id = c.district_id
       WHERE c.deleted_at IS NULL AND zo.published AND zo.deleted_at IS NULL AND ST_Intersects(c.boundary, search)
       ORDER BY 1) t;
  ELSE
    SELECT ST_AsMVT(t, 'districts', extent, 'geom', 'id') INTO tile FROM (
      SELECT d.id, d.id, d.code, d.name_vi AS name, d.boundary_accuracy AS "boundaryAccuracy",
             CASE WHEN detail THEN d.name_en END AS "nameEn",
             CASE WHEN detail THEN d.unit_type END AS "unitType",
             CASE WHEN detail THEN CAST(d.valid_from AS text) END AS "validFrom",
             CASE WHEN detail THEN CAST(d.valid_to AS text) END AS "validTo",
             ST_AsMVTGeom(CASE WHEN tolerance > 0 THEN ST_SimplifyPreserveTopology(ST_Transform(d.boundary, 3857), tolerance)
                                ELSE ST_Transform(d.boundary, 3857) END, bounds, extent, buffer, true) AS geom
        FROM admin_unit d
       WHERE d.level = 'DISTRICT' AND ST_Intersects(d.boundary, search)
       ORDER BY 1) t;
  END IF;
  RETURN coalesce(tile, ''::bytea);
END $$;
