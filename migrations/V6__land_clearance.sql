-- Land clearance (GPMB: bồi thường, giải phóng mặt bằng) by phase. Every change of a phase is an
-- event; the phase row holds the state after its latest event and is written in the same
-- transaction as the event, so history and state cannot disagree (clearance_phase_in_step).
CREATE TABLE clearance_phase (
  id                    bigserial PRIMARY KEY,
  zone_id               bigint NOT NULL REFERENCES zone (id),
  district_id           bigint NOT NULL REFERENCES admin_unit (id),  -- the district people's committee in charge
  code                  text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]*$'),
  name                  text NOT NULL,
  boundary              geometry(MultiPolygon, 4326) NOT NULL,
  area_ha               numeric(12, 4) NOT NULL,   -- area to clear, kept by clearance_phase_check()
  target_date           date,
  -- state after the latest event
  status                text NOT NULL DEFAULT 'NOT_STARTED'
                        CHECK (status IN ('NOT_STARTED', 'INVENTORY', 'PLAN_APPROVED', 'PAYING', 'HANDED_OVER', 'BLOCKED')),
  blocked_reason        text,
  cleared_ha            numeric(12, 4) NOT NULL DEFAULT 0 CHECK (cleared_ha >= 0),
  households_affected   integer CHECK (households_affected >= 0),
  households_relocated  integer CHECK (households_relocated >= 0),
  plan_decision_no      text,      -- compensation plan approval (phương án bồi thường)
  plan_decision_date    date,
  amount_planned_vnd    numeric(18, 0) CHECK (amount_planned_vnd >= 0),
  amount_paid_vnd       numeric(18, 0) NOT NULL DEFAULT 0 CHECK (amount_paid_vnd >= 0),
  last_event_on         date,
  demo                  boolean NOT NULL DEFAULT false,
  source                text,      -- citation where a seed gives the figure
  note                  text,
  version               bigint NOT NULL DEFAULT 0,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  UNIQUE (zone_id, code),
  CONSTRAINT clearance_phase_boundary_valid CHECK (ST_IsValid(boundary) AND NOT ST_IsEmpty(boundary)),
  CONSTRAINT clearance_cleared_within_area CHECK (cleared_ha <= area_ha + 0.0001),
  CONSTRAINT clearance_relocated_within_affected CHECK (households_relocated IS NULL OR households_affected IS NULL
                                                       OR households_relocated <= households_affected),
  CONSTRAINT clearance_blocked_has_reason CHECK ((status = 'BLOCKED') = (blocked_reason IS NOT NULL)),
  CONSTRAINT clearance_handed_over_is_cleared CHECK (status <> 'HANDED_OVER' OR cleared_ha >= area_ha - 0.0001)
);
CREATE INDEX clearance_phase_zone_idx ON clearance_phase (zone_id);
CREATE INDEX clearance_phase_district_idx ON clearance_phase (district_id);
CREATE INDEX clearance_phase_boundary_idx ON clearance_phase USING gist (boundary);
CREATE TRIGGER clearance_phase_touch BEFORE UPDATE ON clearance_phase FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- A phase lies inside its zone and inside its district (one square metre of tolerance).
CREATE FUNCTION clearance_phase_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  outside_m2 float8;
BEGIN
  SELECT ST_Area(ST_Difference(NEW.boundary, z.boundary)::geography) INTO outside_m2 FROM zone z WHERE z.id = NEW.zone_id;
  IF outside_m2 IS NULL OR outside_m2 > 1 THEN
    RAISE EXCEPTION 'clearance phase % lies % m² outside its zone', NEW.code, round(coalesce(outside_m2, 0)::numeric, 1)
      USING ERRCODE = 'check_violation', CONSTRAINT = 'clearance_inside_zone';
  END IF;
  SELECT ST_Area(ST_Difference(NEW.boundary, d.boundary)::geography) INTO outside_m2
    FROM admin_unit d WHERE d.id = NEW.district_id AND d.level = 'DISTRICT';
  IF outside_m2 IS NULL OR outside_m2 > 1 THEN
    RAISE EXCEPTION 'clearance phase % lies outside district % (or that unit is not a district)', NEW.code, NEW.district_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'clearance_inside_district';
  END IF;
  NEW.area_ha := ST_Area(NEW.boundary::geography) / 10000;
  RETURN NEW;
END $$;
CREATE TRIGGER clearance_phase_check BEFORE INSERT OR UPDATE OF boundary, zone_id, district_id ON clearance_phase
  FOR EACH ROW EXECUTE FUNCTION clearance_phase_check();

-- One recorded step of a phase: who, when, what changed (old → new), with an optional attachment.
CREATE TABLE clearance_event (
  id              bigserial PRIMARY KEY,
  phase_id        bigint NOT NULL REFERENCES clearance_phase (id),
  event_date      date NOT NULL,                 -- when it happened on the ground
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  author          text NOT NULL CHECK (length(btrim(author)) > 0),
  old_values      jsonb NOT NULL,
  new_values      jsonb NOT NULL,
  reason          text,
  attachment_ref  text,                          -- e.g. the number of a minutes or decision
  note            text,
  demo            boolean NOT NULL DEFAULT false
);
CREATE INDEX clearance_event_phase_idx ON clearance_event (phase_id, event_date, id);

-- The state an event records: what the phase holds after (or before) it.
CREATE FUNCTION clearance_snapshot(p clearance_phase) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object('status', p.status, 'blockedReason', p.blocked_reason, 'clearedHa', p.cleared_ha,
    'householdsAffected', p.households_affected, 'householdsRelocated', p.households_relocated,
    'planDecisionNo', p.plan_decision_no, 'planDecisionDate', p.plan_decision_date,
    'amountPlannedVnd', p.amount_planned_vnd, 'amountPaidVnd', p.amount_paid_vnd, 'targetDate', p.target_date)
$$;

-- History is kept, never rewritten. The one exception: the demo loader (gis/demo) may remove
-- its own demo events when it reloads, and says so with the setting registry.reload_demo.
CREATE FUNCTION clearance_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.demo AND current_setting('registry.reload_demo', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'clearance events are history: record a new event instead of changing or deleting one'
    USING ERRCODE = 'check_violation', CONSTRAINT = 'clearance_event_append_only';
END $$;
CREATE TRIGGER clearance_event_append_only BEFORE UPDATE OR DELETE ON clearance_event
  FOR EACH ROW EXECUTE FUNCTION clearance_event_append_only();

-- At commit, a phase holds exactly what its latest event records, and has at least one event
-- (the first one registers it).
CREATE FUNCTION clearance_in_step() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  phase clearance_phase;
  latest jsonb;
BEGIN
  -- NEW is an event or a phase; each branch names only the fields its record has
  IF TG_TABLE_NAME = 'clearance_event' THEN
    SELECT * INTO phase FROM clearance_phase WHERE id = NEW.phase_id;
  ELSE
    SELECT * INTO phase FROM clearance_phase WHERE id = NEW.id;
  END IF;
  SELECT e.new_values INTO latest FROM clearance_event e
   WHERE e.phase_id = phase.id ORDER BY e.event_date DESC, e.id DESC LIMIT 1;
  IF latest IS NULL THEN
    RAISE EXCEPTION 'clearance phase % has no event: register it with a first event', phase.code
      USING ERRCODE = 'check_violation', CONSTRAINT = 'clearance_phase_in_step';
  END IF;
  IF latest IS DISTINCT FROM clearance_snapshot(phase) THEN
    RAISE EXCEPTION 'clearance phase % does not hold what its latest event records', phase.code
      USING ERRCODE = 'check_violation', CONSTRAINT = 'clearance_phase_in_step';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER clearance_phase_in_step AFTER INSERT OR UPDATE ON clearance_phase
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION clearance_in_step();
CREATE CONSTRAINT TRIGGER clearance_event_in_step AFTER INSERT ON clearance_event
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION clearance_in_step();

-- State of the phases on a day, replayed from the events: the values after each phase's latest
-- event up to that day. A phase registered (first event) after the day is absent.
CREATE FUNCTION clearance_state(p_day date)
RETURNS TABLE (phase_id bigint, status text, blocked_reason text, cleared_ha numeric, households_affected integer,
               households_relocated integer, amount_planned_vnd numeric, amount_paid_vnd numeric, target_date date,
               last_event_on date)
LANGUAGE sql STABLE AS $$
  SELECT p.id, e.new_values ->> 'status', e.new_values ->> 'blockedReason', (e.new_values ->> 'clearedHa')::numeric,
         (e.new_values ->> 'householdsAffected')::integer, (e.new_values ->> 'householdsRelocated')::integer,
         (e.new_values ->> 'amountPlannedVnd')::numeric, (e.new_values ->> 'amountPaidVnd')::numeric,
         (e.new_values ->> 'targetDate')::date, e.event_date
    FROM clearance_phase p
   CROSS JOIN LATERAL (SELECT ev.new_values, ev.event_date FROM clearance_event ev
                        WHERE ev.phase_id = p.id AND ev.event_date <= p_day
                        ORDER BY ev.event_date DESC, ev.id DESC LIMIT 1) e
$$;
