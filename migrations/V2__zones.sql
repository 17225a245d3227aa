-- Industrial zones (KCN) and clusters (CCN).
CREATE TABLE zone (
  id                bigserial PRIMARY KEY,
  kind              text NOT NULL CHECK (kind IN ('KCN', 'CCN')),
  code              text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9-]*$'),
  name_vi           text NOT NULL,
  name_en           text,
  district_id       bigint NOT NULL REFERENCES admin_unit (id),
  communes          text,           -- where the zone lies, as the plans name it
  plan_status       text NOT NULL CHECK (plan_status IN ('EXISTING', 'NEW', 'EXPANDED', 'MERGED_INTO_KCN', 'REMOVED')),
  lifecycle         text CHECK (lifecycle IN ('PLANNED', 'APPROVED', 'UNDER_CONSTRUCTION', 'OPERATING')),
  legal_area_ha     numeric(10, 2) CHECK (legal_area_ha > 0),
  boundary          geometry(MultiPolygon, 4326),
  boundary_accuracy text NOT NULL DEFAULT 'APPROXIMATE' CHECK (boundary_accuracy IN ('SURVEYED', 'APPROXIMATE')),
  boundary_note     text,           -- how the boundary was drawn, when not surveyed
  developer         text,           -- chủ đầu tư hạ tầng
  decision_no       text,           -- establishing decision
  decision_date     date,
  note              text,
  source            text NOT NULL,  -- seed file:line (or document) where the zone is named
  figure_sources    jsonb NOT NULL DEFAULT '{}'::jsonb,  -- citation of each figure, by property name
  version           bigint NOT NULL DEFAULT 0,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT zone_boundary_valid CHECK (boundary IS NULL OR ST_IsValid(boundary)),
  CONSTRAINT zone_decision_complete CHECK (decision_date IS NULL OR decision_no IS NOT NULL),
  CONSTRAINT zone_figure_sources_object CHECK (jsonb_typeof(figure_sources) = 'object')
);
CREATE INDEX zone_boundary_idx ON zone USING gist (boundary);
CREATE INDEX zone_district_idx ON zone (district_id);
CREATE INDEX zone_kind_status_idx ON zone (kind, plan_status);
CREATE TRIGGER zone_touch BEFORE UPDATE ON zone
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
