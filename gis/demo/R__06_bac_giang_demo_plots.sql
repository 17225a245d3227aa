-- DEMO plots and leases (repeatable): invented for illustration, every row flagged demo = true.
--
-- The seeds give no plots, only province-level fill rates: KCN about 66.75 %, CCN about 40.5 %
-- (002_618431115684171d.txt:69, reported for mid-2024). So that those rates can be computed from
-- land, the land of each zone that the seeds or the demo say is cleared is subdivided into plots:
-- a perimeter strip (roads, green belt: 40 m along a zone's edge, 20 m inside a zone) and a grid
-- of blocks (about 4.2 ha in a KCN, 1.5 ha in a CCN) with 16 m internal roads. That land is
--   - a handed-over clearance phase (R__04): its plots are cleared on the day of handover — so
--     KCN Việt Hàn has plots only in its 50 ha phase 1 and the CCN handed over in 2021
--     (001_a10c2ba26ad84cae.txt:185) have none cleared before then;
--   - the whole of an operating zone without such a phase (the existing parts of KCN Hòa Phú and
--     Quang Châu, a demo reading): cleared in 2019.
-- In operating zones the plots form the zone's industrial land for lease (lease_land_ha, marked
-- "demo" in figure_sources) and the rest of that land its other land. Leases are then drawn in a
-- fixed pseudo-random order (md5 of the plot code) until the leased area reaches the reported
-- rate of each kind on 2024-06-30, the last gap filled by the plot nearest in size, with signing
-- dates spread between clearance and the report day so that the series has a history; a few
-- earlier leases ended, and a few plots are reserved. No lease begins before its plot is cleared.
-- The clean land of zones not yet operating (Yên Lư, the Hòa Phú and Quang Châu expansions) is
-- offered but not leased, and has no land budget. (This file was R__04; it runs after the phases.)
-- Changes are attributed to the demo loader in the history (change_history); the demo describes
-- what exists since before the registry, so its records hold from the beginning (valid_from).
SELECT set_config('registry.user', 'demo loader (gis/demo)', true), set_config('registry.reason', 'Bắc Giang demo data', true),
       set_config('registry.valid_from', '-infinity', true);
DELETE FROM lease WHERE demo;
DELETE FROM plot WHERE demo;
UPDATE zone
   SET lease_land_ha = NULL, other_land_ha = NULL, figure_sources = figure_sources - 'leaseLandHa' - 'otherLandHa'
 WHERE figure_sources ->> 'leaseLandHa' LIKE 'demo%';

-- The cleared land: handed-over demo phases (cleared the day of the HANDED_OVER event), and
-- operating zones without one (cleared in 2019, before the first leases).
CREATE TEMP TABLE demo_site ON COMMIT DROP AS
SELECT z.id AS zone_id, z.code AS zone_code, z.kind, c.code AS phase_code, c.boundary, h.day AS cleared_on,
       z.lifecycle = 'OPERATING' AS leased, ST_Equals(c.boundary, z.boundary) AS whole_zone
  FROM clearance_phase c
  JOIN zone z ON z.id = c.zone_id
 CROSS JOIN LATERAL (SELECT min(e.event_date) AS day FROM clearance_event e
                      WHERE e.phase_id = c.id AND e.new_values ->> 'status' = 'HANDED_OVER') h
 WHERE c.demo AND c.deleted_at IS NULL AND c.status = 'HANDED_OVER'
UNION ALL
SELECT z.id, z.code, z.kind, NULL, z.boundary, CASE z.kind WHEN 'KCN' THEN DATE '2019-01-15' ELSE DATE '2019-06-01' END,
       true, true
  FROM zone z
 WHERE z.lifecycle = 'OPERATING' AND z.deleted_at IS NULL
   AND NOT EXISTS (SELECT 1 FROM clearance_phase c WHERE c.zone_id = z.id AND c.demo AND c.status = 'HANDED_OVER');

-- Metric work in UTM zone 48N (EPSG:32648), which covers Bắc Giang.
WITH inner_land AS (
  SELECT s.*, ST_Buffer(ST_Transform(s.boundary, 32648), CASE WHEN s.whole_zone THEN -40 ELSE -20 END) AS inner_area
    FROM demo_site s),
blocks AS (
  SELECT l.zone_id, l.zone_code, l.kind, l.phase_code, l.whole_zone, l.cleared_on, l.leased, c.i, c.j,
         ST_CollectionExtract(ST_Intersection(ST_Buffer(c.geom, -8, 'join=mitre'), l.inner_area), 3) AS geom
    FROM inner_land l
   CROSS JOIN LATERAL ST_SquareGrid(CASE l.kind WHEN 'KCN' THEN 220 ELSE 140 END, l.inner_area) AS c
   WHERE ST_Intersects(c.geom, l.inner_area))
INSERT INTO plot (zone_id, code, boundary, land_use, cleared_on, demo, note)
SELECT b.zone_id,
       format(CASE WHEN b.whole_zone THEN 'L%2$s' ELSE '%1$s-L%2$s' END, b.phase_code,
              lpad((row_number() OVER (PARTITION BY b.zone_id, b.phase_code ORDER BY b.j DESC, b.i))::text,
                   CASE WHEN b.whole_zone THEN 3 ELSE 2 END, '0')),
       ST_Multi(ST_Transform(b.geom, 4326)),
       CASE WHEN b.leased AND ('x' || substr(md5(b.zone_code || b.i || '/' || b.j), 1, 2))::bit(8)::int < 20
            THEN 'LOGISTICS' ELSE 'INDUSTRIAL' END,
       b.cleared_on, true,
       CASE WHEN b.phase_code IS NULL THEN 'Demo plot: generated subdivision of the approximate zone boundary'
            ELSE 'Demo plot: clean land of clearance phase ' || b.phase_code || ' (generated subdivision)' END
  FROM blocks b
 WHERE ST_Area(b.geom) > CASE b.kind WHEN 'KCN' THEN 15000 ELSE 6000 END;

-- Land budget of the operating zones: the plots are the land for lease, the rest of the land they
-- were cut from is other land.
UPDATE zone z
   SET lease_land_ha = round(s.lease_ha, 2),
       other_land_ha = round(greatest(s.site_ha - s.lease_ha, 0), 2),
       figure_sources = z.figure_sources || jsonb_build_object(
         'leaseLandHa', 'demo: sum of the generated plots (gis/demo/R__06_bac_giang_demo_plots.sql)',
         'otherLandHa', 'demo: the cleared land the plots were cut from, less the plots (gis/demo/R__06_bac_giang_demo_plots.sql)')
  FROM (SELECT s.zone_id, sum(ST_Area(s.boundary::geography)::numeric) / 10000 AS site_ha,
               (SELECT sum(p.area_ha) FROM plot p WHERE p.zone_id = s.zone_id AND p.demo) AS lease_ha
          FROM demo_site s WHERE s.leased GROUP BY s.zone_id) s
 WHERE s.zone_id = z.id;

CREATE TEMP TABLE demo_plot ON COMMIT DROP AS
SELECT p.id, p.zone_id, p.area_ha, p.cleared_on, z.kind, z.code AS zone_code, p.code,
       ('x' || substr(md5(z.code || p.code), 1, 8))::bit(32)::int AS h1,
       ('x' || substr(md5(p.code || z.code), 1, 8))::bit(32)::int AS h2
  FROM plot p JOIN zone z ON z.id = p.zone_id
 WHERE p.demo AND p.cleared_on IS NOT NULL AND z.lifecycle = 'OPERATING';

CREATE TEMP TABLE demo_target (kind text PRIMARY KEY, rate numeric) ON COMMIT DROP;
INSERT INTO demo_target VALUES ('KCN', 0.6675), ('CCN', 0.405);  -- 002_618431115684171d.txt:69

-- Leases in force on 2024-06-30: plots in hash order while the leased area stays within the
-- reported rate of the kind, then the one plot whose area comes nearest to the gap left.
CREATE TEMP TABLE demo_leased ON COMMIT DROP AS
WITH budget AS (SELECT z.kind, t.rate * sum(z.lease_land_ha) AS ha
                  FROM zone z JOIN demo_target t USING (kind)
                 WHERE z.id IN (SELECT zone_id FROM demo_plot) GROUP BY z.kind, t.rate),
     ranked AS (SELECT d.*, sum(d.area_ha) OVER (PARTITION BY d.kind ORDER BY d.h1, d.id) AS cumulative FROM demo_plot d)
SELECT r.id, r.zone_id, r.area_ha, r.cleared_on, r.kind, r.zone_code, r.code, r.h1, r.h2
  FROM ranked r JOIN budget b USING (kind)
 WHERE r.cumulative <= b.ha;

INSERT INTO demo_leased
SELECT DISTINCT ON (d.kind) d.*
  FROM demo_plot d
  JOIN (SELECT z.kind, t.rate * sum(z.lease_land_ha) - (SELECT coalesce(sum(l.area_ha), 0) FROM demo_leased l WHERE l.kind = z.kind) AS gap
          FROM zone z JOIN demo_target t USING (kind)
         WHERE z.id IN (SELECT zone_id FROM demo_plot) GROUP BY z.kind, t.rate) g USING (kind)
 WHERE d.id NOT IN (SELECT id FROM demo_leased) AND abs(g.gap - d.area_ha) < g.gap
 ORDER BY d.kind, abs(g.gap - d.area_ha), d.id;

CREATE TEMP TABLE demo_choice (k int PRIMARY KEY, country text, industry text) ON COMMIT DROP;
INSERT INTO demo_choice VALUES
  (0, 'KR', 'Điện tử'), (1, 'JP', 'Cơ khí chính xác'), (2, 'CN', 'Dệt may'), (3, 'TW', 'Linh kiện điện tử'),
  (4, 'VN', 'Chế biến thực phẩm'), (5, 'SG', 'Logistics'), (6, 'KR', 'Quang học'), (7, 'DE', 'Thiết bị y tế');

-- Signed between a month after clearance (not before 2019-07-01) and the report day.
INSERT INTO lease (plot_id, investor_name, investor_country, industry, capital_amount, capital_currency,
                   reserved_on, signed_on, operating_from, ended_on, demo, note)
SELECT l.id, format('Nhà đầu tư minh họa %s-%s', l.zone_code, l.code), c.country, c.industry,
       round(l.area_ha * (1 + abs(l.h2) % 4) * 1000000, -3), 'USD',
       greatest(s.signed_on - 60, l.cleared_on), s.signed_on,
       CASE WHEN abs(l.h2) % 5 = 0 THEN NULL ELSE s.signed_on + 300 + abs(l.h2) % 300 END,
       NULL, true, 'Demo lease'
  FROM demo_leased l
  JOIN demo_choice c ON c.k = abs(l.h2) % 8
 CROSS JOIN LATERAL (SELECT greatest(l.cleared_on + 30, DATE '2019-07-01') AS first_day) f
 CROSS JOIN LATERAL (SELECT f.first_day + abs(l.h1) % (DATE '2024-06-30' - f.first_day) AS signed_on) s;

-- History: some plots not leased on the report day were leased earlier (ended before it), and
-- some are reserved then.
INSERT INTO lease (plot_id, investor_name, investor_country, industry, reserved_on, signed_on, operating_from,
                   ended_on, demo, note)
SELECT d.id, format('Nhà đầu tư minh họa %s-%s (đã chấm dứt)', d.zone_code, d.code), c.country, c.industry,
       NULL, s.signed_on, NULL, least(s.signed_on + 240 + abs(d.h2) % 300, DATE '2024-06-01'), true,
       'Demo lease, terminated'
  FROM demo_plot d JOIN demo_choice c ON c.k = abs(d.h1) % 8
 CROSS JOIN LATERAL (SELECT greatest(d.cleared_on + 60, DATE '2019-09-01') + abs(d.h1) % 300 AS signed_on) s
 WHERE d.id NOT IN (SELECT id FROM demo_leased) AND abs(d.h2) % 100 < 12;

INSERT INTO lease (plot_id, investor_name, investor_country, industry, reserved_on, demo, note)
SELECT d.id, format('Nhà đầu tư minh họa %s-%s (giữ chỗ)', d.zone_code, d.code), c.country, c.industry,
       DATE '2024-03-01' + abs(d.h2) % 90, true, 'Demo reservation'
  FROM demo_plot d JOIN demo_choice c ON c.k = abs(d.h2) % 8
 WHERE d.id NOT IN (SELECT id FROM demo_leased) AND abs(d.h2) % 100 BETWEEN 40 AND 49;
