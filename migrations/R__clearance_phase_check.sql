-- Repeatable (issue 17): the live definition of the rule that keeps a clearance phase inside its zone and district. Flyway runs this file after the versioned
-- migrations whenever it changes, so a change to these functions is an edit here, not a new
-- V-migration restating them (the V-migrations keep the history of how they came to be).

-- A phase lies inside its zone, and inside its recorded district when it has one; its area is
-- measured on the ellipsoid.
CREATE OR REPLACE FUNCTION clearance_phase_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  outside_m2 float8;
BEGIN
  SELECT ST_Area(ST_Difference(NEW.boundary, z.boundary)::geography) INTO outside_m2 FROM zone z WHERE z.id = NEW.zone_id;
  IF outside_m2 IS NULL OR outside_m2 > 1 THEN
    RAISE EXCEPTION 'clearance phase % lies % m² outside its zone', NEW.code, round(coalesce(outside_m2, 0)::numeric, 1)
      USING ERRCODE = 'check_violation', CONSTRAINT = 'clearance_inside_zone';
  END IF;
  IF NEW.district_id IS NOT NULL THEN
    SELECT ST_Area(ST_Difference(NEW.boundary, d.boundary)::geography) INTO outside_m2
      FROM admin_unit d WHERE d.id = NEW.district_id AND d.level = 'DISTRICT';
    IF outside_m2 IS NULL OR outside_m2 > 1 THEN
      RAISE EXCEPTION 'clearance phase % lies outside district % (or that unit is not a district)', NEW.code, NEW.district_id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'clearance_inside_district';
    END IF;
  END IF;
  NEW.area_ha := ST_Area(NEW.boundary::geography) / 10000;
  RETURN NEW;
END $$;
