package vn.landregistry.zones;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.landregistry.support.PostgisTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The Bắc Giang demo data: every zone the seed documents name, with valid, placed geometry. */
class DemoDataTest extends PostgisTest {

	/** Zones named in shared/seeds, read off the documents (file:line where each is named). */
	static final Map<String, String> SEED_ZONES = Map.ofEntries(
			// 001_a10c2ba26ad84cae.txt:95 (2021 investment files) and :185 (clearance by 2025)
			Map.entry("Khu công nghiệp Yên Lư", "KCN"), Map.entry("Khu công nghiệp Yên Sơn - Bắc Lũng", "KCN"),
			Map.entry("Khu công nghiệp Tân Hưng", "KCN"), Map.entry("Khu công nghiệp Quang Châu", "KCN"),
			Map.entry("Khu công nghiệp Hòa Phú", "KCN"), Map.entry("Khu công nghiệp Việt Hàn", "KCN"),
			Map.entry("Khu công nghiệp Quang Châu mở rộng", "KCN"),
			// 002_618431115684171d.txt:85 (clean land created in 2024) and :547 (2025 clearance task)
			Map.entry("Khu công nghiệp Hòa Phú mở rộng", "KCN"), Map.entry("Khu công nghiệp Phúc Sơn", "KCN"),
			Map.entry("Khu công nghiệp Việt Hàn mở rộng", "KCN"),
			// 002_618431115684171d.txt:209 (footnote 21: zoning plans in preparation)
			Map.entry("Khu công nghiệp Yên Sơn", "KCN"),
			Map.entry("Khu công nghiệp Mỹ Thái - Xuân Hương - Tân Dĩnh", "KCN"),
			Map.entry("Khu công nghiệp Minh Đức - Thượng Lan - Ngọc Thiện", "KCN"),
			Map.entry("Khu công nghiệp Ngọc Thiện", "KCN"), Map.entry("Khu công nghiệp Thượng Lan", "KCN"),
			Map.entry("Khu công nghiệp Thái Đào - Tân An", "KCN"), Map.entry("Khu công nghiệp Ngọc Lý", "KCN"),
			// 001_a10c2ba26ad84cae.txt:185 (land handed over in 2021)
			Map.entry("Cụm công nghiệp Hợp Thịnh", "CCN"), Map.entry("Cụm công nghiệp Thanh Vân", "CCN"),
			Map.entry("Cụm công nghiệp Việt Nhật", "CCN"), Map.entry("Cụm công nghiệp Việt Tiến", "CCN"),
			Map.entry("Cụm công nghiệp Tăng Tiến", "CCN"), Map.entry("Cụm công nghiệp Nội Hoàng", "CCN"),
			Map.entry("Cụm công nghiệp Yên Lư", "CCN"), Map.entry("Cụm công nghiệp Nham Sơn - Yên Lư", "CCN"),
			Map.entry("Cụm công nghiệp Dĩnh Trì", "CCN"),
			// 001_a10c2ba26ad84cae.txt:185-187 (established or expanded 2016-2020, clearance by 2025)
			Map.entry("Cụm công nghiệp Hà Thịnh", "CCN"), Map.entry("Cụm công nghiệp Đoàn Bái", "CCN"),
			Map.entry("Cụm công nghiệp Đoàn Bái - Lương Phong 1", "CCN"),
			Map.entry("Cụm công nghiệp Đoàn Bái - Lương Phong 2", "CCN"), Map.entry("Cụm công nghiệp JUTECH", "CCN"),
			Map.entry("Cụm công nghiệp Trung Sơn - Ninh Sơn", "CCN"), Map.entry("Cụm công nghiệp Đồng Đình", "CCN"),
			Map.entry("Cụm công nghiệp Lăng Cao", "CCN"), Map.entry("Cụm công nghiệp Hương Sơn", "CCN"),
			Map.entry("Cụm công nghiệp Đại Lâm", "CCN"), Map.entry("Cụm công nghiệp Nghĩa Hòa", "CCN"),
			Map.entry("Cụm công nghiệp Lan Sơn 2", "CCN"), Map.entry("Cụm công nghiệp Tiên Hưng", "CCN"),
			Map.entry("Cụm công nghiệp Mỹ An", "CCN"), Map.entry("Cụm công nghiệp Tân Mỹ", "CCN"));

	@Test
	void everyZoneNamedInTheSeedsIsPresentWithItsKind() {
		Map<String, String> stored = new java.util.HashMap<>();
		this.jdbc.sql("SELECT name_vi, kind FROM zone").query((rs, i) -> stored.put(rs.getString(1), rs.getString(2)))
			.list();
		assertThat(stored).containsAllEntriesOf(SEED_ZONES);
	}

	@Test
	void noZoneWithoutASeedCitation() {
		List<String> uncited = this.jdbc
			.sql("SELECT code FROM zone WHERE source !~ '^00[0-4]_[0-9a-f]{16}\\.txt:[0-9]+(-[0-9]+)?$'")
			.query(String.class).list();
		assertThat(uncited).isEmpty();
	}

	@Test
	void everyBoundaryIsAValidMultiPolygonIn4326() {
		List<String> bad = this.jdbc.sql("""
				SELECT code FROM zone
				 WHERE boundary IS NULL OR NOT ST_IsValid(boundary) OR ST_SRID(boundary) <> 4326
				    OR GeometryType(boundary) <> 'MULTIPOLYGON' OR ST_IsEmpty(boundary)""").query(String.class).list();
		assertThat(bad).isEmpty();
	}

	@Test
	void everyZoneLiesInsideItsDistrictOutline() {
		List<String> outside = this.jdbc.sql("""
				SELECT z.code FROM zone z JOIN admin_unit d ON d.id = z.district_id
				 WHERE d.level <> 'DISTRICT' OR NOT ST_CoveredBy(z.boundary, d.boundary)""").query(String.class).list();
		assertThat(outside).isEmpty();
	}

	@Test
	void zonesOfTheSameKindDoNotOverlap() {
		List<String> overlaps = this.jdbc.sql("""
				SELECT a.code || ' / ' || b.code FROM zone a JOIN zone b
				  ON a.id < b.id AND a.kind = b.kind AND ST_Intersects(a.boundary, b.boundary)
				 WHERE ST_Area(ST_Intersection(a.boundary, b.boundary)::geography) > 1""").query(String.class).list();
		assertThat(overlaps).isEmpty();
	}

	/**
	 * Without a legal area a zone is drawn at the province average of its kind (002_618431115684171d.txt:195:
	 * 9 KCN on 2,358.54 ha, 55 CCN on 2,329 ha), and says so as a demo figure citing that line.
	 */
	@Test
	void drawnBoundariesAreMarkedApproximateAndSizedToLegalOrNominalArea() {
		List<Map<String, Object>> zones = this.jdbc.sql("""
				SELECT code, kind, legal_area_ha, boundary_accuracy, boundary_note, figure_sources ->> 'mapAreaHa' AS cited,
				       ST_Area(boundary::geography) / 10000 AS map_ha FROM zone""").query().listOfRows();
		assertThat(zones).isNotEmpty();
		for (Map<String, Object> zone : zones) {
			assertThat(zone.get("boundary_accuracy")).as("%s", zone.get("code")).isEqualTo("APPROXIMATE");
			assertThat((String) zone.get("boundary_note")).isNotBlank();
			double expected = zone.get("legal_area_ha") != null ? ((Number) zone.get("legal_area_ha")).doubleValue()
					: "KCN".equals(zone.get("kind")) ? 2358.54 / 9 : 2329.0 / 55;
			assertThat(((Number) zone.get("map_ha")).doubleValue()).as("%s", zone.get("code"))
				.isBetween(expected * 0.98, expected * 1.02);
			if (zone.get("legal_area_ha") == null) {
				assertThat((String) zone.get("cited")).as("%s", zone.get("code")).startsWith("demo")
					.contains("002_618431115684171d.txt:195 (province average");
			}
		}
	}

	/** A "… mở rộng" row is the expansion area of the zone of the same name, its parent. */
	@Test
	void expansionAreasNameTheZoneTheyExtend() {
		List<String> rows = this.jdbc.sql("""
				SELECT z.code || ' ' || z.plan_status || ' ' || coalesce(p.code, '-') FROM zone z LEFT JOIN zone p ON p.id = z.parent_id
				 WHERE z.name_vi LIKE '% mở rộng' OR z.parent_id IS NOT NULL
				 ORDER BY z.code""").query(String.class).list();
		assertThat(rows).containsExactly("KCN-HOA-PHU-MR EXPANDED KCN-HOA-PHU", "KCN-QUANG-CHAU-MR EXPANDED KCN-QUANG-CHAU",
				"KCN-VIET-HAN-MR EXPANDED KCN-VIET-HAN");
		assertThat(this.jdbc.sql("SELECT plan_status || ' ' || lifecycle FROM zone WHERE code = 'KCN-QUANG-CHAU'")
			.query(String.class).single()).isEqualTo("EXISTING OPERATING");
		assertThat(this.jdbc.sql("SELECT lifecycle FROM zone WHERE code = 'KCN-QUANG-CHAU-MR'").query(String.class).single())
			.isEqualTo("UNDER_CONSTRUCTION");
	}

	/**
	 * Land the seeds say was cleared and handed over in 2021 (001_a10c2ba26ad84cae.txt:185: KCN Việt Hàn
	 * phase 1 of 50 ha and nine CCN) or by 2025 (Quang Châu's expansion): a demo phase handed over on a
	 * day of that year, plots only inside it, all cleared that day.
	 */
	@Test
	void landHandedOverIn2021Or2025IsAPhaseWhosePlotsAreClearedThatDay() {
		Map<String, Integer> handedOverIn = new java.util.TreeMap<>(Map.of("KCN-VIET-HAN", 2021, "KCN-QUANG-CHAU-MR", 2025));
		for (String ccn : List.of("HOP-THINH", "THANH-VAN", "VIET-NHAT", "VIET-TIEN", "TANG-TIEN", "NOI-HOANG", "YEN-LU",
				"NHAM-SON-YEN-LU", "DINH-TRI")) {
			handedOverIn.put("CCN-" + ccn, 2021);
		}
		for (Map.Entry<String, Integer> zone : handedOverIn.entrySet()) {
			Map<String, Object> row = this.jdbc.sql("""
					SELECT min(h.day) AS handed_over, count(*) AS phases, bool_and(c.note LIKE 'DEMO:%') AS labelled,
					       (SELECT count(*) FROM plot p WHERE p.zone_id = z.id AND p.demo) AS plots,
					       (SELECT count(*) FROM plot p WHERE p.zone_id = z.id
					         AND (p.cleared_on IS DISTINCT FROM min(h.day)
					              OR ST_Area(ST_Difference(p.boundary, ST_Union(c.boundary))::geography) > 1)) AS plots_elsewhere
					  FROM zone z
					  JOIN clearance_phase c ON c.zone_id = z.id AND c.demo AND c.status = 'HANDED_OVER'
					 CROSS JOIN LATERAL (SELECT min(e.event_date) AS day FROM clearance_event e
					                      WHERE e.phase_id = c.id AND e.new_values ->> 'status' = 'HANDED_OVER') h
					 WHERE z.code = :code GROUP BY z.id""").param("code", zone.getKey()).query().singleRow();
			assertThat(((java.sql.Date) row.get("handed_over")).toLocalDate().getYear()).as(zone.getKey())
				.isEqualTo(zone.getValue());
			assertThat(row.get("labelled")).as(zone.getKey()).isEqualTo(true);
			assertThat(((Number) row.get("plots")).longValue()).as(zone.getKey()).isPositive();
			assertThat(((Number) row.get("plots_elsewhere")).longValue()).as(zone.getKey()).isZero();
		}
		assertThat(this.jdbc.sql("""
				SELECT round(c.area_ha) FROM clearance_phase c JOIN zone z ON z.id = c.zone_id
				 WHERE z.code = 'KCN-VIET-HAN' AND c.status = 'HANDED_OVER'""").query(Integer.class).single()).isEqualTo(50);
	}

	/** No plot is leased or reserved before it is cleared; a plot not cleared is not leased at all. */
	@Test
	void noLeaseBeforeItsPlotIsCleared() {
		List<String> early = this.jdbc.sql("""
				SELECT z.code || '/' || p.code || ' ' || coalesce(l.reserved_on, l.signed_on) || ' < ' || coalesce(p.cleared_on::text, 'never')
				  FROM lease l JOIN plot p ON p.id = l.plot_id JOIN zone z ON z.id = p.zone_id
				 WHERE p.cleared_on IS NULL OR coalesce(l.reserved_on, l.signed_on) < p.cleared_on""").query(String.class).list();
		assertThat(early).isEmpty();
	}

	/**
	 * Figures invented for the demo say so: an operating lifecycle the seeds do not state, the land
	 * budget of generated plots, a nominal area; each starts with "demo" in figure_sources.
	 */
	@Test
	void inventedZoneFiguresAreMarkedDemo() {
		List<String> unmarked = this.jdbc.sql("""
				SELECT z.code || ' ' || f.property FROM zone z
				 CROSS JOIN LATERAL (VALUES ('lifecycle', z.lifecycle = 'OPERATING' AND z.figure_sources ->> 'lifecycle' !~ '^00[0-4]_'),
				                            ('leaseLandHa', z.lease_land_ha IS NOT NULL), ('otherLandHa', z.other_land_ha IS NOT NULL),
				                            ('mapAreaHa', z.legal_area_ha IS NULL)) AS f (property, invented)
				 WHERE f.invented AND z.source ~ '^00[0-4]_'
				   AND coalesce(z.figure_sources ->> f.property, '') NOT LIKE 'demo%'""").query(String.class).list();
		assertThat(unmarked).isEmpty();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM zone WHERE lifecycle = 'OPERATING' AND figure_sources ->> 'lifecycle' LIKE 'demo reading:%'""")
			.query(Integer.class).single()).as("operating zones whose lifecycle the seeds do not state").isEqualTo(12);
	}

	@Test
	void everyTableThatCanBeEditedHasAVersionAndTimestamps() {
		List<String> missing = this.jdbc.sql("""
				SELECT t.table_name FROM information_schema.tables t
				 WHERE t.table_schema = 'public' AND t.table_name IN ('admin_unit', 'zone', 'plan_target')
				   AND (SELECT count(*) FROM information_schema.columns c WHERE c.table_name = t.table_name
				          AND c.column_name IN ('version', 'created_at', 'updated_at')) <> 3""").query(String.class).list();
		assertThat(missing).isEmpty();
	}

}
