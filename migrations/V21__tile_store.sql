-- The published tile pyramid, kept in PostGIS (issue 16): every non-empty tile the application
-- makes up to the store's zoom is kept here with the day it describes, so that a restart or a
-- second application instance does not start cold. It is a cache: it can be emptied at any time
-- (TRUNCATE tile_store) and is made again from mvt_tile().
--
-- Writers take an advisory lock on TILE_STORE_LOCK (see tiles/TileStore): makers of tiles in
-- shared mode around mvt_tile() and their insert, and the invalidation after a change in exclusive
-- mode around its delete. So a tile made from data older than a change is either in the table
-- before that change's delete runs (and deleted by it), or made after it (and current).

CREATE TABLE tile_store (
  layer text NOT NULL,
  z smallint NOT NULL,
  x integer NOT NULL,
  y integer NOT NULL,
  day date NOT NULL,          -- the mvt_day() the tile describes (statuses, fill rates, overdue)
  tile bytea NOT NULL,
  made_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (layer, z, x, y)
);

-- What the table reflects: the last change_history id whose edits it has had deleted, and the
-- administrative units as they were (they have no history). Read at start-up to catch up with
-- changes made while no instance ran.
CREATE TABLE tile_store_state (
  id integer PRIMARY KEY CHECK (id = 1),
  last_history_id bigint NOT NULL,
  units text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The changes (change_history ids) whose tiles were deleted: each is applied once, by the first
-- instance that sees it; another instance seeing it later must not delete tiles made since, which
-- already show it. Rows older than a week are pruned.
CREATE TABLE tile_store_change (
  history_id bigint PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
);

-- The tiles of zoom z that a lon/lat box meets: x from the west, y from the north (XYZ).
CREATE FUNCTION tile_cover(box box2d, z integer) RETURNS TABLE (x integer, y integer)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH n AS (SELECT 2 ^ z AS n,
                    radians(greatest(-85.0511287798066, least(85.0511287798066, ST_YMax(box)))) AS north,
                    radians(greatest(-85.0511287798066, least(85.0511287798066, ST_YMin(box)))) AS south),
  r AS (SELECT greatest(0, floor((ST_XMin(box) + 180) / 360 * n))::int AS x0,
               least(n - 1, floor((ST_XMax(box) + 180) / 360 * n))::int AS x1,
               greatest(0, floor((1 - ln(tan(north) + 1 / cos(north)) / pi()) / 2 * n))::int AS y0,
               least(n - 1, floor((1 - ln(tan(south) + 1 / cos(south)) / pi()) / 2 * n))::int AS y1
          FROM n)
  SELECT gx, gy FROM r, generate_series(r.x0, r.x1) gx, generate_series(r.y0, r.y1) gy
$$;
