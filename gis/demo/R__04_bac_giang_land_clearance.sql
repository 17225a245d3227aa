-- Land clearance (GPMB) phases of the zones the seeds name as clearing land, with their history
-- of events (repeatable). Every phase and event is flagged demo: the seeds give a few figures
-- (cited in `source`) but no phases, dates of steps, households or amounts; those are invented
-- for illustration and say so in their note.
--
-- Seed figures used:
--   002_618431115684171d.txt:85  — H1 2024: clearance done, 75.43 ha of clean land in KCN Yên Lư
--                                  and KCN Hoà Phú mở rộng (jointly; the split 45.00 / 30.43 is invented)
--   001_a10c2ba26ad84cae.txt:185 — 2021: clear and hand over KCN Việt Hàn phase 1 (50 ha) and
--                                  CCN Nham Sơn - Yên Lư; by 2025: clear KCN Yên Lư, Yên Sơn - Bắc
--                                  Lũng, Tân Hưng and the expansions
--   002_618431115684171d.txt:547 — 2025 task: speed up and complete clearance of KCN Phúc Sơn and
--                                  KCN Việt Hàn mở rộng
-- Targets of "by 2025" are taken as 2025-12-31, so phases not handed over by then are overdue.
--
-- Shapes: zone boundaries are approximate, so each phase is the zone's shape scaled down around a
-- point near its west or east edge until it has the phase's area (inside the zone because the
-- zone is convex). Steps are replayed through the same rules as the API: each event records the
-- phase before and after, and the phase ends holding its latest event.
-- Changes are attributed to the demo loader in the history (change_history); the demo describes
-- what exists since before the registry, so its records hold from the beginning (valid_from).
SELECT set_config('registry.user', 'demo loader (gis/demo)', true), set_config('registry.reason', 'Bắc Giang demo data', true),
       set_config('registry.valid_from', '-infinity', true);
SET LOCAL registry.reload_demo = 'on';
DELETE FROM clearance_event WHERE demo;
DELETE FROM clearance_phase WHERE demo;
DELETE FROM plot WHERE demo AND note LIKE 'Demo plot: clean land of clearance phase%';

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
  ('CCN-NHAM-SON-YEN-LU', 'GD1', 'Toàn cụm', 30.00, 'W', DATE '2021-12-31', 96, 52000000000,
   '001_a10c2ba26ad84cae.txt:185', 'Seed: clearance and handover to the investor in 2021; dates, households and amounts invented');

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
  ('CCN-NHAM-SON-YEN-LU', 'GD1', 1, DATE '2021-03-15', 'INVENTORY', 0, 0, 0, NULL, NULL, NULL, NULL, 'Kiểm đếm'),
  ('CCN-NHAM-SON-YEN-LU', 'GD1', 2, DATE '2021-06-01', 'PAYING', 0.60, 0.60, 0.50, NULL, NULL, NULL, NULL, 'Chi trả'),
  ('CCN-NHAM-SON-YEN-LU', 'GD1', 3, DATE '2021-10-15', 'HANDED_OVER', 1, 1, 1, NULL, NULL, NULL, NULL, 'Bàn giao cho chủ đầu tư');

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
    FOR i IN 1..2 LOOP
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
      SELECT phase_id, st.event_date, 'Demo: UBND ' || d.name_vi || ' (minh họa)', before, clearance_snapshot(p),
             st.reason, st.attachment_ref, st.note, true
        FROM clearance_phase p JOIN admin_unit d ON d.id = p.district_id WHERE p.id = phase_id;
    END LOOP;
  END LOOP;
END $$;

-- Clean land for investors: the handed-over phases of zones that have no plots yet are divided
-- into plots (blocks of about 4.2 ha, 16 m roads, as in R__04), cleared on the day of handover
-- and not leased.
WITH handed AS (
  SELECT c.id, c.zone_id, c.code, c.last_event_on, ST_Buffer(ST_Transform(c.boundary, 32648), -20) AS inner_area
    FROM clearance_phase c
   WHERE c.demo AND c.status = 'HANDED_OVER' AND NOT EXISTS (SELECT 1 FROM plot p WHERE p.zone_id = c.zone_id)),
blocks AS (
  SELECT h.*, g.i, g.j, ST_CollectionExtract(ST_Intersection(ST_Buffer(g.geom, -8, 'join=mitre'), h.inner_area), 3) AS geom
    FROM handed h CROSS JOIN LATERAL ST_SquareGrid(220, h.inner_area) AS g
   WHERE ST_Intersects(g.geom, h.inner_area))
INSERT INTO plot (zone_id, code, boundary, land_use, cleared_on, demo, note)
SELECT b.zone_id, format('%s-L%s', b.code, lpad(row_number() OVER (PARTITION BY b.id ORDER BY b.j DESC, b.i)::text, 2, '0')),
       ST_Multi(ST_Transform(b.geom, 4326)), 'INDUSTRIAL', b.last_event_on, true,
       'Demo plot: clean land of clearance phase ' || b.code || ' (generated subdivision)'
  FROM blocks b
 WHERE ST_Area(b.geom) > 15000;
