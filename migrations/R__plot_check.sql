-- Repeatable (issue 17): the live definition of the rule that keeps a plot inside its zone and off the other plots. Flyway runs this file after the versioned
-- migrations whenever it changes, so a change to these functions is an edit here, not a new
-- V-migration restating them (the V-migrations keep the history of how they came to be).

-- A plot lies inside its zone and overlaps no other plot of it (1 m² of tolerance each); its area
-- is measured on the ellipsoid. "zone_id + 0" keeps the zone_id index out of the plan, so the
-- spatial index (plot_boundary_idx) finds the few neighbours instead of every plot of the zone.
CREATE OR REPLACE FUNCTION plot_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  zone_boundary geometry;
  outside_m2 float8;
  other record;
BEGIN
  IF NEW.deleted_at IS NOT NULL THEN
    RETURN NEW;
  END IF;
  SELECT boundary INTO zone_boundary FROM zone WHERE id = NEW.zone_id;
  IF zone_boundary IS NULL THEN
    RAISE EXCEPTION 'zone % has no boundary: draw the zone before its plots', NEW.zone_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'plot_inside_zone';
  END IF;
  outside_m2 := ST_Area(ST_Difference(NEW.boundary, zone_boundary)::geography);
  IF outside_m2 > 1 THEN
    RAISE EXCEPTION 'plot % lies % m² outside its zone', NEW.code, round(outside_m2::numeric, 1)
      USING ERRCODE = 'check_violation', CONSTRAINT = 'plot_inside_zone';
  END IF;
  SELECT p.code, ST_Area(ST_Intersection(p.boundary, NEW.boundary)::geography) AS m2 INTO other
    FROM plot p
   WHERE p.zone_id + 0 = NEW.zone_id AND p.id IS DISTINCT FROM NEW.id AND p.deleted_at IS NULL
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
