-- Plots (lô đất) inside zones, their leases over time, and the land budget of each zone.
-- Fill rate (tỷ lệ lấp đầy) is defined once, in zone_occupancy() below.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Land budget: industrial land for lease (đất công nghiệp cho thuê) and the rest (roads, green,
-- utilities). Fill rate is measured against lease_land_ha.
ALTER TABLE zone
  ADD COLUMN lease_land_ha numeric(10, 2) CHECK (lease_land_ha >= 0),
  ADD COLUMN other_land_ha numeric(10, 2) CHECK (other_land_ha >= 0);

CREATE TABLE plot (
  id          bigserial PRIMARY KEY,
  zone_id     bigint NOT NULL REFERENCES zone (id),
  code        text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
  boundary    geometry(MultiPolygon, 4326) NOT NULL,
  area_ha     numeric(12, 4) NOT NULL,   -- kept by plot_check(): ST_Area on geography
  land_use    text NOT NULL DEFAULT 'INDUSTRIAL' CHECK (land_use IN ('INDUSTRIAL', 'LOGISTICS', 'SERVICE')),
  cleared_on  date,                      -- handed over as clean land (đất sạch); NULL: not cleared
  demo        boolean NOT NULL DEFAULT false,
  note        text,
  version     bigint NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (zone_id, code),
  CONSTRAINT plot_boundary_valid CHECK (ST_IsValid(boundary) AND NOT ST_IsEmpty(boundary))
);
CREATE INDEX plot_zone_idx ON plot (zone_id);
CREATE INDEX plot_boundary_idx ON plot USING gist (boundary);
CREATE TRIGGER plot_touch BEFORE UPDATE ON plot FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- Tolerance for "inside the zone" and "no overlap": one square metre, for rounding at the edges.
CREATE FUNCTION plot_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  zone_boundary geometry;
  outside_m2 float8;
  other record;
BEGIN
  SELECT boundary INTO zone_boundary FROM zone WHERE id = NEW.zone_id;
  IF zone_boundary IS NULL THEN
    RAISE EXCEPTION 'zone % has no boundary: draw the zone before its plots', NEW.zone_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'plot_inside_zone';
  END IF;
  outside_m2 := ST_Area(ST_Difference(NEW.boundary, zone_boundary)::geography);
  IF outside_m2 > 1 THEN
    RAISE EXCEPTION 'plot % lies %.1 m² outside its zone', NEW.code, outside_m2
      USING ERRCODE = 'check_violation', CONSTRAINT = 'plot_inside_zone';
  END IF;
  SELECT p.code, ST_Area(ST_Intersection(p.boundary, NEW.boundary)::geography) AS m2 INTO other
    FROM plot p
   WHERE p.zone_id = NEW.zone_id AND p.id IS DISTINCT FROM NEW.id
     AND ST_Intersects(p.boundary, NEW.boundary)
     AND ST_Area(ST_Intersection(p.boundary, NEW.boundary)::geography) > 1
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'plot % overlaps plot % by % m²', NEW.code, other.code, round(other.m2::numeric, 1)
      USING ERRCODE = 'check_violation', CONSTRAINT = 'plot_no_overlap';
  END IF;
  NEW.area_ha := ST_Area(NEW.boundary::geography) / 10000;
  RETURN NEW;
END $$;
CREATE TRIGGER plot_check BEFORE INSERT OR UPDATE OF boundary, zone_id ON plot
  FOR EACH ROW EXECUTE FUNCTION plot_check();

-- A lease (or a reservation before it) of one plot by one tenant project. A plot is
--   IN_OPERATION on day D when a lease is signed by D, not ended by D and operating from D;
--   LEASED when signed and not ended; RESERVED when reserved and not yet signed or ended;
--   otherwise AVAILABLE_CLEAN when cleared by D, else AVAILABLE_NOT_CLEARED.
CREATE TABLE lease (
  id               bigserial PRIMARY KEY,
  plot_id          bigint NOT NULL REFERENCES plot (id),
  investor_name    text NOT NULL CHECK (length(btrim(investor_name)) > 0),
  investor_country text CHECK (investor_country ~ '^[A-Z]{2}$'),  -- ISO 3166-1 alpha-2
  industry         text,
  capital_amount   numeric(18, 2) CHECK (capital_amount >= 0),
  capital_currency text CHECK (capital_currency IN ('VND', 'USD')),
  reserved_on      date,
  signed_on        date,   -- lease start
  operating_from   date,
  ended_on         date,   -- first day no longer leased (expiry or termination)
  demo             boolean NOT NULL DEFAULT false,
  note             text,
  version          bigint NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT lease_has_start CHECK (reserved_on IS NOT NULL OR signed_on IS NOT NULL),
  CONSTRAINT lease_reserved_before_signed CHECK (reserved_on IS NULL OR signed_on IS NULL OR reserved_on <= signed_on),
  CONSTRAINT lease_operating_after_signed CHECK (operating_from IS NULL OR (signed_on IS NOT NULL AND operating_from >= signed_on)),
  CONSTRAINT lease_ends_after_start CHECK (ended_on IS NULL OR ended_on > coalesce(reserved_on, signed_on)),
  CONSTRAINT lease_capital_currency CHECK ((capital_amount IS NULL) = (capital_currency IS NULL)),
  -- one tenant at a time on a plot
  CONSTRAINT lease_no_overlap EXCLUDE USING gist (
    plot_id WITH =, daterange(coalesce(reserved_on, signed_on), ended_on) WITH &&)
);
CREATE INDEX lease_plot_idx ON lease (plot_id);
CREATE TRIGGER lease_touch BEFORE UPDATE ON lease FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- The status of a plot on a day, from its clearance date and lease history.
CREATE FUNCTION plot_status(p_plot_id bigint, p_cleared_on date, p_day date) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT CASE WHEN l.signed_on <= p_day AND l.operating_from <= p_day THEN 'IN_OPERATION'
                 WHEN l.signed_on <= p_day THEN 'LEASED'
                 ELSE 'RESERVED' END
       FROM lease l
      WHERE l.plot_id = p_plot_id
        AND coalesce(l.reserved_on, l.signed_on) <= p_day
        AND (l.ended_on IS NULL OR l.ended_on > p_day)
      LIMIT 1),
    CASE WHEN p_cleared_on <= p_day THEN 'AVAILABLE_CLEAN' ELSE 'AVAILABLE_NOT_CLEARED' END)
$$;

-- Pre-aggregated lease history: the leased area of each zone after every day on which it
-- changed. Kept in step with plots and leases by the triggers below, so that the fill rate on
-- any day is one index probe per zone.
CREATE TABLE zone_leased_area (
  zone_id   bigint NOT NULL REFERENCES zone (id) ON DELETE CASCADE,
  day       date NOT NULL,
  leased_ha numeric(14, 4) NOT NULL,
  PRIMARY KEY (zone_id, day)
);

CREATE FUNCTION refresh_zone_leased_area(p_zone_ids bigint[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM zone_leased_area WHERE zone_id = ANY (p_zone_ids);
  INSERT INTO zone_leased_area (zone_id, day, leased_ha)
  SELECT zone_id, day, sum(delta) OVER (PARTITION BY zone_id ORDER BY day)
    FROM (SELECT p.zone_id, e.day, sum(e.delta) AS delta
            FROM lease l
            JOIN plot p ON p.id = l.plot_id
           CROSS JOIN LATERAL (VALUES (l.signed_on, p.area_ha), (l.ended_on, -p.area_ha)) AS e (day, delta)
           WHERE p.zone_id = ANY (p_zone_ids) AND l.signed_on IS NOT NULL AND e.day IS NOT NULL
           GROUP BY p.zone_id, e.day) changes;
$$;

CREATE FUNCTION lease_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM refresh_zone_leased_area(ARRAY(SELECT DISTINCT p.zone_id FROM old_rows o JOIN plot p ON p.id = o.plot_id));
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM refresh_zone_leased_area(ARRAY(SELECT DISTINCT p.zone_id FROM new_rows n JOIN plot p ON p.id = n.plot_id));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER lease_inserted AFTER INSERT ON lease REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lease_changed();
CREATE TRIGGER lease_updated AFTER UPDATE ON lease REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lease_changed();
CREATE TRIGGER lease_deleted AFTER DELETE ON lease REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lease_changed();

-- A plot's area or zone changes the leased area of the zones concerned.
CREATE FUNCTION plot_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_zone_leased_area(ARRAY(
    SELECT o.zone_id FROM old_rows o JOIN new_rows n ON n.id = o.id
     WHERE o.area_ha IS DISTINCT FROM n.area_ha OR o.zone_id IS DISTINCT FROM n.zone_id
    UNION
    SELECT n.zone_id FROM old_rows o JOIN new_rows n ON n.id = o.id
     WHERE o.area_ha IS DISTINCT FROM n.area_ha OR o.zone_id IS DISTINCT FROM n.zone_id));
  RETURN NULL;
END $$;
CREATE TRIGGER plot_updated AFTER UPDATE ON plot REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION plot_changed();

-- THE definition of fill rate (tỷ lệ lấp đầy), per zone on a day:
--   leased_ha = area of its plots that are LEASED or IN_OPERATION that day,
--   occupancy_rate = leased_ha / lease_land_ha (industrial land for lease of the land budget).
-- Zones without land for lease have a NULL rate: they are left out of aggregates, never counted
-- as 0. Aggregates weigh by area: sum(leased_ha) / sum(lease_land_ha), never a mean of rates.
CREATE FUNCTION zone_occupancy(p_day date)
RETURNS TABLE (zone_id bigint, lease_land_ha numeric, leased_ha numeric, occupancy_rate numeric)
LANGUAGE sql STABLE AS $$
  SELECT z.id, z.lease_land_ha, coalesce(h.leased_ha, 0),
         CASE WHEN z.lease_land_ha > 0 THEN coalesce(h.leased_ha, 0) / z.lease_land_ha END
    FROM zone z
    LEFT JOIN LATERAL (SELECT a.leased_ha FROM zone_leased_area a
                        WHERE a.zone_id = z.id AND a.day <= p_day
                        ORDER BY a.day DESC LIMIT 1) h ON true
$$;

-- Figures the source documents report (rates, counts, areas), kept beside the computed ones.
CREATE TABLE reported_statistic (
  id          bigserial PRIMARY KEY,
  region_id   bigint NOT NULL REFERENCES admin_unit (id),
  kind        text CHECK (kind IN ('KCN', 'CCN')),
  metric      text NOT NULL CHECK (metric IN ('OCCUPANCY_RATE', 'ZONE_COUNT', 'OPERATING_ZONE_COUNT', 'AREA_HA',
                                               'OPERATING_AREA_HA', 'APPROVED_ZONE_COUNT', 'APPROVED_AREA_HA',
                                               'ENTERPRISES', 'PROJECTS', 'REGISTERED_CAPITAL_BN_VND', 'WORKERS')),
  value       numeric(18, 4) NOT NULL,
  as_of       date NOT NULL,
  description text NOT NULL,
  source      text NOT NULL,
  version     bigint NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_id, kind, metric, as_of, source)
);
CREATE TRIGGER reported_statistic_touch BEFORE UPDATE ON reported_statistic
  FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
