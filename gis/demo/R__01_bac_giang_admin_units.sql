-- Bắc Giang administrative units (demo data, repeatable: re-applied when this file changes).
--
-- Outlines are APPROXIMATE. No surveyed outline is among the seed documents, so the province is a
-- hand-drawn polygon around its known extent (about 105.9–107.0 E, 21.1–21.6 N) and each district
-- is the part of it nearest to the district seat (Voronoi cells of the seats, clipped to the
-- province). Replace them with surveyed outlines when they are at hand: the model does not change.
--
-- Validity: the seeds (2019–2024) use these ten districts; on 2025-07-01 Vietnam abolished the
-- district level and merged Bắc Giang into Bắc Ninh (shared/seeds/DIGEST.md). Both periods are
-- data: the old units end on 2025-06-30, the merged province and its communes and wards begin on
-- 2025-07-01, and succession rows say who took over whose area.
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

-- The former Bắc Ninh province (south-west of Bắc Giang), only so that the merged province has an
-- outline: the registry holds none of its zones. Hand-drawn, sharing Bắc Giang's southern edge.
INSERT INTO admin_unit (code, level, unit_type, name_vi, name_en, valid_to, boundary, boundary_accuracy, boundary_note, source)
VALUES ('BN', 'PROVINCE', 'tỉnh', 'Bắc Ninh (cũ)', 'Bac Ninh province (former)', DATE '2025-06-30',
        ST_Multi(ST_GeomFromText('POLYGON((105.885 21.285, 105.950 21.230, 106.040 21.200, 106.130 21.170, 106.215 21.110,
          106.320 21.125, 106.360 21.050, 106.300 20.980, 106.150 20.960, 106.000 20.990, 105.920 21.060, 105.890 21.150,
          105.885 21.285))', 4326)),
        'APPROXIMATE', 'Hand-drawn around the former province''s known extent; not surveyed.',
        'Demo outline, not in the seeds (the seeds are Bắc Giang documents)')
ON CONFLICT (code) DO UPDATE SET level = EXCLUDED.level, unit_type = EXCLUDED.unit_type, name_vi = EXCLUDED.name_vi,
  name_en = EXCLUDED.name_en, valid_to = EXCLUDED.valid_to, boundary = EXCLUDED.boundary,
  boundary_accuracy = EXCLUDED.boundary_accuracy, boundary_note = EXCLUDED.boundary_note, source = EXCLUDED.source;

-- The province that took over on 2025-07-01: the two former provinces together.
INSERT INTO admin_unit (code, level, unit_type, name_vi, name_en, valid_from, boundary, boundary_accuracy, boundary_note, source)
SELECT 'BN-2025', 'PROVINCE', 'tỉnh', 'Bắc Ninh', 'Bac Ninh province', DATE '2025-07-01',
       ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(boundary)), 3)), 'APPROXIMATE',
       'Union of the approximate outlines of the former Bắc Giang and Bắc Ninh provinces; not surveyed.',
       'Nghị quyết 202/2025/QH15 (12/6/2025) on provincial units, in force 2025-07-01: Bắc Giang and Bắc Ninh merged '
       || 'as Bắc Ninh province (not among the seeds; shared/seeds/DIGEST.md notes the 2025 reorganisation)'
  FROM admin_unit WHERE code IN ('BG', 'BN')
ON CONFLICT (code) DO UPDATE SET valid_from = EXCLUDED.valid_from, name_vi = EXCLUDED.name_vi,
  name_en = EXCLUDED.name_en, boundary = EXCLUDED.boundary, boundary_accuracy = EXCLUDED.boundary_accuracy,
  boundary_note = EXCLUDED.boundary_note, source = EXCLUDED.source;

INSERT INTO admin_unit_succession (predecessor_id, successor_id, effective_on, legal_basis)
SELECT old.id, new.id, DATE '2025-07-01', 'Nghị quyết 202/2025/QH15: sắp xếp đơn vị hành chính cấp tỉnh (provincial merger)'
  FROM admin_unit old, admin_unit new
 WHERE old.code IN ('BG', 'BN') AND new.code = 'BN-2025'
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

-- Districts end on 2025-06-30; the communes and wards below take over their area.
DELETE FROM admin_unit_succession s USING admin_unit d, admin_unit n
 WHERE s.predecessor_id = d.id AND s.successor_id = n.id AND d.level = 'DISTRICT' AND n.level = 'PROVINCE';

-- Communes and wards of the merged province, in force from 2025-07-01 (the district level is
-- gone: they answer to the province). Bắc Ninh has 99 of them (66 communes, 33 wards) by
-- Nghị quyết 1658/NQ-UBTVQH15 of 16/6/2025; the demo records those that hold the seed zones and
-- their neighbours, and five wards over the former Bắc Ninh so that the whole province is covered.
-- The names follow the resolution, which is not among the seeds: check them against it. Outlines
-- are APPROXIMATE: each unit is the area nearest to its assumed seat among the units recorded here
-- (Voronoi cells, clipped to the former province), so they are larger than the real ones.
CREATE TEMP TABLE demo_commune (code text, unit_type text, name_vi text, name_en text, former text, lon float8, lat float8) ON COMMIT DROP;
INSERT INTO demo_commune VALUES
  ('BN-XA-HIEP-HOA',    'xã',    'Hiệp Hòa',     'Hiep Hoa commune',    'BG', 105.985, 21.352),
  ('BN-XA-HOP-THINH',   'xã',    'Hợp Thịnh',    'Hop Thinh commune',   'BG', 105.962, 21.335),
  ('BN-XA-XUAN-CAM',    'xã',    'Xuân Cẩm',     'Xuan Cam commune',    'BG', 105.965, 21.300),
  ('BN-XA-HOANG-VAN',   'xã',    'Hoàng Vân',    'Hoang Van commune',   'BG', 106.000, 21.395),
  ('BN-P-VIET-YEN',     'phường', 'Việt Yên',    'Viet Yen ward',       'BG', 106.100, 21.283),
  ('BN-P-NENH',         'phường', 'Nếnh',        'Nenh ward',           'BG', 106.095, 21.238),
  ('BN-P-VAN-HA',       'phường', 'Vân Hà',      'Van Ha ward',         'BG', 106.135, 21.255),
  ('BN-P-TU-LAN',       'phường', 'Tự Lạn',      'Tu Lan ward',         'BG', 106.075, 21.300),
  ('BN-XA-TAN-YEN',     'xã',    'Tân Yên',      'Tan Yen commune',     'BG', 106.130, 21.378),
  ('BN-XA-NGOC-THIEN',  'xã',    'Ngọc Thiện',   'Ngoc Thien commune',  'BG', 106.120, 21.345),
  ('BN-XA-PHUC-HOA',    'xã',    'Phúc Hòa',     'Phuc Hoa commune',    'BG', 106.090, 21.405),
  ('BN-XA-LANG-GIANG',  'xã',    'Lạng Giang',   'Lang Giang commune',  'BG', 106.253, 21.362),
  ('BN-XA-MY-THAI',     'xã',    'Mỹ Thái',      'My Thai commune',     'BG', 106.225, 21.330),
  ('BN-XA-TIEN-LUC',    'xã',    'Tiên Lục',     'Tien Luc commune',    'BG', 106.210, 21.390),
  ('BN-XA-KEP',         'xã',    'Kép',          'Kep commune',         'BG', 106.280, 21.420),
  ('BN-P-BAC-GIANG',    'phường', 'Bắc Giang',   'Bac Giang ward',      'BG', 106.195, 21.275),
  ('BN-P-DA-MAI',       'phường', 'Đa Mai',      'Da Mai ward',         'BG', 106.180, 21.250),
  ('BN-P-TIEN-PHONG',   'phường', 'Tiền Phong',  'Tien Phong ward',     'BG', 106.225, 21.265),
  ('BN-P-YEN-DUNG',     'phường', 'Yên Dũng',    'Yen Dung ward',       'BG', 106.245, 21.212),
  ('BN-P-CANH-THUY',    'phường', 'Cảnh Thụy',   'Canh Thuy ward',      'BG', 106.200, 21.205),
  ('BN-P-TAN-AN',       'phường', 'Tân An',      'Tan An ward',         'BG', 106.270, 21.295),
  ('BN-XA-LUC-NAM',     'xã',    'Lục Nam',      'Luc Nam commune',     'BG', 106.385, 21.298),
  ('BN-XA-BAC-LUNG',    'xã',    'Bắc Lũng',     'Bac Lung commune',    'BG', 106.350, 21.235),
  ('BN-XA-CAM-LY',      'xã',    'Cẩm Lý',       'Cam Ly commune',      'BG', 106.325, 21.265),
  ('BN-P-PHUONG-SON',   'phường', 'Phượng Sơn',  'Phuong Son ward',     'BG', 106.500, 21.320),
  ('BN-P-CHU',          'phường', 'Chũ',         'Chu ward',            'BG', 106.560, 21.373),
  ('BN-XA-SON-DONG',    'xã',    'Sơn Động',     'Son Dong commune',    'BG', 106.850, 21.335),
  ('BN-XA-YEN-THE',     'xã',    'Yên Thế',      'Yen The commune',     'BG', 106.120, 21.520),
  ('BN-XA-BO-HA',       'xã',    'Bố Hạ',        'Bo Ha commune',       'BG', 106.180, 21.460),
  ('BN-P-KINH-BAC',     'phường', 'Kinh Bắc',    'Kinh Bac ward',       'BN', 106.070, 21.180),
  ('BN-P-TU-SON',       'phường', 'Từ Sơn',      'Tu Son ward',         'BN', 105.960, 21.120),
  ('BN-P-QUE-VO',       'phường', 'Quế Võ',      'Que Vo ward',         'BN', 106.170, 21.140),
  ('BN-P-THUAN-THANH',  'phường', 'Thuận Thành', 'Thuan Thanh ward',    'BN', 106.080, 21.050),
  ('BN-XA-GIA-BINH',    'xã',    'Gia Bình',     'Gia Binh commune',    'BN', 106.200, 21.050);

WITH former AS (SELECT code, boundary FROM admin_unit WHERE code IN ('BG', 'BN')),
     seats AS (SELECT c.*, ST_SetSRID(ST_MakePoint(c.lon, c.lat), 4326) AS seat FROM demo_commune c),
     cells AS (SELECT f.code AS former, (ST_Dump(ST_VoronoiPolygons(ST_Collect(s.seat), 0, f.boundary))).geom AS cell
                 FROM former f JOIN seats s ON s.former = f.code GROUP BY f.code, f.boundary)
INSERT INTO admin_unit (code, level, unit_type, name_vi, name_en, parent_id, valid_from, boundary, boundary_accuracy,
                        boundary_note, source)
SELECT s.code, 'COMMUNE', s.unit_type, s.name_vi, s.name_en, p.id, DATE '2025-07-01',
       ST_Multi(ST_CollectionExtract(ST_Intersection(c.cell, f.boundary), 3)), 'APPROXIMATE',
       'Demo outline: the area nearest to the assumed seat among the units recorded here; not the real boundary.',
       'Nghị quyết 1658/NQ-UBTVQH15 (16/6/2025) on the commune-level units of Bắc Ninh province (99: 66 communes, '
       || '33 wards), not among the seeds: name to be checked against it; outline approximate (demo)'
  FROM seats s
  JOIN cells c ON c.former = s.former AND ST_Contains(c.cell, s.seat)
  JOIN former f ON f.code = s.former
 CROSS JOIN (SELECT id FROM admin_unit WHERE code = 'BN-2025') p
ON CONFLICT (code) DO UPDATE SET level = EXCLUDED.level, unit_type = EXCLUDED.unit_type, name_vi = EXCLUDED.name_vi,
  name_en = EXCLUDED.name_en, parent_id = EXCLUDED.parent_id, valid_from = EXCLUDED.valid_from,
  boundary = EXCLUDED.boundary, boundary_accuracy = EXCLUDED.boundary_accuracy,
  boundary_note = EXCLUDED.boundary_note, source = EXCLUDED.source;

-- Who took over whose area: each commune or ward from every district (or the former Bắc Ninh,
-- whose districts the demo does not hold) covering at least a hundredth of it.
INSERT INTO admin_unit_succession (predecessor_id, successor_id, effective_on, legal_basis)
SELECT old.id, new.id, DATE '2025-07-01',
       'Nghị quyết 1658/NQ-UBTVQH15: sắp xếp đơn vị hành chính cấp xã; cấp huyện kết thúc hoạt động từ 01/7/2025'
  FROM admin_unit new
  JOIN demo_commune c ON c.code = new.code
  JOIN admin_unit old ON ST_Intersects(old.boundary, new.boundary)
   AND ((old.level = 'DISTRICT' AND old.code LIKE 'BG-%') OR (old.code = 'BN' AND c.former = 'BN'))
 WHERE ST_Area(ST_Intersection(old.boundary, new.boundary)) >= 0.01 * ST_Area(new.boundary)
ON CONFLICT (predecessor_id, successor_id) DO UPDATE SET effective_on = EXCLUDED.effective_on, legal_basis = EXCLUDED.legal_basis;
