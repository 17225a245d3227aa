-- Repeatable (issue 17): the live definition of a zone's fill (occupancy) rate on a day. Flyway runs this file after the versioned
-- migrations whenever it changes, so a change to these functions is an edit here, not a new
-- V-migration restating them (the V-migrations keep the history of how they came to be).

-- The leased area of each zone after every day on which it changed, with the next such day: a
-- lease counts from its signing until it ended (signed and in force, as lease_in_force and
-- signed_on <= day say it). Kept in step with plots and leases by the triggers of V4, so that the
-- rate on any day is one index probe per zone.
CREATE OR REPLACE FUNCTION refresh_zone_leased_area(p_zone_ids bigint[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM zone_leased_area WHERE zone_id = ANY (p_zone_ids);
  INSERT INTO zone_leased_area (zone_id, day, leased_ha, until)
  SELECT zone_id, day, sum(delta) OVER (PARTITION BY zone_id ORDER BY day),
         lead(day) OVER (PARTITION BY zone_id ORDER BY day)
    FROM (SELECT p.zone_id, e.day, sum(e.delta) AS delta
            FROM lease l
            JOIN plot p ON p.id = l.plot_id
           CROSS JOIN LATERAL (VALUES (l.signed_on, p.area_ha), (l.ended_on, -p.area_ha)) AS e (day, delta)
           WHERE p.zone_id = ANY (p_zone_ids) AND l.signed_on IS NOT NULL AND e.day IS NOT NULL
           GROUP BY p.zone_id, e.day) changes;
$$;

-- Leased area over the land for lease, on a day, of the zones the public sees.
CREATE OR REPLACE FUNCTION zone_occupancy(p_day date)
RETURNS TABLE (zone_id bigint, lease_land_ha numeric, leased_ha numeric, occupancy_rate numeric)
LANGUAGE sql STABLE AS $$
  SELECT z.id, z.lease_land_ha, coalesce(a.leased_ha, 0),
         CASE WHEN z.lease_land_ha > 0 THEN coalesce(a.leased_ha, 0) / z.lease_land_ha END
    FROM public_zone z
    LEFT JOIN zone_leased_area a ON a.zone_id = z.id AND daterange(a.day, a.until) @> p_day
$$;
