-- Targets of the province plans (counts and hectares of KCN/CCN), kept apart from zone rows.
CREATE TABLE plan_target (
  id            bigserial PRIMARY KEY,
  region_id     bigint NOT NULL REFERENCES admin_unit (id),
  kind          text NOT NULL CHECK (kind IN ('KCN', 'CCN')),
  target_year   integer NOT NULL CHECK (target_year BETWEEN 2000 AND 2100),
  -- TOTAL: zones in the plan by that year; NEW / EXPANDED / MERGED_INTO_KCN / REMOVED: changes
  -- over the plan period; ADDED: area those changes add; NEW_IN_USE: extra zones in use by then
  metric        text NOT NULL CHECK (metric IN ('TOTAL', 'NEW', 'EXPANDED', 'MERGED_INTO_KCN', 'REMOVED', 'ADDED', 'NEW_IN_USE')),
  comparison    text NOT NULL DEFAULT 'EQUAL' CHECK (comparison IN ('EQUAL', 'AT_LEAST')),
  zone_count    integer CHECK (zone_count >= 0),
  area_ha       numeric(10, 2) CHECK (area_ha >= 0),
  description   text NOT NULL,
  source        text NOT NULL,
  version       bigint NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT plan_target_has_figure CHECK (zone_count IS NOT NULL OR area_ha IS NOT NULL),
  UNIQUE (region_id, kind, target_year, metric)
);
CREATE TRIGGER plan_target_touch BEFORE UPDATE ON plan_target
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
