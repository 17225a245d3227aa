-- What investors compare (repeatable): the places distances are measured from, the zones'
-- utilities and land term, and demo lease prices.
--
-- The seeds hold no coordinates, no utilities, no land terms and no prices. Positions of places
-- are approximate, read off a general map (demo = true); the expressway they lie on is named in
-- the seeds (003_9da8b1121cb7c423.txt:73: Hà Nội - Bắc Giang - Lạng Sơn). Every utility figure and
-- land term is a demo figure ("demo ..." in sources), except that every KCN has central
-- wastewater treatment (002_618431115684171d.txt:483: 100 % of KCN, 68 % of operating CCN); the
-- capacities are made up. Prices are demo figures for four operating zones (figure_sources
-- leasePrice, so zone_demo_figures lists them); the other zones show "on request".
SELECT set_config('registry.user', 'demo loader (gis/demo)', true), set_config('registry.reason', 'Bắc Giang demo data', true),
       set_config('registry.valid_from', '-infinity', true);

CREATE TEMP TABLE demo_place (code text, kind text, name_vi text, name_en text, lon float8, lat float8, source text) ON COMMIT DROP;
INSERT INTO demo_place VALUES
('HA-NOI', 'CITY', 'Trung tâm Hà Nội (Hồ Hoàn Kiếm)', 'Hà Nội city centre (Hoàn Kiếm Lake)', 105.8522, 21.0287,
 'demo: approximate position read off a general map (not in the seeds)'),
('NOI-BAI', 'AIRPORT', 'Cảng hàng không quốc tế Nội Bài', 'Nội Bài International Airport', 105.8050, 21.2187,
 'demo: approximate position of the terminals read off a general map (not in the seeds)'),
('HAI-PHONG-DINH-VU', 'SEAPORT', 'Cảng Đình Vũ (Hải Phòng)', 'Đình Vũ port (Hải Phòng)', 106.7600, 20.8450,
 'demo: approximate position read off a general map (not in the seeds)'),
('EXIT-QUANG-CHAU', 'EXPRESSWAY_EXIT', 'Nút giao Quang Châu (cao tốc Hà Nội - Bắc Giang)', 'Quang Châu exit (Hà Nội - Bắc Giang expressway)',
 106.0520, 21.2260, 'demo: approximate position; the expressway is named in 003_9da8b1121cb7c423.txt:73'),
('EXIT-DINH-TRAM', 'EXPRESSWAY_EXIT', 'Nút giao Đình Trám (cao tốc Hà Nội - Bắc Giang)', 'Đình Trám exit (Hà Nội - Bắc Giang expressway)',
 106.0850, 21.2530, 'demo: approximate position; the expressway is named in 003_9da8b1121cb7c423.txt:73'),
('EXIT-DINH-TRI', 'EXPRESSWAY_EXIT', 'Nút giao Dĩnh Trì (cao tốc Bắc Giang - Lạng Sơn)', 'Dĩnh Trì exit (Bắc Giang - Lạng Sơn expressway)',
 106.2400, 21.2950, 'demo: approximate position; the expressway is named in 003_9da8b1121cb7c423.txt:73');

DELETE FROM place WHERE code NOT IN (SELECT code FROM demo_place) AND demo;
INSERT INTO place (code, kind, name_vi, name_en, location, source, demo)
SELECT code, kind, name_vi, name_en, ST_SetSRID(ST_MakePoint(lon, lat), 4326), source, true FROM demo_place
ON CONFLICT (code) DO UPDATE SET kind = EXCLUDED.kind, name_vi = EXCLUDED.name_vi, name_en = EXCLUDED.name_en,
  location = EXCLUDED.location, source = EXCLUDED.source, demo = true
 WHERE (place.kind, place.name_vi, place.name_en, place.source) IS DISTINCT FROM
       (EXCLUDED.kind, EXCLUDED.name_vi, EXCLUDED.name_en, EXCLUDED.source)
    OR NOT ST_Equals(place.location, EXCLUDED.location) OR NOT place.demo;

-- Utilities and land term of the zones that have plots (operating or being built).
INSERT INTO zone_utilities (zone_id, power_mva, water_m3_day, wastewater_m3_day, telecom_fibre, land_term_until, sources)
SELECT z.id,
       CASE WHEN z.kind = 'KCN' THEN 63 * ceil(a.ha / 200) ELSE 25 END,
       CASE WHEN z.kind = 'KCN' THEN greatest(2000, round(a.ha * 25, -2)) ELSE greatest(500, round(a.ha * 20, -2)) END,
       CASE WHEN z.kind = 'KCN' THEN greatest(1500, round(a.ha * 20, -2))
            WHEN z.code IN ('CCN-TANG-TIEN', 'CCN-VIET-TIEN') THEN NULL ELSE greatest(400, round(a.ha * 16, -2)) END,
       true,
       CASE WHEN z.lifecycle = 'OPERATING' THEN DATE '2068-12-31' ELSE DATE '2074-12-31' END,
       jsonb_build_object(
         'powerMva', 'demo: substation capacity made up for the demonstration',
         'waterM3Day', 'demo: water supply capacity made up for the demonstration',
         'wastewaterM3Day', CASE WHEN z.kind = 'KCN'
           THEN 'demo: capacity made up; that every KCN treats its wastewater centrally is 002_618431115684171d.txt:483'
           ELSE 'demo: capacity made up; 68 % of operating CCN treat wastewater centrally (002_618431115684171d.txt:483), the demo picks which' END,
         'telecomFibre', 'demo: made up for the demonstration',
         'landTermUntil', 'demo: a 50-year land term from a made-up start')
  FROM zone z
 CROSS JOIN LATERAL (SELECT CAST(ST_Area(z.boundary::geography) / 10000 AS numeric) AS ha) a
 WHERE EXISTS (SELECT 1 FROM plot p WHERE p.zone_id = z.id)
ON CONFLICT (zone_id) DO UPDATE SET power_mva = EXCLUDED.power_mva, water_m3_day = EXCLUDED.water_m3_day,
  wastewater_m3_day = EXCLUDED.wastewater_m3_day, telecom_fibre = EXCLUDED.telecom_fibre,
  land_term_until = EXCLUDED.land_term_until, sources = EXCLUDED.sources
 WHERE (zone_utilities.power_mva, zone_utilities.water_m3_day, zone_utilities.wastewater_m3_day, zone_utilities.telecom_fibre,
        zone_utilities.land_term_until, zone_utilities.sources)
       IS DISTINCT FROM (EXCLUDED.power_mva, EXCLUDED.water_m3_day, EXCLUDED.wastewater_m3_day, EXCLUDED.telecom_fibre,
        EXCLUDED.land_term_until, EXCLUDED.sources);

-- Demo lease prices (USD per m² for the land's whole term) for four operating zones.
CREATE TEMP TABLE demo_price (code text, min_usd numeric, max_usd numeric) ON COMMIT DROP;
INSERT INTO demo_price VALUES ('KCN-QUANG-CHAU', 120, 140), ('KCN-VIET-HAN', 110, 125), ('KCN-HOA-PHU', 95, 110),
  ('CCN-DINH-TRI', 70, 80);
UPDATE zone z SET lease_price_min_usd = d.min_usd, lease_price_max_usd = d.max_usd,
       figure_sources = z.figure_sources || jsonb_build_object('leasePrice', 'demo: a lease price made up for the demonstration')
  FROM demo_price d
 WHERE z.code = d.code
   AND (z.lease_price_min_usd IS DISTINCT FROM d.min_usd OR z.lease_price_max_usd IS DISTINCT FROM d.max_usd
        OR z.figure_sources ->> 'leasePrice' IS NULL);
