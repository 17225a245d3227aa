-- Imports: a file is read into a batch of staged features, checked, shown to the editor, and only
-- then written to the registry in one transaction. Staged rows never touch the registry's tables.
CREATE TABLE import_batch (
  id             bigserial PRIMARY KEY,
  target         text NOT NULL CHECK (target IN ('ZONE', 'PLOT', 'CLEARANCE_PHASE', 'ADMIN_UNIT')),
  file_name      text NOT NULL,
  checksum       text NOT NULL,             -- SHA-256 of the uploaded file, hex
  size_bytes     bigint NOT NULL,
  format         text,                      -- GDAL's driver name
  layer_name     text,
  crs            text,                      -- how the source coordinates were read, e.g. EPSG:9214
  crs_origin     text,                      -- CHOSEN, FILE or ASSUMED
  status         text NOT NULL CHECK (status IN ('READING', 'READY', 'FAILED', 'COMMITTING', 'COMMITTED', 'DISCARDED')),
  progress_done  integer NOT NULL DEFAULT 0,
  progress_total integer,
  message        text,                      -- why it failed, in words
  fields         jsonb NOT NULL DEFAULT '[]'::jsonb,  -- the file's attribute names
  mapping        jsonb NOT NULL DEFAULT '{}'::jsonb,  -- registry field -> file attribute
  options        jsonb NOT NULL DEFAULT '{}'::jsonb,  -- e.g. boundary accuracy of new shapes
  summary        jsonb,
  checked_stamp  text,                      -- the registry's state when the report was worked out
  created_by     text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  committed_by   text,
  committed_at   timestamptz
);

CREATE TABLE import_feature (
  batch_id    bigint NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
  n           integer NOT NULL,              -- 1-based position in the file
  properties  jsonb NOT NULL DEFAULT '{}'::jsonb,
  source_json text,                          -- the geometry as GDAL wrote it
  source_geom geometry,                      -- as read, in the file's coordinates (SRID 0)
  geom        geometry(Geometry, 4326),      -- transformed to storage; polygons made multi
  code        text,                          -- the mapped code
  match_id    bigint,                        -- the existing record with that code
  action      text CHECK (action IN ('CREATE', 'UPDATE')),
  shift_m     float8,                        -- for an update: largest distance between old and new shape
  area_ha     float8,
  problems    jsonb NOT NULL DEFAULT '[]'::jsonb,  -- [{level: ERROR|WARNING, rule, message}]
  PRIMARY KEY (batch_id, n)
);
CREATE INDEX import_feature_geom_idx ON import_feature USING gist (geom);
CREATE INDEX import_feature_code_idx ON import_feature (batch_id, code);

-- Readers of staged values that answer NULL for what they cannot read, so that one bad cell is a
-- problem of its feature, never the failure of the whole file.
CREATE FUNCTION import_geometry(p_geojson text) RETURNS geometry LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN ST_Force2D(ST_GeomFromGeoJSON(p_geojson));
EXCEPTION WHEN others THEN
  RETURN NULL;
END $$;

CREATE FUNCTION import_date(p_text text) RETURNS date LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF p_text ~ '^\d{4}[-/]\d{1,2}[-/]\d{1,2}' THEN
    RETURN to_date(substr(replace(p_text, '/', '-'), 1, 10), 'YYYY-MM-DD');
  ELSIF p_text ~ '^\d{1,2}/\d{1,2}/\d{4}$' THEN
    RETURN to_date(p_text, 'DD/MM/YYYY');  -- the Vietnamese order
  END IF;
  RETURN NULL;
EXCEPTION WHEN others THEN
  RETURN NULL;
END $$;

CREATE FUNCTION import_number(p_text text) RETURNS numeric LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF p_text ~ '^\s*-?\d+,\d+\s*$' THEN
    RETURN replace(p_text, ',', '.')::numeric;  -- a decimal comma
  END IF;
  RETURN p_text::numeric;
EXCEPTION WHEN others THEN
  RETURN NULL;
END $$;

-- Administrative units are imported too: their changes enter the same history, with the import
-- as the reason, as those of zones, plots, leases and clearance phases do.
CREATE TRIGGER admin_unit_history AFTER INSERT OR UPDATE OR DELETE ON admin_unit
  FOR EACH ROW EXECUTE FUNCTION record_change();
