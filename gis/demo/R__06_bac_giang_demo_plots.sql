-- DEMO plots and leases (repeatable): invented for illustration, every row flagged demo = true.
--
-- The seeds give no plots, only province-level fill rates: KCN about 66.75 %, CCN about 40.5 %
-- (002_618431115684171d.txt:69, reported for mid-2024). So that those rates can be computed from
-- land, each zone with lifecycle OPERATING is subdivided into plots: a 40 m perimeter strip
-- (roads, green belt) and a grid of blocks (about 4.2 ha in a KCN, 1.5 ha in a CCN) with 16 m
-- internal roads. The plots form the zone's industrial land for lease; the rest of the drawn
-- area is its other land. Leases are then drawn in a fixed pseudo-random order (md5 of the plot
-- code) until the leased area reaches the reported rate of each kind on 2024-06-30, with
-- signing dates spread over five years so that the series has a history; a few earlier leases
-- ended, and a few plots are reserved.
-- Only the operating zones: demo plots elsewhere belong to the clearance demo (R__06).
-- Changes are attributed to the demo loader in the history (change_history); the demo describes
-- what exists since before the registry, so its records hold from the beginning (valid_from).
SELECT set_config('registry.user', 'demo loader (gis/demo)', true), set_config('registry.reason', 'Bắc Giang demo data', true),
       set_config('registry.valid_from', '-infinity', true);
DELETE FROM lease WHERE demo;
DELETE FROM plot WHERE demo AND zone_id IN (SELECT id FROM zone WHERE lifecycle = 'OPERATING');

-- Metric work in UTM zone 48N (EPSG:32648), which covers Bắc Giang.
WITH operating AS (
  SELECT z.id, z.code, z.kind, ST_Buffer(ST_Transform(z.boundary, 32648), -40) AS inner_area
    FROM zone z WHERE z.lifecycle = 'OPERATING'),
blocks AS (
  SELECT o.id, o.code, o.kind, c.i, c.j,
         ST_CollectionExtract(ST_Intersection(ST_Buffer(c.geom, -8, 'join=mitre'), o.inner_area), 3) AS geom
    FROM operating o
   CROSS JOIN LATERAL ST_SquareGrid(CASE o.kind WHEN 'KCN' THEN 220 ELSE 140 END, o.inner_area) AS c
   WHERE ST_Intersects(c.geom, o.inner_area))
INSERT INTO plot (zone_id, code, boundary, land_use, cleared_on, demo, note)
SELECT b.id,
       format('L%s', lpad(row_number() OVER (PARTITION BY b.id ORDER BY b.j DESC, b.i)::text, 3, '0')),
       ST_Multi(ST_Transform(b.geom, 4326)),
       CASE WHEN ('x' || substr(md5(b.code || b.i || '/' || b.j), 1, 2))::bit(8)::int < 20 THEN 'LOGISTICS' ELSE 'INDUSTRIAL' END,
       -- about one CCN plot in ten is not cleared yet
       CASE WHEN b.kind = 'CCN' AND ('x' || substr(md5(b.code || b.i || '/' || b.j), 3, 2))::bit(8)::int < 26 THEN NULL
            WHEN b.kind = 'KCN' THEN DATE '2019-01-15' ELSE DATE '2019-06-01' END,
       true, 'Demo plot: generated subdivision of the approximate zone boundary'
  FROM blocks b
 WHERE ST_Area(b.geom) > CASE b.kind WHEN 'KCN' THEN 15000 ELSE 6000 END;

-- Land budget of the operating zones: the plots are the land for lease.
UPDATE zone z
   SET lease_land_ha = round(s.lease_ha, 2),
       other_land_ha = round(greatest(ST_Area(z.boundary::geography) / 10000 - s.lease_ha, 0)::numeric, 2),
       figure_sources = z.figure_sources || jsonb_build_object(
         'leaseLandHa', 'demo: sum of the generated plots (gis/demo/R__04_bac_giang_demo_plots.sql)')
  FROM (SELECT p.zone_id, sum(p.area_ha) AS lease_ha FROM plot p JOIN zone oz ON oz.id = p.zone_id
         WHERE p.demo AND oz.lifecycle = 'OPERATING' GROUP BY p.zone_id) s
 WHERE s.zone_id = z.id;

CREATE TEMP TABLE demo_plot ON COMMIT DROP AS
SELECT p.id, p.area_ha, z.kind, z.code AS zone_code, p.code,
       ('x' || substr(md5(z.code || p.code), 1, 8))::bit(32)::int AS h1,
       ('x' || substr(md5(p.code || z.code), 1, 8))::bit(32)::int AS h2
  FROM plot p JOIN zone z ON z.id = p.zone_id
 WHERE p.demo AND p.cleared_on IS NOT NULL AND z.lifecycle = 'OPERATING';

CREATE TEMP TABLE demo_target (kind text PRIMARY KEY, rate numeric) ON COMMIT DROP;
INSERT INTO demo_target VALUES ('KCN', 0.6675), ('CCN', 0.405);  -- 002_618431115684171d.txt:69

-- Leases in force on 2024-06-30: take plots in hash order while the leased area stays nearest
-- to the reported rate of the kind.
CREATE TEMP TABLE demo_leased ON COMMIT DROP AS
WITH budget AS (SELECT kind, sum(lease_land_ha) AS lease_ha FROM zone WHERE lifecycle = 'OPERATING' GROUP BY kind),
     ranked AS (SELECT d.*, sum(d.area_ha) OVER (PARTITION BY d.kind ORDER BY d.h1, d.id) AS cumulative FROM demo_plot d)
SELECT r.* FROM ranked r JOIN budget b USING (kind) JOIN demo_target t USING (kind)
 WHERE r.cumulative - r.area_ha / 2 <= t.rate * b.lease_ha;

CREATE TEMP TABLE demo_choice (k int PRIMARY KEY, country text, industry text) ON COMMIT DROP;
INSERT INTO demo_choice VALUES
  (0, 'KR', 'Điện tử'), (1, 'JP', 'Cơ khí chính xác'), (2, 'CN', 'Dệt may'), (3, 'TW', 'Linh kiện điện tử'),
  (4, 'VN', 'Chế biến thực phẩm'), (5, 'SG', 'Logistics'), (6, 'KR', 'Quang học'), (7, 'DE', 'Thiết bị y tế');

INSERT INTO lease (plot_id, investor_name, investor_country, industry, capital_amount, capital_currency,
                   reserved_on, signed_on, operating_from, ended_on, demo, note)
SELECT l.id, format('Nhà đầu tư minh họa %s-%s', l.zone_code, l.code), c.country, c.industry,
       round(l.area_ha * (1 + abs(l.h2) % 4) * 1000000, -3), 'USD',
       s.signed_on - 60, s.signed_on,
       CASE WHEN abs(l.h2) % 5 = 0 THEN NULL ELSE s.signed_on + 300 + abs(l.h2) % 300 END,
       NULL, true, 'Demo lease'
  FROM demo_leased l
  JOIN demo_choice c ON c.k = abs(l.h2) % 8
 CROSS JOIN LATERAL (SELECT DATE '2019-07-01' + abs(l.h1) % 1826 AS signed_on) s;

-- History: some plots not leased today were leased earlier, and some are reserved now.
INSERT INTO lease (plot_id, investor_name, investor_country, industry, reserved_on, signed_on, operating_from,
                   ended_on, demo, note)
SELECT d.id, format('Nhà đầu tư minh họa %s-%s (đã chấm dứt)', d.zone_code, d.code), c.country, c.industry,
       NULL, DATE '2019-09-01' + abs(d.h1) % 400, NULL, DATE '2021-09-01' + abs(d.h2) % 500, true,
       'Demo lease, terminated'
  FROM demo_plot d JOIN demo_choice c ON c.k = abs(d.h1) % 8
 WHERE d.id NOT IN (SELECT id FROM demo_leased) AND abs(d.h2) % 100 < 12;

INSERT INTO lease (plot_id, investor_name, investor_country, industry, reserved_on, demo, note)
SELECT d.id, format('Nhà đầu tư minh họa %s-%s (giữ chỗ)', d.zone_code, d.code), c.country, c.industry,
       DATE '2024-03-01' + abs(d.h2) % 90, true, 'Demo reservation'
  FROM demo_plot d JOIN demo_choice c ON c.k = abs(d.h2) % 8
 WHERE d.id NOT IN (SELECT id FROM demo_leased) AND abs(d.h2) % 100 BETWEEN 40 AND 49;
