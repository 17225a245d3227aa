-- Vector tiles (Mapbox Vector Tile, EPSG:3857 XYZ tiles) of what the public sees, made by PostGIS
-- from the EPSG:4326 tables:
--   SELECT mvt_tile('plots', 14, 13020, 7202);   -- layer, z, x, y
-- Layers (the layer inside the tile has the same name), their first zoom, and attributes: always
-- at every zoom, + from the layer's detail zoom (mvt_detail_zoom) on. Names are the GeoJSON API's.
--   zones      published, not deleted zones                           from zoom 0
--              id, code, kind, planStatus, boundaryAccuracy
--              + (z >= 11) name, nameEn, district, lifecycle, legalAreaHa, leaseLandHa, leasedHa, occupancyRate
--   districts  district-level units, with their validity dates          from zoom 0
--              id, code, name, boundaryAccuracy + (z >= 9) nameEn, unitType, validFrom, validTo
--   clearance  not deleted clearance phases of published zones         from zoom 8
--              id, code, status, zone + (z >= 11) name, district, blockedReason, areaHa, clearedHa,
--              clearedPct, targetDate, overdue
--   plots      published, not deleted plots of published zones         from zoom 12
--              id, code, status, boundaryAccuracy (the zone's: plots have no survey of their own)
--              + (z >= 14) zone, zoneName, areaHa, landUse, clearedOn, demo
-- The feature id is the record's id. Below a layer's first zoom the tile is empty (an empty
-- bytea). Geometry is clipped to the tile with a buffer of 256/4096 and, below zoom 12,
-- simplified to half a screen pixel (a tile is drawn 256 pixels wide); from zoom 12 on, the
-- snapping to the tile's 4096 grid is the only simplification. An unknown layer or z/x/y out of
-- range raises invalid_parameter_value (22023).
-- Statuses, fill rates and "overdue" are those of today in the province (mvt_day()): a cache of
-- tiles must be dropped when the day changes, as the application's tile cache does.

-- The day tiles describe: today in the province (the application's default registry.time-zone).
CREATE FUNCTION mvt_day() RETURNS date LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CAST(now() AT TIME ZONE 'Asia/Ho_Chi_Minh' AS date)
$$;

CREATE FUNCTION mvt_min_zoom(layer text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE layer WHEN 'zones' THEN 0 WHEN 'districts' THEN 0 WHEN 'clearance' THEN 8 WHEN 'plots' THEN 12 END
$$;

-- From this zoom on, a tile carries every public attribute of its features.
CREATE FUNCTION mvt_detail_zoom(layer text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE layer WHEN 'zones' THEN 11 WHEN 'districts' THEN 9 WHEN 'clearance' THEN 11 WHEN 'plots' THEN 14 END
$$;

CREATE FUNCTION mvt_tile(layer text, z integer, x integer, y integer) RETURNS bytea
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  max_zoom CONSTANT integer := 22;
  extent CONSTANT integer := 4096;
  buffer CONSTANT integer := 256;
  bounds geometry;     -- the tile, EPSG:3857
  search geometry;     -- the tile and its buffer, EPSG:4326, for the spatial index
  tolerance float8;    -- metres; 0: no simplification
  detail boolean;
  today date := mvt_day();
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
  search := ST_Transform(ST_TileEnvelope(z, x, y, margin => buffer::float8 / extent), 4326);
  tolerance := CASE WHEN z < 12 THEN (ST_XMax(bounds) - ST_XMin(bounds)) / 512 ELSE 0 END;
  detail := z >= mvt_detail_zoom(layer);

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
  ELSIF layer = 'plots' THEN
    SELECT ST_AsMVT(t, 'plots', extent, 'geom', 'id') INTO tile FROM (
      SELECT p.id, p.id, p.code, s.status, zo.boundary_accuracy AS "boundaryAccuracy",
             CASE WHEN detail THEN zo.code END AS zone,
             CASE WHEN detail THEN zo.name_vi END AS "zoneName",
             CASE WHEN detail THEN CAST(round(p.area_ha, 4) AS float8) END AS "areaHa",
             CASE WHEN detail THEN p.land_use END AS "landUse",
             CASE WHEN detail THEN CAST(p.cleared_on AS text) END AS "clearedOn",
             CASE WHEN detail THEN p.demo END AS demo,
             ST_AsMVTGeom(CASE WHEN tolerance > 0 THEN ST_SimplifyPreserveTopology(ST_Transform(p.boundary, 3857), tolerance)
                                ELSE ST_Transform(p.boundary, 3857) END, bounds, extent, buffer, true) AS geom
        FROM plot p
        JOIN zone zo ON zo.id = p.zone_id
       CROSS JOIN LATERAL (SELECT plot_status(p.id, p.cleared_on, today) AS status) s
       WHERE p.published AND p.deleted_at IS NULL AND zo.published AND zo.deleted_at IS NULL
         AND ST_Intersects(p.boundary, search)
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
