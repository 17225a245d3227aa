-- Figures the Bắc Giang documents report, kept beside the figures computed from the registry.
-- 002_618431115684171d.txt is the 2025 plan drafted in July 2024; its figures are "to date",
-- recorded here as of 2024-06-30. Rates are fractions (0.6675 = 66.75 %).
-- Changes are attributed to the demo loader in the history (change_history); the demo describes
-- what exists since before the registry, so its records hold from the beginning (valid_from).
SELECT set_config('registry.user', 'demo loader (gis/demo)', true), set_config('registry.reason', 'Bắc Giang demo data', true),
       set_config('registry.valid_from', '-infinity', true);
CREATE TEMP TABLE demo_reported (kind text, metric text, value numeric, description text, source text) ON COMMIT DROP;
INSERT INTO demo_reported VALUES
  ('KCN', 'OCCUPANCY_RATE', 0.6675, 'Tỷ lệ lấp đầy các KCN đạt khoảng 66,75%', '002_618431115684171d.txt:69'),
  ('CCN', 'OCCUPANCY_RATE', 0.405, 'Tỷ lệ lấp đầy các CCN đạt khoảng 40,5%', '002_618431115684171d.txt:69'),
  ('KCN', 'APPROVED_ZONE_COUNT', 9, '09 KCN được Thủ tướng Chính phủ chấp thuận chủ trương đầu tư', '002_618431115684171d.txt:195'),
  ('KCN', 'APPROVED_AREA_HA', 2358.54, 'Tổng diện tích đất của 09 KCN khoảng 2.358,54 ha', '002_618431115684171d.txt:195'),
  ('KCN', 'ENTERPRISES', 426, '426 doanh nghiệp đang hoạt động sản xuất kinh doanh tại các KCN', '002_618431115684171d.txt:195'),
  ('CCN', 'ZONE_COUNT', 55, '55 CCN được thành lập', '002_618431115684171d.txt:195'),
  ('CCN', 'AREA_HA', 2329, 'Tổng diện tích 55 CCN: 2.329 ha', '002_618431115684171d.txt:195'),
  ('CCN', 'OPERATING_ZONE_COUNT', 35, '35/55 CCN đã đầu tư hạ tầng kỹ thuật và đi vào hoạt động', '002_618431115684171d.txt:195'),
  ('CCN', 'OPERATING_AREA_HA', 1245, 'Diện tích 35 CCN đang hoạt động: 1.245 ha', '002_618431115684171d.txt:195'),
  ('CCN', 'PROJECTS', 280, '280 dự án đang đầu tư trong các CCN', '002_618431115684171d.txt:195'),
  ('CCN', 'REGISTERED_CAPITAL_BN_VND', 35358, 'Tổng vốn đăng ký 35.358 tỷ đồng', '002_618431115684171d.txt:195'),
  ('CCN', 'WORKERS', 44866, 'Giải quyết việc làm cho 44.866 người lao động', '002_618431115684171d.txt:195');

INSERT INTO reported_statistic (region_id, kind, metric, value, as_of, description, source)
SELECT p.id, r.kind, r.metric, r.value, DATE '2024-06-30', r.description, r.source
  FROM demo_reported r CROSS JOIN admin_unit p
 WHERE p.code = 'BG'
ON CONFLICT (region_id, kind, metric, as_of, source) DO UPDATE
  SET value = EXCLUDED.value, description = EXCLUDED.description;
