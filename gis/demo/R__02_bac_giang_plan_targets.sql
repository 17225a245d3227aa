-- Targets of the Bắc Giang industrial plan 2021–2030 (001_a10c2ba26ad84cae.txt:31), kept as
-- plan targets, not as zone rows. Repeatable: re-applied when this file changes.
-- Changes are attributed to the demo loader in the history (change_history); the demo describes
-- what exists since before the registry, so its records hold from the beginning (valid_from).
SELECT set_config('registry.user', 'demo loader (gis/demo)', true), set_config('registry.reason', 'Bắc Giang demo data', true),
       set_config('registry.valid_from', '-infinity', true);
CREATE TEMP TABLE demo_target (kind text, target_year int, metric text, comparison text, zone_count int, area_ha numeric, description text) ON COMMIT DROP;
INSERT INTO demo_target VALUES
  ('KCN', 2030, 'NEW',             'EQUAL',    23,   NULL,  'Thành lập mới 23 KCN'),
  ('KCN', 2030, 'EXPANDED',        'EQUAL',     5,   NULL,  'Mở rộng 05 KCN'),
  ('KCN', 2030, 'MERGED_INTO_KCN', 'EQUAL',     6,   NULL,  'Sáp nhập 06 CCN vào KCN'),
  ('KCN', 2030, 'ADDED',           'EQUAL',  NULL, 6518,    'Tổng diện tích KCN thành lập mới, mở rộng và sáp nhập: 6.518 ha'),
  ('KCN', 2030, 'TOTAL',           'EQUAL',    29, 7840,    'Tổng số KCN năm 2030: 29 KCN, 7.840 ha'),
  ('CCN', 2030, 'NEW',             'EQUAL',    29,   NULL,  'Thành lập mới 29 CCN'),
  ('CCN', 2030, 'EXPANDED',        'EQUAL',     3,   NULL,  'Mở rộng 03 CCN'),
  ('CCN', 2030, 'ADDED',           'EQUAL',  NULL, 1853,    'Tổng diện tích CCN thành lập mới và mở rộng: 1.853 ha'),
  ('CCN', 2030, 'REMOVED',         'EQUAL',     9,  372.6,  'Đưa ra khỏi quy hoạch 09 CCN, 372,6 ha'),
  ('CCN', 2030, 'TOTAL',           'EQUAL',    66, 3209,    'Tổng số CCN năm 2030: 66 CCN, 3.209 ha'),
  ('KCN', 2025, 'NEW_IN_USE',      'AT_LEAST',  5,   NULL,  'Đến cuối năm 2025 có thêm ít nhất 05 KCN có hạ tầng đồng bộ đưa vào sử dụng'),
  ('CCN', 2025, 'NEW_IN_USE',      'AT_LEAST',  9,   NULL,  'Đến cuối năm 2025 có thêm ít nhất 09 CCN có hạ tầng đồng bộ đưa vào sử dụng');

INSERT INTO plan_target (region_id, kind, target_year, metric, comparison, zone_count, area_ha, description, source)
SELECT p.id, t.kind, t.target_year, t.metric, t.comparison, t.zone_count, t.area_ha, t.description, '001_a10c2ba26ad84cae.txt:31'
  FROM demo_target t CROSS JOIN admin_unit p
 WHERE p.code = 'BG'
ON CONFLICT (region_id, kind, target_year, metric) DO UPDATE SET comparison = EXCLUDED.comparison,
  zone_count = EXCLUDED.zone_count, area_ha = EXCLUDED.area_ha, description = EXCLUDED.description, source = EXCLUDED.source;
