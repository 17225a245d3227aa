-- What investors compare between sites (issue 15): distances to the places that matter to them,
-- the utilities of a zone and how long its land can be held. The price stays on zone
-- (lease_price_min_usd/max_usd, V8): no price means "on request".

-- Places a site is measured from: the capital, the airport, the sea port, the expressway exits.
-- Kept as data with where each position comes from; distances are computed in PostGIS on the
-- geography, and drive times are an estimate the portal states (no routing engine).
CREATE TABLE place (
  id         bigserial PRIMARY KEY,
  code       text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]*$'),
  kind       text NOT NULL CHECK (kind IN ('CITY', 'AIRPORT', 'SEAPORT', 'EXPRESSWAY_EXIT')),
  name_vi    text NOT NULL,
  name_en    text NOT NULL,
  location   geometry(Point, 4326) NOT NULL,
  source     text NOT NULL,
  demo       boolean NOT NULL DEFAULT false,
  version    bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX place_location_idx ON place USING gist (location);
CREATE TRIGGER place_touch BEFORE UPDATE ON place FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- The nearest place of each kind to a shape, in km along the ground (straight line).
CREATE FUNCTION nearest_places(p_shape geometry) RETURNS TABLE (kind text, code text, name_vi text, name_en text,
  km numeric, demo boolean) LANGUAGE sql STABLE AS $$
  SELECT DISTINCT ON (pl.kind) pl.kind, pl.code, pl.name_vi, pl.name_en,
         round(CAST(ST_Distance(pl.location::geography, p_shape::geography) / 1000 AS numeric), 1), pl.demo
    FROM place pl
   ORDER BY pl.kind, ST_Distance(pl.location::geography, p_shape::geography), pl.code
$$;

-- A zone's utilities and the term of its land. Each figure's origin is in sources (a seed
-- citation, or a value starting with "demo" for a figure made up for the demonstration).
CREATE TABLE zone_utilities (
  zone_id           bigint PRIMARY KEY REFERENCES zone (id),
  power_mva         numeric(8, 1) CHECK (power_mva > 0),          -- substation capacity serving the zone
  water_m3_day      numeric(10) CHECK (water_m3_day > 0),         -- clean water supply
  wastewater_m3_day numeric(10) CHECK (wastewater_m3_day > 0),    -- central wastewater treatment
  telecom_fibre     boolean,                                      -- fibre to the plots
  land_term_until   date,                                         -- land may be sub-let until then (tenure)
  sources           jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(sources) = 'object'),
  version           bigint NOT NULL DEFAULT 0,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER zone_utilities_touch BEFORE UPDATE ON zone_utilities FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
