-- Faster plot tiles (issue 8): mvt_tile('plots', ...) of V10 spent most of its time on three things
-- per plot: plot_status() (a SQL function call, not inlinable, with its own query on lease),
-- ST_Transform to EPSG:3857, and the exact ST_Intersects with the tile; and PostgreSQL compiled the
-- query with JIT on every call (ST_Transform's cost of 10,000 puts any tile above jit_above_cost).
-- Here:
--   * plot.boundary_3857, the boundary in EPSG:3857 kept by PostgreSQL (a generated column) with
--     its own GiST index: tiles read it as it is and search it with the tile's own envelope;
--   * plot.last_lease_from, last_lease_signed_on, last_lease_operating_from: the plot's latest lease
--     (the one that starts last; its end is committed_until, V8), kept by the lease triggers with
--     committed_until. plot_status_by_last_lease() gives from them what plot_status() gives, without
--     reading lease, for every day on or after the latest lease's start (leases of a plot never
--     overlap, so no other lease can hold such a day); for an earlier day it asks plot_status();
--   * tiles carry a buffer of 64/4096 (4 pixels of a 256-pixel tile) instead of 256/4096;
--   * plots tiles below the detail zoom select only the attributes they write;
--   * mvt_tile runs without JIT.
-- The features and attributes of the tiles are otherwise those of V10.

-- The boundary in Web Mercator, for tiles. Never written by hand, never in the history: it is the
-- boundary's, transformed.
ALTER TABLE plot ADD COLUMN boundary_3857 geometry(MultiPolygon, 3857)
  GENERATED ALWAYS AS (ST_Transform(boundary, 3857)) STORED;
CREATE INDEX plot_boundary_3857_idx ON plot USING gist (boundary_3857);

-- The latest lease of the plot (by start: reserved_on, else signed_on); NULL when never let.
ALTER TABLE plot
  ADD COLUMN last_lease_from date,
  ADD COLUMN last_lease_signed_on date,
  ADD COLUMN last_lease_operating_from date;

CREATE OR REPLACE FUNCTION refresh_plot_commitment(p_plot_ids bigint[]) RETURNS void LANGUAGE sql AS $$
  UPDATE plot p
     SET committed_until = c.until, last_lease_from = c.lease_from, last_lease_signed_on = c.signed_on,
         last_lease_operating_from = c.operating_from
    FROM (SELECT q.id, (SELECT max(coalesce(l.ended_on, 'infinity'::date)) FROM lease l WHERE l.plot_id = q.id) AS until,
                 last.lease_from, last.signed_on, last.operating_from
            FROM plot q
            LEFT JOIN LATERAL (SELECT coalesce(l.reserved_on, l.signed_on) AS lease_from, l.signed_on, l.operating_from
                                 FROM lease l WHERE l.plot_id = q.id
                                ORDER BY coalesce(l.reserved_on, l.signed_on) DESC LIMIT 1) last ON true
           WHERE q.id = ANY (p_plot_ids)) c
   WHERE p.id = c.id
     AND (p.committed_until, p.last_lease_from, p.last_lease_signed_on, p.last_lease_operating_from)
         IS DISTINCT FROM (c.until, c.lease_from, c.signed_on, c.operating_from);
$$;

-- The status of a plot on a day (as plot_status() defines it) from the plot's own columns: the
-- latest lease holds the day when it started by then and has not ended; if it started by then and
-- ended, no lease holds the day. Inlined by the planner (a plain expression): no call per row.
CREATE FUNCTION plot_status_by_last_lease(p_plot_id bigint, p_cleared_on date, p_last_lease_from date,
    p_last_lease_signed_on date, p_last_lease_operating_from date, p_committed_until date, p_day date)
RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN p_last_lease_from IS NULL OR (p_last_lease_from <= p_day AND p_committed_until <= p_day) THEN
      CASE WHEN p_cleared_on <= p_day THEN 'AVAILABLE_CLEAN' ELSE 'AVAILABLE_NOT_CLEARED' END
    WHEN p_last_lease_from <= p_day THEN
      CASE WHEN p_last_lease_signed_on <= p_day AND p_last_lease_operating_from <= p_day THEN 'IN_OPERATION'
           WHEN p_last_lease_signed_on <= p_day THEN 'LEASED'
           ELSE 'RESERVED' END
    ELSE plot_status(p_plot_id, p_cleared_on, p_day)  -- before the latest lease: the earlier ones decide
  END
$$;

-- Filled once for the plots there are, without their triggers: this is no edit of theirs (no
-- history row, updated_at unchanged).
ALTER TABLE plot DISABLE TRIGGER plot_touch, DISABLE TRIGGER plot_history, DISABLE TRIGGER plot_updated;
UPDATE plot p
   SET last_lease_from = l.lease_from, last_lease_signed_on = l.signed_on, last_lease_operating_from = l.operating_from
  FROM (SELECT DISTINCT ON (plot_id) plot_id, coalesce(reserved_on, signed_on) AS lease_from, signed_on, operating_from
          FROM lease ORDER BY plot_id, coalesce(reserved_on, signed_on) DESC) l
 WHERE l.plot_id = p.id;
ALTER TABLE plot ENABLE TRIGGER plot_touch, ENABLE TRIGGER plot_history, ENABLE TRIGGER plot_updated;

-- The history keeps what people changed: not the 3857 copy of a boundary (it would double every
-- plot's history row), and, like committed_until, not the latest lease's dates (a lease's own
-- history row records that change).
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
  RETURN NULL;
END $$;

-- Drafts hold what a change sets, and nobody sets the 3857 copy.
CREATE OR REPLACE FUNCTION row_changes(p_before jsonb, p_after jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_object_agg(k, p_after -> k), '{}'::jsonb)
    FROM jsonb_object_keys(p_after) k
   WHERE k NOT IN ('id', 'version', 'created_at', 'updated_at', 'boundary_3857') AND (p_before -> k) IS DISTINCT FROM (p_after -> k)
$$;

-- mvt_tile as in V10 (see its header for the layers, zooms and attributes), with a buffer of
-- 64/4096, plots read from boundary_3857 and plot_status_by_last_lease(), and no JIT.
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
  margin := ST_TileEnvelope(z, x, y, margin => buffer::float8 / extent);
  tolerance := CASE WHEN z < 12 THEN (ST_XMax(bounds) - ST_XMin(bounds)) / 512 ELSE 0 END;
  detail := z >= mvt_detail_zoom(layer);

  -- Plots: the index on boundary_3857 finds those whose box meets the tile and its buffer;
  -- ST_AsMVTGeom clips them to it and gives NULL for any that does not reach it (a row ST_AsMVT
  -- leaves out), so no exact intersection test is needed first. Below the detail zoom, only the
  -- attributes written are selected.
  IF layer = 'plots' AND detail THEN
    SELECT ST_AsMVT(t, 'plots', extent, 'geom', 'id') INTO tile FROM (
      SELECT p.id, p.id, p.code,
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
  ELSIF layer = 'plots' THEN
    SELECT ST_AsMVT(t, 'plots', extent, 'geom', 'id') INTO tile FROM (
      SELECT p.id, p.id, p.code,
             plot_status_by_last_lease(p.id, p.cleared_on, p.last_lease_from, p.last_lease_signed_on,
                                       p.last_lease_operating_from, p.committed_until, today) AS status,
             zo.boundary_accuracy AS "boundaryAccuracy",
             ST_AsMVTGeom(p.boundary_3857, bounds, extent, buffer, true) AS geom
        FROM plot p
        JOIN zone zo ON zo.id = p.zone_id
       WHERE p.published AND p.deleted_at IS NULL AND zo.published AND zo.deleted_at IS NULL
         AND p.boundary_3857 && margin
       ORDER BY 1) t;
    RETURN coalesce(tile, ''::bytea);
  END IF;

  search := ST_Transform(margin, 4326);
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
