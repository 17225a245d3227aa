-- What the zones offer investors (repeatable).
--
-- Industries: the seeds give the province's order of priority for industry to 2030 — mechanical
-- engineering, electronics, agro-forestry and food processing, textiles/garments/footwear,
-- electricity production (000_fa53a59e019a4072.txt:152) — not a list per zone, so every zone
-- offers the province's list; logistics is added to the plots the demo marks LOGISTICS' zones.
-- Lease prices, contacts and infrastructure: the seeds give none, so they stay empty.
-- Documents: the plans the seeds are (their titles and issuers as the files give them).
-- Changes are attributed to the demo loader in the history (change_history); the demo describes
-- what exists since before the registry, so its records hold from the beginning (valid_from).
SELECT set_config('registry.user', 'demo loader (gis/demo)', true), set_config('registry.reason', 'Bắc Giang demo data', true),
       set_config('registry.valid_from', '-infinity', true);

UPDATE zone z
   SET industries = ARRAY['MECHANICAL', 'ELECTRONICS', 'AGRO_FOOD', 'TEXTILE_FOOTWEAR', 'ENERGY']
                    || CASE WHEN EXISTS (SELECT 1 FROM plot p WHERE p.zone_id = z.id AND p.land_use = 'LOGISTICS')
                            THEN ARRAY['LOGISTICS'] ELSE ARRAY[]::text[] END,
       figure_sources = z.figure_sources || jsonb_build_object('industries',
         '000_fa53a59e019a4072.txt:152 (province priority industries; no per-zone list in the seeds)')
 WHERE z.industries IS DISTINCT FROM ARRAY['MECHANICAL', 'ELECTRONICS', 'AGRO_FOOD', 'TEXTILE_FOOTWEAR', 'ENERGY']
                    || CASE WHEN EXISTS (SELECT 1 FROM plot p WHERE p.zone_id = z.id AND p.land_use = 'LOGISTICS')
                            THEN ARRAY['LOGISTICS'] ELSE ARRAY[]::text[] END;

-- Documents: the plans of the province that name the zone (its figure_sources.mentions).
DELETE FROM zone_document WHERE source LIKE '00%';
WITH plans (file, title, number, issued_on, issuer) AS (VALUES
  ('001_a10c2ba26ad84cae.txt',
   'Kế hoạch triển khai Nghị quyết số 147-NQ/TU ngày 15/7/2021 của Tỉnh ủy về phát triển công nghiệp tỉnh Bắc Giang giai đoạn 2021-2030',
   '/KH-UBND (8/2021)', NULL::date, 'UBND tỉnh Bắc Giang'),
  ('002_618431115684171d.txt', 'Kế hoạch phát triển kinh tế - xã hội năm 2025 (dự kiến lần 1)', '/KH-UBND (7/2024)', NULL,
   'UBND tỉnh Bắc Giang'))
INSERT INTO zone_document (zone_id, title, number, issued_on, issuer, source)
SELECT DISTINCT ON (z.id, p.file) z.id, p.title, p.number, p.issued_on, p.issuer, m.mention
  FROM zone z
 CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(z.figure_sources -> 'mentions', '[]'::jsonb)) AS m (mention)
  JOIN plans p ON m.mention LIKE p.file || ':%'
 ORDER BY z.id, p.file, m.mention;
