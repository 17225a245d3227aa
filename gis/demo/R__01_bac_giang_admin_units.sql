-- Bắc Giang administrative units (demo data, repeatable: re-applied when this file changes).
--
-- Outlines are APPROXIMATE. No surveyed outline is among the seed documents, so the province is a
-- hand-drawn polygon around its known extent (about 105.9–107.0 E, 21.1–21.6 N) and each district
-- is the part of it nearest to the district seat (Voronoi cells of the seats, clipped to the
-- province). Replace them with surveyed outlines when they are at hand: the model does not change.
--
-- Validity: the seeds (2019–2024) use these ten districts; in 2025 Vietnam abolished the district
-- level and merged Bắc Giang into Bắc Ninh (shared/seeds/DIGEST.md). Both are recorded as data:
-- valid_to on the old units and a succession row to the new province.
-- Changes are attributed to the demo loader in the history (change_history); the demo describes
-- what exists since before the registry, so its records hold from the beginning (valid_from).
SELECT set_config('registry.user', 'demo loader (gis/demo)', true), set_config('registry.reason', 'Bắc Giang demo data', true),
       set_config('registry.valid_from', '-infinity', true);

INSERT INTO admin_unit (code, level, unit_type, name_vi, name_en, valid_to, boundary, boundary_accuracy, boundary_note, source)
VALUES ('BG', 'PROVINCE', 'tỉnh', 'Bắc Giang', 'Bac Giang province', DATE '2025-06-30',
        ST_Multi(ST_GeomFromText('POLYGON((105.870 21.350, 105.905 21.430, 105.960 21.470, 106.020 21.500,
          106.060 21.575, 106.140 21.625, 106.235 21.600, 106.300 21.520, 106.380 21.505, 106.470 21.535,
          106.600 21.560, 106.740 21.505, 106.880 21.455, 107.010 21.420, 107.030 21.330, 106.950 21.250,
          106.840 21.205, 106.700 21.200, 106.560 21.185, 106.440 21.150, 106.320 21.125, 106.215 21.110,
          106.130 21.170, 106.040 21.200, 105.950 21.230, 105.885 21.285, 105.870 21.350))', 4326)),
        'APPROXIMATE', 'Hand-drawn around the province''s known extent; not surveyed.',
        'shared/seeds/DIGEST.md (districts named); outline approximate')
ON CONFLICT (code) DO UPDATE SET level = EXCLUDED.level, unit_type = EXCLUDED.unit_type, name_vi = EXCLUDED.name_vi,
  name_en = EXCLUDED.name_en, valid_to = EXCLUDED.valid_to, boundary = EXCLUDED.boundary,
  boundary_accuracy = EXCLUDED.boundary_accuracy, boundary_note = EXCLUDED.boundary_note, source = EXCLUDED.source;

-- The province that took over in 2025; its outline is not in the seeds.
INSERT INTO admin_unit (code, level, unit_type, name_vi, name_en, valid_from, boundary_note, source)
VALUES ('BN-2025', 'PROVINCE', 'tỉnh', 'Bắc Ninh (từ 2025)', 'Bac Ninh province (from 2025)', DATE '2025-07-01',
        'Outline not recorded.', 'shared/seeds/DIGEST.md: Bắc Giang merged into Bắc Ninh in 2025')
ON CONFLICT (code) DO UPDATE SET valid_from = EXCLUDED.valid_from, name_vi = EXCLUDED.name_vi,
  name_en = EXCLUDED.name_en, boundary_note = EXCLUDED.boundary_note, source = EXCLUDED.source;

INSERT INTO admin_unit_succession (predecessor_id, successor_id, effective_on, legal_basis)
SELECT old.id, new.id, DATE '2025-07-01', 'Sắp xếp đơn vị hành chính cấp tỉnh năm 2025 (provincial merger, 2025)'
  FROM admin_unit old, admin_unit new
 WHERE old.code = 'BG' AND new.code = 'BN-2025'
ON CONFLICT (predecessor_id, successor_id) DO UPDATE SET effective_on = EXCLUDED.effective_on, legal_basis = EXCLUDED.legal_basis;

-- District seats (approximate town-centre coordinates) → Voronoi cells clipped to the province.
CREATE TEMP TABLE demo_district (code text, unit_type text, name_vi text, name_en text, lon float8, lat float8) ON COMMIT DROP;
INSERT INTO demo_district VALUES
  ('BG-TP',  'thành phố', 'Thành phố Bắc Giang', 'Bac Giang city',     106.195, 21.273),
  ('BG-VY',  'thị xã',    'Việt Yên',            'Viet Yen town',      106.100, 21.283),
  ('BG-HH',  'huyện',     'Hiệp Hòa',            'Hiep Hoa district',  105.985, 21.352),
  ('BG-LG',  'huyện',     'Lạng Giang',          'Lang Giang district', 106.253, 21.360),
  ('BG-YD',  'huyện',     'Yên Dũng',            'Yen Dung district',  106.245, 21.212),
  ('BG-TY',  'huyện',     'Tân Yên',             'Tan Yen district',   106.130, 21.378),
  ('BG-LNA', 'huyện',     'Lục Nam',             'Luc Nam district',   106.385, 21.298),
  ('BG-LNG', 'huyện',     'Lục Ngạn',            'Luc Ngan district',  106.560, 21.373),
  ('BG-SD',  'huyện',     'Sơn Động',            'Son Dong district',  106.850, 21.335),
  ('BG-YT',  'huyện',     'Yên Thế',             'Yen The district',   106.120, 21.520);

WITH province AS (SELECT id, boundary FROM admin_unit WHERE code = 'BG'),
     seats AS (SELECT d.*, ST_SetSRID(ST_MakePoint(d.lon, d.lat), 4326) AS seat FROM demo_district d),
     cells AS (SELECT (ST_Dump(ST_VoronoiPolygons(ST_Collect(seat), 0, (SELECT boundary FROM province)))).geom AS cell FROM seats)
INSERT INTO admin_unit (code, level, unit_type, name_vi, name_en, parent_id, valid_to, boundary, boundary_accuracy, boundary_note, source)
SELECT s.code, 'DISTRICT', s.unit_type, s.name_vi, s.name_en, p.id, DATE '2025-06-30',
       ST_Multi(ST_CollectionExtract(ST_Intersection(c.cell, p.boundary), 3)), 'APPROXIMATE',
       'Area of the province nearest to the district seat; not surveyed.',
       'shared/seeds/DIGEST.md (Districts named); outline approximate'
  FROM seats s
  JOIN cells c ON ST_Contains(c.cell, s.seat)
 CROSS JOIN province p
ON CONFLICT (code) DO UPDATE SET level = EXCLUDED.level, unit_type = EXCLUDED.unit_type, name_vi = EXCLUDED.name_vi,
  name_en = EXCLUDED.name_en, parent_id = EXCLUDED.parent_id, valid_to = EXCLUDED.valid_to, boundary = EXCLUDED.boundary,
  boundary_accuracy = EXCLUDED.boundary_accuracy, boundary_note = EXCLUDED.boundary_note, source = EXCLUDED.source;

INSERT INTO admin_unit_succession (predecessor_id, successor_id, effective_on, legal_basis)
SELECT d.id, n.id, DATE '2025-07-01', 'Chấm dứt cấp huyện từ 01/7/2025 (district level abolished)'
  FROM admin_unit d JOIN demo_district dd ON dd.code = d.code, admin_unit n
 WHERE n.code = 'BN-2025'
ON CONFLICT (predecessor_id, successor_id) DO UPDATE SET effective_on = EXCLUDED.effective_on, legal_basis = EXCLUDED.legal_basis;
