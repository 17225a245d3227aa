-- Land clearance (GPMB) phases of the zones the seeds name as clearing land, with their history
-- of events (repeatable). Every phase and event is flagged demo: the seeds give a few figures
-- (cited in `source`) but no phases, dates of steps, households or amounts; those are invented
-- for illustration and say so in their note.
--
-- Seed figures used:
--   002_618431115684171d.txt:85  — H1 2024: clearance done, 75.43 ha of clean land in KCN Yên Lư
--                                  and KCN Hoà Phú mở rộng (jointly; the split 45.00 / 30.43 is invented)
--   001_a10c2ba26ad84cae.txt:185 — 2021: clear and hand over KCN Việt Hàn phase 1 (50 ha) and the
--                                  CCN Hợp Thịnh, Thanh Vân, Việt Nhật, Việt Tiến, Tăng Tiến, Nội Hoàng,
--                                  Yên Lư, Nham Sơn - Yên Lư, Dĩnh Trì (each handed over whole, on an
--                                  invented day of 2021); by 2025: clear KCN Yên Lư, Yên Sơn - Bắc
--                                  Lũng, Tân Hưng and the expansions (Quang Châu's handed over on an
--                                  invented day of 2025)
--   002_618431115684171d.txt:547 — 2025 task: speed up and complete clearance of KCN Phúc Sơn and
--                                  KCN Việt Hàn mở rộng
-- Targets of "by 2025" are taken as 2025-12-31, so phases not handed over by then are overdue.
--
-- Shapes: zone boundaries are approximate, so each phase is the zone's shape scaled down around a
-- point near its west or east edge until it has the phase's area (inside the zone because the
-- zone is convex); a phase without an area is the whole zone. Steps are replayed through the same
-- rules as the API: each event records the phase before and after, and the phase ends holding its
-- latest event.
-- This file runs before the plots (R__06), which cut the clean land of the handed-over phases
-- into plots cleared on the day of handover; it writes no plots itself. (It was R__06 until the
-- plots needed the phases first; Flyway ignores the history rows of the old names.)
-- Changes are attributed to the demo loader in the history (change_history); the demo describes
-- what exists since before the registry, so its records hold from the beginning (valid_from).
SELECT set_config('registry.user', 'demo loader (gis/demo)', true), set_config('registry.reason', 'Bắc Giang demo data', true),
       set_config('registry.valid_from', '-infinity', true);
SET LOCAL registry.reload_demo = 'on';
DELETE FROM clearance_event WHERE demo;
DELETE FROM clearance_phase WHERE demo;

CREATE TEMP TABLE demo_phase (
  zone_code text, code text, name text, area_ha numeric, side text, target_date date, households int,
  planned_vnd numeric, source text, note text) ON COMMIT DROP;
INSERT INTO demo_phase VALUES
  ('KCN-YEN-LU', 'GD1', 'Giai đoạn 1', 45.00, 'W', DATE '2024-06-30', 212, 186000000000,
   '002_618431115684171d.txt:85',
   'Seed: 75.43 ha cleared in H1 2024 jointly with KCN Hoà Phú mở rộng; the 45.00 ha share, dates, households and amounts are invented'),
  ('KCN-HOA-PHU-MR', 'GD1', 'Giai đoạn 1', 30.43, 'W', DATE '2024-06-30', 140, 121000000000,
   '002_618431115684171d.txt:85',
   'Seed: 75.43 ha cleared in H1 2024 jointly with KCN Yên Lư; the 30.43 ha share, dates, households and amounts are invented'),
  ('KCN-YEN-LU', 'GD2', 'Giai đoạn 2', 25.00, 'E', DATE '2025-12-31', 118, 104000000000,
   '001_a10c2ba26ad84cae.txt:185', 'Seed: clearance of KCN Yên Lư by 2025; the phase, its area and progress are invented'),
  ('KCN-PHUC-SON', 'GD1', 'Giai đoạn 1', 60.00, 'W', DATE '2025-12-31', 265, 240000000000,
   '002_618431115684171d.txt:547', 'Seed: complete clearance of KCN Phúc Sơn (2025 task); area and progress invented'),
  ('KCN-VIET-HAN-MR', 'GD1', 'Giai đoạn 1', 50.00, 'W', DATE '2025-12-31', 230, 205000000000,
   '002_618431115684171d.txt:547', 'Seed: complete clearance of KCN Việt Hàn mở rộng (2025 task); area, progress and the blocking dispute invented'),
  ('KCN-VIET-HAN', 'GD1', 'Giai đoạn 1 (50 ha)', 50.00, 'W', DATE '2021-12-31', 190, 150000000000,
   '001_a10c2ba26ad84cae.txt:185', 'Seed: phase 1 of 50 ha to be cleared and handed over in 2021; dates, households and amounts invented'),
  ('KCN-YEN-SON-BAC-LUNG', 'GD1', 'Giai đoạn 1', 80.00, 'W', DATE '2025-12-31', 340, 310000000000,
   '001_a10c2ba26ad84cae.txt:185', 'Seed: clearance by 2025; area and progress invented'),
  ('KCN-TAN-HUNG', 'GD1', 'Giai đoạn 1', 80.00, 'W', DATE '2025-12-31', 325, 295000000000,
   '001_a10c2ba26ad84cae.txt:185', 'Seed: clearance by 2025; area and progress invented'),
  ('KCN-QUANG-CHAU-MR', 'GD1', 'Toàn bộ phần mở rộng', NULL, 'W', DATE '2025-12-31', 610, 540000000000,
   '001_a10c2ba26ad84cae.txt:185',
   'Seed: clearance of the expansion of KCN Quang Châu by 2025; the single phase, the handover day, households and amounts are invented');

-- The CCN whose land was to be cleared and handed over in 2021 (001:185): each handed over whole
-- on an invented day of 2021, after steps on a common pattern (days before the handover).
CREATE TEMP TABLE demo_handover (zone_code text, handed_over date, households int, planned_vnd numeric) ON COMMIT DROP;
INSERT INTO demo_handover VALUES
  ('CCN-DINH-TRI',        DATE '2021-05-25',  88, 50000000000),
  ('CCN-HOP-THINH',       DATE '2021-06-30', 104, 58000000000),
  ('CCN-VIET-TIEN',       DATE '2021-07-28',  97, 54000000000),
  ('CCN-THANH-VAN',       DATE '2021-08-20', 112, 61000000000),
  ('CCN-VIET-NHAT',       DATE '2021-09-15',  91, 52000000000),
  ('CCN-NOI-HOANG',       DATE '2021-10-05', 120, 62000000000),
  ('CCN-NHAM-SON-YEN-LU', DATE '2021-10-15',  96, 52000000000),
  ('CCN-TANG-TIEN',       DATE '2021-11-10',  85, 49000000000),
  ('CCN-YEN-LU',          DATE '2021-12-15', 109, 57000000000);
INSERT INTO demo_phase
SELECT zone_code, 'GD1', 'Toàn cụm', NULL, 'W', DATE '2021-12-31', households, planned_vnd, '001_a10c2ba26ad84cae.txt:185',
       'Seed: clearance and handover to the investor in 2021; the handover day (' || handed_over
       || '), the steps, households and amounts are invented'
  FROM demo_handover;

-- The steps of each phase after its registration: cleared and paid as shares of the area and of
-- the planned amount.
CREATE TEMP TABLE demo_step (
  zone_code text, code text, n int, event_date date, status text, cleared_share numeric, paid_share numeric,
  relocated_share numeric, decision_no text, blocked_reason text, reason text, attachment_ref text, note text)
  ON COMMIT DROP;
INSERT INTO demo_step VALUES
  ('KCN-YEN-LU', 'GD1', 1, DATE '2022-10-14', 'INVENTORY', 0, 0, 0, NULL, NULL, NULL, 'BB kiểm đếm 01/2022 (minh họa)', 'Kiểm đếm hiện trạng đất và tài sản'),
  ('KCN-YEN-LU', 'GD1', 2, DATE '2023-03-20', 'PLAN_APPROVED', 0, 0, 0, 'QĐ 312/QĐ-UBND (minh họa)', NULL, NULL, NULL, 'Phê duyệt phương án bồi thường'),
  ('KCN-YEN-LU', 'GD1', 3, DATE '2023-07-05', 'PAYING', 0.25, 0.30, 0.20, NULL, NULL, NULL, NULL, 'Chi trả đợt 1'),
  ('KCN-YEN-LU', 'GD1', 4, DATE '2023-12-18', 'PAYING', 0.70, 0.75, 0.70, NULL, NULL, NULL, NULL, 'Chi trả đợt 2'),
  ('KCN-YEN-LU', 'GD1', 5, DATE '2024-06-25', 'HANDED_OVER', 1, 1, 1, NULL, NULL, NULL, 'BB bàn giao mặt bằng (minh họa)', 'Bàn giao đất sạch cho chủ đầu tư hạ tầng'),
  ('KCN-HOA-PHU-MR', 'GD1', 1, DATE '2022-11-02', 'INVENTORY', 0, 0, 0, NULL, NULL, NULL, NULL, 'Kiểm đếm'),
  ('KCN-HOA-PHU-MR', 'GD1', 2, DATE '2023-04-11', 'PLAN_APPROVED', 0, 0, 0, 'QĐ 455/QĐ-UBND (minh họa)', NULL, NULL, NULL, 'Phê duyệt phương án bồi thường'),
  ('KCN-HOA-PHU-MR', 'GD1', 3, DATE '2023-09-01', 'PAYING', 0.40, 0.45, 0.30, NULL, NULL, NULL, NULL, 'Chi trả đợt 1'),
  ('KCN-HOA-PHU-MR', 'GD1', 4, DATE '2024-06-14', 'HANDED_OVER', 1, 1, 1, NULL, NULL, NULL, 'BB bàn giao mặt bằng (minh họa)', 'Bàn giao đất sạch'),
  ('KCN-YEN-LU', 'GD2', 1, DATE '2024-09-10', 'INVENTORY', 0, 0, 0, NULL, NULL, NULL, NULL, 'Kiểm đếm'),
  ('KCN-YEN-LU', 'GD2', 2, DATE '2025-04-02', 'PLAN_APPROVED', 0, 0, 0, 'QĐ 201/QĐ-UBND (minh họa)', NULL, NULL, NULL, 'Phê duyệt phương án bồi thường'),
  ('KCN-YEN-LU', 'GD2', 3, DATE '2025-08-15', 'PAYING', 0.35, 0.40, 0.25, NULL, NULL, NULL, NULL, 'Chi trả đợt 1'),
  ('KCN-PHUC-SON', 'GD1', 1, DATE '2024-05-10', 'INVENTORY', 0, 0, 0, NULL, NULL, NULL, NULL, 'Kiểm đếm'),
  ('KCN-PHUC-SON', 'GD1', 2, DATE '2024-11-20', 'PLAN_APPROVED', 0, 0, 0, 'QĐ 1020/QĐ-UBND (minh họa)', NULL, NULL, NULL, 'Phê duyệt phương án bồi thường'),
  ('KCN-PHUC-SON', 'GD1', 3, DATE '2025-03-01', 'PAYING', 0.30, 0.35, 0.20, NULL, NULL, NULL, NULL, 'Chi trả đợt 1'),
  ('KCN-PHUC-SON', 'GD1', 4, DATE '2025-10-01', 'PAYING', 0.55, 0.60, 0.45, NULL, NULL, NULL, NULL, 'Chi trả đợt 2'),
  ('KCN-VIET-HAN-MR', 'GD1', 1, DATE '2024-04-01', 'INVENTORY', 0, 0, 0, NULL, NULL, NULL, NULL, 'Kiểm đếm'),
  ('KCN-VIET-HAN-MR', 'GD1', 2, DATE '2024-10-15', 'PLAN_APPROVED', 0, 0, 0, 'QĐ 880/QĐ-UBND (minh họa)', NULL, NULL, NULL, 'Phê duyệt phương án bồi thường'),
  ('KCN-VIET-HAN-MR', 'GD1', 3, DATE '2025-02-10', 'PAYING', 0.25, 0.30, 0.15, NULL, NULL, NULL, NULL, 'Chi trả đợt 1'),
  ('KCN-VIET-HAN-MR', 'GD1', 4, DATE '2025-07-20', 'BLOCKED', 0.25, 0.30, 0.15, NULL,
   'Một số hộ chưa đồng thuận đơn giá bồi thường (minh họa) / some households dispute the compensation price (illustration)',
   NULL, NULL, 'Tạm dừng, chờ đối thoại'),
  ('KCN-VIET-HAN', 'GD1', 1, DATE '2021-02-01', 'INVENTORY', 0, 0, 0, NULL, NULL, NULL, NULL, 'Kiểm đếm'),
  ('KCN-VIET-HAN', 'GD1', 2, DATE '2021-05-10', 'PLAN_APPROVED', 0, 0, 0, 'QĐ 150/QĐ-UBND (minh họa)', NULL, NULL, NULL, 'Phê duyệt phương án bồi thường'),
  ('KCN-VIET-HAN', 'GD1', 3, DATE '2021-08-01', 'PAYING', 0.50, 0.55, 0.40, NULL, NULL, NULL, NULL, 'Chi trả'),
  ('KCN-VIET-HAN', 'GD1', 4, DATE '2021-11-30', 'HANDED_OVER', 1, 1, 1, NULL, NULL, NULL, 'BB bàn giao mặt bằng (minh họa)', 'Bàn giao giai đoạn 1'),
  ('KCN-YEN-SON-BAC-LUNG', 'GD1', 1, DATE '2025-06-01', 'INVENTORY', 0, 0, 0, NULL, NULL, NULL, NULL, 'Kiểm đếm'),
  ('KCN-TAN-HUNG', 'GD1', 1, DATE '2024-08-01', 'INVENTORY', 0, 0, 0, NULL, NULL, NULL, NULL, 'Kiểm đếm'),
  ('KCN-TAN-HUNG', 'GD1', 2, DATE '2025-05-15', 'PLAN_APPROVED', 0, 0, 0, 'QĐ 644/QĐ-UBND (minh họa)', NULL, NULL, NULL, 'Phê duyệt phương án bồi thường'),
  ('KCN-QUANG-CHAU-MR', 'GD1', 1, DATE '2023-09-12', 'INVENTORY', 0, 0, 0, NULL, NULL, NULL, NULL, 'Kiểm đếm'),
  ('KCN-QUANG-CHAU-MR', 'GD1', 2, DATE '2024-02-26', 'PLAN_APPROVED', 0, 0, 0, 'QĐ 233/QĐ-UBND (minh họa)', NULL, NULL, NULL, 'Phê duyệt phương án bồi thường'),
  ('KCN-QUANG-CHAU-MR', 'GD1', 3, DATE '2024-08-15', 'PAYING', 0.45, 0.50, 0.35, NULL, NULL, NULL, NULL, 'Chi trả đợt 1'),
  ('KCN-QUANG-CHAU-MR', 'GD1', 4, DATE '2025-01-20', 'PAYING', 0.85, 0.90, 0.80, NULL, NULL, NULL, NULL, 'Chi trả đợt 2'),
  ('KCN-QUANG-CHAU-MR', 'GD1', 5, DATE '2025-06-20', 'HANDED_OVER', 1, 1, 1, NULL, NULL, NULL, 'BB bàn giao mặt bằng (minh họa)', 'Bàn giao đất sạch cho chủ đầu tư hạ tầng');
INSERT INTO demo_step
SELECT h.zone_code, 'GD1', s.n, h.handed_over - s.days_before, s.status, s.cleared, s.paid, s.relocated,
       CASE WHEN s.status = 'PLAN_APPROVED' THEN format('QĐ %s/QĐ-UBND (minh họa)', 20 + 9 * row_number() OVER (PARTITION BY s.n ORDER BY h.handed_over)) END,
       NULL, NULL, s.attachment_ref, s.note
  FROM demo_handover h
 CROSS JOIN (VALUES (1, 200, 'INVENTORY', 0, 0, 0, NULL, 'Kiểm đếm'),
                    (2, 140, 'PLAN_APPROVED', 0, 0, 0, NULL, 'Phê duyệt phương án bồi thường'),
                    (3, 70, 'PAYING', 0.60, 0.60, 0.50, NULL, 'Chi trả'),
                    (4, 0, 'HANDED_OVER', 1, 1, 1, 'BB bàn giao mặt bằng (minh họa)', 'Bàn giao cho chủ đầu tư hạ tầng'))
       AS s (n, days_before, status, cleared, paid, relocated, attachment_ref, note);

DO $$
DECLARE
  ph record;
  st record;
  shape geometry;
  anchor geometry;
  centre geometry;
  phase_id bigint;
  before jsonb;
  registered date;
BEGIN
  FOR ph IN SELECT d.*, z.id AS zone_id, z.district_id, z.boundary FROM demo_phase d JOIN zone z ON z.code = d.zone_code LOOP
    centre := ST_Centroid(ph.boundary);
    anchor := ST_ClosestPoint(ph.boundary, ST_Translate(centre, CASE ph.side WHEN 'W' THEN -1 ELSE 1 END, 0));
    anchor := ST_LineInterpolatePoint(ST_MakeLine(centre, anchor), 0.97);
    shape := ph.boundary;
    -- two passes: the area of a lon/lat shape scales with the square of the factor, nearly exactly
    FOR i IN 1..CASE WHEN ph.area_ha IS NULL THEN 0 ELSE 2 END LOOP
      shape := ST_Scale(shape, ST_MakePoint(sqrt(ph.area_ha * 10000 / ST_Area(shape::geography)),
                                            sqrt(ph.area_ha * 10000 / ST_Area(shape::geography))), anchor);
    END LOOP;
    SELECT min(s.event_date) - 30 INTO registered FROM demo_step s WHERE s.zone_code = ph.zone_code AND s.code = ph.code;
    INSERT INTO clearance_phase (zone_id, district_id, code, name, boundary, area_ha, target_date, households_affected,
                                 amount_planned_vnd, last_event_on, demo, source, note)
    VALUES (ph.zone_id, ph.district_id, ph.code, ph.name, ST_Multi(shape), 0, ph.target_date, ph.households,
            ph.planned_vnd, registered, true, ph.source, 'DEMO: ' || ph.note)
    RETURNING id INTO phase_id;
    INSERT INTO clearance_event (phase_id, event_date, author, old_values, new_values, reason, demo, note)
    SELECT phase_id, registered, 'Demo: Ban Quản lý các KCN (minh họa)', '{}'::jsonb, clearance_snapshot(p),
           'registered', true, 'Đăng ký giai đoạn GPMB (minh họa)'
      FROM clearance_phase p WHERE p.id = phase_id;
    FOR st IN SELECT * FROM demo_step s WHERE s.zone_code = ph.zone_code AND s.code = ph.code ORDER BY s.n LOOP
      SELECT clearance_snapshot(p) INTO before FROM clearance_phase p WHERE p.id = phase_id;
      UPDATE clearance_phase p
         SET status = st.status, blocked_reason = st.blocked_reason,
             cleared_ha = CASE WHEN st.status = 'HANDED_OVER' THEN p.area_ha ELSE round(p.area_ha * st.cleared_share, 2) END,
             amount_paid_vnd = round(p.amount_planned_vnd * st.paid_share, -6),
             households_relocated = round(p.households_affected * st.relocated_share),
             plan_decision_no = coalesce(st.decision_no, p.plan_decision_no),
             plan_decision_date = CASE WHEN st.decision_no IS NOT NULL THEN st.event_date ELSE p.plan_decision_date END,
             last_event_on = st.event_date, version = p.version + 1
       WHERE p.id = phase_id;
      INSERT INTO clearance_event (phase_id, event_date, author, old_values, new_values, reason, attachment_ref, note, demo)
      -- recorded by the committee in charge that day: the district's until 2025-06-30, the commune's after
      SELECT phase_id, st.event_date,
             'Demo: ' || coalesce(unit_committee(local_unit_id(p.boundary, st.event_date)), 'UBND tỉnh') || ' (minh họa)',
             before, clearance_snapshot(p), st.reason, st.attachment_ref, st.note, true
        FROM clearance_phase p WHERE p.id = phase_id;
    END LOOP;
  END LOOP;
END $$;
