-- Repeatable (issue 17): the live definition of the vector tiles (MVT) PostGIS makes. Flyway runs this file after the versioned
-- migrations whenever it changes, so a change to these functions is an edit here, not a new
-- V-migration restating them (the V-migrations keep the history of how they came to be).

-- The day tiles describe: the registry's today (registry_today()).
CREATE OR REPLACE FUNCTION mvt_day() RETURNS date LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT registry_today()
$$;

-- The first zoom of each layer; the plots layer draws its zones' outlines from 8 (mvt_plot_level).
CREATE OR REPLACE FUNCTION mvt_min_zoom(layer text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE layer WHEN 'zones' THEN 0 WHEN 'districts' THEN 0 WHEN 'clearance' THEN 8 WHEN 'plots' THEN 8 END
$$;

-- From this zoom on, a tile carries every public attribute of its features.
CREATE OR REPLACE FUNCTION mvt_detail_zoom(layer text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE layer WHEN 'zones' THEN 11 WHEN 'districts' THEN 9 WHEN 'clearance' THEN 11 WHEN 'plots' THEN 14 END
$$;

-- What the plots layer draws at a zoom: zone outlines (8-12), plots merged by status (13), each plot (14+).
CREATE OR REPLACE FUNCTION mvt_plot_level(z integer) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN z >= 14 THEN 'plot' WHEN z >= 13 THEN 'status' WHEN z >= 8 THEN 'zone' END
$$;

-- One tile of a layer as MVT bytes (NULL when empty), for the public: published records only. The
-- plots layer draws by mvt_plot_level(z) zone outlines, plots merged by status (stored per day in
-- plot_zone_outline/plot_status_area, merged here for zones missing there), or plots one by one
-- with every attribute.
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
