-- Administrative units are data, not code: a unit has a validity period and may be succeeded
-- by one or more units (Vietnam merged provinces and abolished districts in 2025).
CREATE EXTENSION IF NOT EXISTS postgis;

-- Keeps updated_at honest on every editable table.
CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END $$;

CREATE TABLE admin_unit (
  id                bigserial PRIMARY KEY,
  code              text NOT NULL UNIQUE,
  level             text NOT NULL CHECK (level IN ('PROVINCE', 'DISTRICT', 'COMMUNE')),
  unit_type         text NOT NULL,  -- tỉnh, thành phố, thị xã, huyện, xã, phường, thị trấn
  name_vi           text NOT NULL,
  name_en           text,
  parent_id         bigint REFERENCES admin_unit (id),
  valid_from        date,           -- NULL: in force since before the registry's records
  valid_to          date,           -- last day in force; NULL: still in force
  boundary          geometry(MultiPolygon, 4326),
  boundary_accuracy text NOT NULL DEFAULT 'APPROXIMATE' CHECK (boundary_accuracy IN ('SURVEYED', 'APPROXIMATE')),
  boundary_note     text,
  source            text,
  version           bigint NOT NULL DEFAULT 0,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT admin_unit_validity CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from),
  CONSTRAINT admin_unit_boundary_valid CHECK (boundary IS NULL OR ST_IsValid(boundary)),
  CONSTRAINT admin_unit_not_own_parent CHECK (parent_id <> id)
);
CREATE INDEX admin_unit_parent_idx ON admin_unit (parent_id);
CREATE INDEX admin_unit_level_idx ON admin_unit (level);
CREATE INDEX admin_unit_boundary_idx ON admin_unit USING gist (boundary);
CREATE TRIGGER admin_unit_touch BEFORE UPDATE ON admin_unit
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- Who took over from whom, and when: a merge is several rows with one successor,
-- a split several rows with one predecessor.
CREATE TABLE admin_unit_succession (
  predecessor_id bigint NOT NULL REFERENCES admin_unit (id),
  successor_id   bigint NOT NULL REFERENCES admin_unit (id),
  effective_on   date NOT NULL,
  legal_basis    text,
  PRIMARY KEY (predecessor_id, successor_id),
  CHECK (predecessor_id <> successor_id)
);
CREATE INDEX admin_unit_succession_successor_idx ON admin_unit_succession (successor_id);
