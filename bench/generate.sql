-- Synthetic registry for bench/fill-rate: one province, about 50 districts, :zones zones,
-- :plots plots and :years years of lease history, generated set-based in PostgreSQL.
--
--   psql -h 127.0.0.1 -p 5544 -U postgres -d registry -X -v ON_ERROR_STOP=1 \
--        -v zones=1000 -v plots=1000000 -v years=5 -v generator=<hash> -f bench/generate.sql
--
-- Runs as the postgres superuser with session_replication_role = replica, so that neither the
-- row trigger plot_check() nor the statement triggers on lease and plot fire during the bulk
-- load: the data is valid by construction (plots are disjoint squares inside their zone's
-- square, at most one tenant at a time per plot), the CHECK and EXCLUDE constraints still run,
-- and zone_leased_area is filled once at the end with refresh_zone_leased_area(). The
-- application's tables are emptied first: run it against the bench database only.
--
-- Layout (EPSG:4326, around 105.8E 21.0N): districts are square cells of a 10 x 5 grid; each
-- holds up to ceil(zones / districts) zones on a square sub-grid; each zone is a square of
-- n x n plot cells of 0.0008 degrees (about 83 m x 89 m), every plot being its cell less 5 %
-- on each side (roads). Pseudo-random choices come from hashint8extended(id, seed), so the
-- same sizes always give the same data.
--
-- Lease history over [2026-01-01 - :years years, 2025-12-31]:
--   * a plot is leased once with probability 0.80 in a KCN, 0.60 in a CCN (about 0.70 overall),
--     signed on a uniformly random day of the period; half were reserved 15..104 days before,
--     80 % operate from 180..539 days after signing;
--   * 10 % of those leases ended on a later day of the period, and half of the plots so freed
--     got a second tenant 30..209 days later (when still within the period);
--   * 15 % of the plots never leased carry a reservation only, half of them expired after 90 days.
\set QUIET on
\pset footer off
SET session_replication_role = replica;
SET synchronous_commit = off;
SET maintenance_work_mem = '512MB';
SET work_mem = '64MB';
SET client_min_messages = notice;
\set VERBOSITY terse

CREATE TEMP TABLE params AS
SELECT :zones::int AS zones, :plots::bigint AS plots, :years::int AS years,
       make_date(2026 - :years::int, 1, 1) AS first_day, DATE '2025-12-31' AS last_day,
       0.0008::float8 AS cell, 105.8::float8 AS lon0, 21.0::float8 AS lat0;
ALTER TABLE params ADD COLUMN districts int, ADD COLUMN dcols int, ADD COLUMN zpd int, ADD COLUMN m int,
                   ADD COLUMN n int, ADD COLUMN slot float8;
UPDATE params SET districts = least(50, zones);
UPDATE params SET dcols = ceil(sqrt(2 * districts))::int, zpd = ceil(zones::numeric / districts)::int,
                  n = ceil(sqrt(ceil(plots::numeric / zones)))::int;
UPDATE params SET m = ceil(sqrt(zpd))::int, slot = (n + 4) * cell;

-- u(id, seed): a deterministic pseudo-random number in [0, 1).
CREATE OR REPLACE FUNCTION pg_temp.u(id bigint, seed bigint) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT (hashint8extended(id, seed) & 9007199254740991)::float8 / 9007199254740992 $$;

\echo '  emptying the registry tables'
TRUNCATE lease, zone_leased_area, plot, zone, plan_target, reported_statistic, admin_unit_succession, admin_unit
  RESTART IDENTITY CASCADE;
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS bench CASCADE;
SET client_min_messages = notice;
CREATE SCHEMA bench;

\echo '  admin units: 1 province and the districts'
INSERT INTO admin_unit (code, level, unit_type, name_vi, name_en, boundary, source)
SELECT 'SYN', 'PROVINCE', 'tỉnh', 'Tỉnh Tổng hợp', 'Synthetic province',
       ST_Multi(ST_MakeEnvelope(lon0, lat0, lon0 + dcols * m * slot,
                                lat0 + ceil(districts::numeric / dcols) * m * slot, 4326)),
       'synthetic'
  FROM params;
INSERT INTO admin_unit (code, level, unit_type, name_vi, name_en, parent_id, boundary, source)
SELECT format('SYN-D%s', lpad((d + 1)::text, 2, '0')), 'DISTRICT', 'huyện',
       format('Huyện Tổng hợp %s', d + 1), format('Synthetic district %s', d + 1),
       (SELECT id FROM admin_unit WHERE code = 'SYN'),
       ST_Multi(ST_MakeEnvelope(lon0 + (d % dcols) * m * slot, lat0 + (d / dcols) * m * slot,
                                lon0 + (d % dcols + 1) * m * slot, lat0 + (d / dcols + 1) * m * slot, 4326)),
       'synthetic'
  FROM params CROSS JOIN generate_series(0, districts - 1) AS d;

-- Where each zone lies, and how many plots it gets (the remainder goes to the first zones).
CREATE TABLE bench.zone_grid AS
SELECT z AS idx, z / p.zpd AS district_idx,
       p.lon0 + ((z / p.zpd) % p.dcols) * p.m * p.slot + ((z % p.zpd) % p.m) * p.slot + 1.5 * p.cell AS x0,
       p.lat0 + ((z / p.zpd) / p.dcols) * p.m * p.slot + ((z % p.zpd) / p.m) * p.slot + 1.5 * p.cell AS y0,
       (p.plots / p.zones + CASE WHEN z < p.plots % p.zones THEN 1 ELSE 0 END)::int AS nplots,
       CASE WHEN pg_temp.u(z, 11) < 0.5 THEN 'KCN' ELSE 'CCN' END AS kind
  FROM params p CROSS JOIN generate_series(0, p.zones - 1) AS z;

\echo '  zones'
\timing on
INSERT INTO zone (kind, code, name_vi, name_en, district_id, plan_status, lifecycle, legal_area_ha, boundary,
                  boundary_note, source)
SELECT g.kind, format('SYN-Z%s', lpad((g.idx + 1)::text, 5, '0')),
       format('%s Tổng hợp %s', g.kind, g.idx + 1), format('Synthetic %s %s', g.kind, g.idx + 1),
       d.id, 'EXISTING', 'OPERATING',
       round((ST_Area(b.geom::geography) / 10000)::numeric, 2), b.geom,
       'synthetic square (bench/generate.sql)', 'synthetic'
  FROM bench.zone_grid g
  JOIN admin_unit d ON d.code = format('SYN-D%s', lpad((g.district_idx + 1)::text, 2, '0'))
 CROSS JOIN params p
 CROSS JOIN LATERAL (SELECT ST_Multi(ST_MakeEnvelope(g.x0, g.y0, g.x0 + (p.n + 1) * p.cell,
                                                     g.y0 + (p.n + 1) * p.cell, 4326)) AS geom) b
 ORDER BY g.idx;
\timing off
ALTER TABLE bench.zone_grid ADD COLUMN zone_id bigint;
UPDATE bench.zone_grid g SET zone_id = z.id FROM zone z WHERE z.code = format('SYN-Z%s', lpad((g.idx + 1)::text, 5, '0'));

\echo '  plots, in chunks of zones:'
DO $$
DECLARE
  p params;
  chunk int;
  lo int := 0;
  started timestamptz := clock_timestamp();
  t timestamptz;
  done bigint := 0;
  added bigint;
BEGIN
  SELECT * INTO p FROM params;
  chunk := greatest(1, (50000 / greatest(p.plots / p.zones, 1))::int);
  WHILE lo < p.zones LOOP
    t := clock_timestamp();
    INSERT INTO plot (zone_id, code, boundary, area_ha, land_use, cleared_on, demo)
    SELECT g.zone_id, format('P%s', lpad((k + 1)::text, 5, '0')), c.geom,
           ST_Area(c.geom::geography) / 10000,
           CASE WHEN pg_temp.u(g.idx * 1000003 + k, 12) < 0.1 THEN 'LOGISTICS' ELSE 'INDUSTRIAL' END,
           CASE WHEN pg_temp.u(g.idx * 1000003 + k, 13) < 0.05 THEN NULL ELSE p.first_day - 365 END,
           true
      FROM bench.zone_grid g
     CROSS JOIN LATERAL generate_series(0, g.nplots - 1) AS k
     CROSS JOIN LATERAL (SELECT ST_Multi(ST_MakeEnvelope(
                                  g.x0 + (0.5 + k % p.n + 0.05) * p.cell, g.y0 + (0.5 + k / p.n + 0.05) * p.cell,
                                  g.x0 + (0.5 + k % p.n + 0.95) * p.cell, g.y0 + (0.5 + k / p.n + 0.95) * p.cell,
                                  4326)) AS geom) c
     WHERE g.idx >= lo AND g.idx < lo + chunk
     ORDER BY g.idx, k;
    GET DIAGNOSTICS added = ROW_COUNT;
    done := done + added;
    COMMIT;
    RAISE NOTICE '    zones %..%: % plots (total %) in % s, elapsed % s', lo + 1, least(lo + chunk, p.zones), added, done,
      round(extract(epoch FROM clock_timestamp() - t), 1), round(extract(epoch FROM clock_timestamp() - started), 1);
    lo := lo + chunk;
  END LOOP;
END $$;
\timing on

\echo '  land budget of the zones: lease_land_ha = sum of their plots'
UPDATE zone z
   SET lease_land_ha = s.lease_ha,
       other_land_ha = greatest(ST_Area(z.boundary::geography) / 10000 - s.lease_ha, 0),
       figure_sources = jsonb_build_object('leaseLandHa', 'synthetic: sum of the plots (bench/generate.sql)')
  FROM (SELECT zone_id, round(sum(area_ha), 2) AS lease_ha FROM plot GROUP BY zone_id) s
 WHERE s.zone_id = z.id;

\echo '  leases: first tenants'
INSERT INTO lease (plot_id, investor_name, investor_country, reserved_on, signed_on, operating_from, ended_on, demo)
SELECT l.id, 'Synthetic investor ' || l.id, (ARRAY['KR', 'JP', 'CN', 'TW', 'VN', 'SG', 'US', 'DE'])[1 + (l.id % 8)::int],
       CASE WHEN pg_temp.u(l.id, 3) < 0.5 THEN l.signed_on - (15 + floor(pg_temp.u(l.id, 4) * 90))::int END,
       l.signed_on,
       CASE WHEN pg_temp.u(l.id, 5) < 0.8 THEN l.signed_on + (180 + floor(pg_temp.u(l.id, 6) * 360))::int END,
       CASE WHEN pg_temp.u(l.id, 7) < 0.1 AND l.signed_on < p.last_day
            THEN l.signed_on + (1 + floor(pg_temp.u(l.id, 8) * (p.last_day - l.signed_on)))::int END,
       true
  FROM params p
 CROSS JOIN LATERAL (
   SELECT pl.id, p.first_day + floor(pg_temp.u(pl.id, 2) * (p.last_day - p.first_day + 1))::int AS signed_on
     FROM plot pl JOIN zone z ON z.id = pl.zone_id
    WHERE pg_temp.u(pl.id, 1) < CASE z.kind WHEN 'KCN' THEN 0.8 ELSE 0.6 END) l
 ORDER BY l.id;

\echo '  leases: second tenants of half the plots whose first lease ended'
INSERT INTO lease (plot_id, investor_name, investor_country, signed_on, operating_from, demo)
SELECT s.plot_id, 'Synthetic investor ' || s.plot_id || '-2', 'VN', s.signed_on,
       CASE WHEN pg_temp.u(s.plot_id, 10) < 0.8 THEN s.signed_on + 180 END, true
  FROM params p
 CROSS JOIN LATERAL (
   SELECT l.plot_id, l.ended_on + (30 + floor(pg_temp.u(l.plot_id, 9) * 180))::int AS signed_on
     FROM lease l
    WHERE l.ended_on IS NOT NULL AND pg_temp.u(l.plot_id, 14) < 0.5) s
 WHERE s.signed_on <= p.last_day
 ORDER BY s.plot_id;

\echo '  leases: reservations only'
INSERT INTO lease (plot_id, investor_name, reserved_on, ended_on, demo, note)
SELECT r.id, 'Synthetic prospect ' || r.id, r.reserved_on,
       CASE WHEN pg_temp.u(r.id, 16) < 0.5 THEN r.reserved_on + 90 END, true, 'reservation'
  FROM params p
 CROSS JOIN LATERAL (
   SELECT pl.id, p.first_day + floor(pg_temp.u(pl.id, 15) * (p.last_day - p.first_day + 1))::int AS reserved_on
     FROM plot pl
    WHERE NOT EXISTS (SELECT 1 FROM lease l WHERE l.plot_id = pl.id)
      AND pg_temp.u(pl.id, 17) < 0.15) r
 ORDER BY r.id;

\echo '  zone_leased_area: refresh_zone_leased_area(all zones)'
SELECT refresh_zone_leased_area(array_agg(id ORDER BY id)) FROM zone \g /dev/null

\echo '  plot.committed_until and the latest lease (when present in the schema): what the lease triggers keep'
SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'plot' AND column_name = 'committed_until')
  AS has_commitment \gset
SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'plot' AND column_name = 'last_lease_from')
  AS has_last_lease \gset
\if :has_last_lease
-- as refresh_plot_commitment() sets them (migrations/V11), in one pass
UPDATE plot p SET committed_until = m.until, last_lease_from = m.lease_from, last_lease_signed_on = m.signed_on,
                  last_lease_operating_from = m.operating_from
  FROM (SELECT DISTINCT ON (plot_id) plot_id, coalesce(reserved_on, signed_on) AS lease_from, signed_on, operating_from,
               max(coalesce(ended_on, 'infinity'::date)) OVER (PARTITION BY plot_id) AS until
          FROM lease ORDER BY plot_id, coalesce(reserved_on, signed_on) DESC) m
 WHERE m.plot_id = p.id;
\elif :has_commitment
UPDATE plot p SET committed_until = m.until
  FROM (SELECT plot_id, max(coalesce(ended_on, 'infinity'::date)) AS until FROM lease GROUP BY plot_id) m
 WHERE m.plot_id = p.id;
\endif
\echo '  VACUUM ANALYZE'
VACUUM (ANALYZE) admin_unit, zone, plot, lease, zone_leased_area;
\timing off

\echo '  checks'
-- Geometry validity on a sample, plots inside their zone and not overlapping a neighbour
-- (the conditions plot_check() enforces), and no zone above 100 % on any day.
SELECT count(*) AS sampled_plots,
       count(*) FILTER (WHERE NOT ST_IsValid(p.boundary)) AS invalid,
       count(*) FILTER (WHERE NOT ST_Within(p.boundary, z.boundary)) AS outside_zone,
       count(*) FILTER (WHERE p.area_ha <= 0) AS empty
  FROM plot p TABLESAMPLE SYSTEM (1) REPEATABLE (42) JOIN zone z ON z.id = p.zone_id \gset check_
SELECT count(*) AS n FROM (SELECT 1 FROM plot p TABLESAMPLE SYSTEM (0.1) REPEATABLE (7)
  JOIN plot o ON o.zone_id = p.zone_id AND o.id <> p.id AND ST_Intersects(o.boundary, p.boundary)
               AND ST_Area(ST_Intersection(o.boundary, p.boundary)::geography) > 1) x \gset overlap_
SELECT count(*) FILTER (WHERE NOT ST_IsValid(boundary)) AS n FROM zone \gset invalid_zones_
SELECT count(*) AS n FROM zone z JOIN zone_leased_area a ON a.zone_id = z.id WHERE a.leased_ha > z.lease_land_ha + 0.01 \gset overfull_
\pset tuples_only on
\pset format unaligned
SELECT format('    %s sampled plots (1 %%): %s invalid, %s outside their zone, %s empty; %s overlaps in a 0.1 %% sample; '
              '%s invalid zones; %s zone-days above 100 %%',
              :check_sampled_plots, :check_invalid, :check_outside_zone, :check_empty, :overlap_n,
              :invalid_zones_n, :overfull_n);
SELECT (:check_invalid + :check_outside_zone + :check_empty + :overlap_n + :invalid_zones_n + :overfull_n) = 0 AS ok \gset
\if :ok
\else
  DO $$ BEGIN RAISE EXCEPTION 'bench/generate.sql: the generated data failed its checks'; END $$;
\endif

CREATE TABLE bench.meta AS
SELECT p.zones, p.plots, p.years, :'generator'::text AS generator, now() AS generated_at FROM params p;
