package vn.landregistry.admin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;
import vn.landregistry.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.landregistry.support.Problems.assertProblem;

/**
 * The 2025 reform as data: until 2025-06-30 the demo zones lie in districts of Bắc Giang, from
 * 2025-07-01 in communes and wards of the merged Bắc Ninh, found by their shapes; statistics,
 * clearance and officers follow the units of each day.
 */
class ReformTest extends PostgisTest {

	static final String BEFORE = "2025-06-30";

	static final String AFTER = "2025-07-01";

	TestRegistry registry;

	@AfterEach
	void clear() {
		if (this.registry != null) {
			this.registry.clear();
		}
	}

	@Test
	void theUnitsOfADayAreTheDistrictsBeforeTheReformAndTheCommunesAfter() {
		List<JsonNode> before = features(this.http.get("/api/units?asOf=" + BEFORE).json());
		List<JsonNode> after = features(this.http.get("/api/units?asOf=" + AFTER).json());

		assertThat(codes(before)).contains("BG-VY", "BG-YD", "BG-LNA").noneMatch(c -> c.startsWith("BN-"));
		assertThat(before).filteredOn(f -> f.get("properties").get("code").asString().startsWith("BG-"))
			.hasSize(10)
			.allMatch(f -> f.get("properties").get("level").asString().equals("DISTRICT")
					&& f.get("properties").get("province").asString().equals("BG"));
		assertThat(codes(after)).contains("BN-P-NENH", "BN-XA-HIEP-HOA").noneMatch(c -> c.startsWith("BG-"));
		assertThat(after).filteredOn(f -> f.get("properties").get("code").asString().startsWith("BN-"))
			.allMatch(f -> f.get("properties").get("level").asString().equals("COMMUNE")
					&& f.get("properties").get("province").asString().equals("BN-2025")
					&& f.get("properties").get("boundaryAccuracy").asString().equals("APPROXIMATE")
					&& f.get("properties").get("source").asString().contains("1658/NQ-UBTVQH15"));
		assertThat(codes(features(this.http.get("/api/units?level=province&asOf=" + BEFORE).json())))
			.contains("BG", "BN").doesNotContain("BN-2025");
		assertThat(codes(features(this.http.get("/api/units?level=province&asOf=" + AFTER).json())))
			.contains("BN-2025").doesNotContain("BG", "BN");

		// who took over whose area
		JsonNode nenh = this.http.get("/api/units/BN-P-NENH").json().get("properties");
		assertThat(strings(nenh.get("predecessors"))).contains("BG-VY");
		assertThat(nenh.get("committee").asString()).isEqualTo("UBND phường Nếnh");
		assertThat(strings(this.http.get("/api/units/BG").json().get("properties").get("successors")))
			.containsExactly("BN-2025");
		assertProblem(this.http.get("/api/units/XX-NONE"), 404, null, "no administrative unit with code 'XX-NONE'");
		JsonNode level = assertProblem(this.http.get("/api/units?level=county"), 400, null, "county");
		assertThat(level.get("parameter").asString()).isEqualTo("level");
	}

	@Test
	void aZoneIsPlacedByItsShapeInTheUnitsOfEachDay() {
		JsonNode before = zone("KCN-QUANG-CHAU", BEFORE);
		JsonNode after = zone("KCN-QUANG-CHAU", AFTER);
		assertThat(before.get("unit").asString()).isEqualTo("BG-VY");
		assertThat(before.get("unitLevel").asString()).isEqualTo("DISTRICT");
		assertThat(before.get("province").asString()).isEqualTo("BG");
		assertThat(after.get("unitLevel").asString()).isEqualTo("COMMUNE");
		assertThat(after.get("province").asString()).isEqualTo("BN-2025");
		// the same answer as PostGIS gives for the zone's shape
		String expected = this.jdbc.sql("""
				SELECT u.code FROM zone z JOIN admin_unit u ON u.id = local_unit_id(z.boundary, DATE '2025-07-01')
				 WHERE z.code = 'KCN-QUANG-CHAU'""").query(String.class).single();
		assertThat(after.get("unit").asString()).isEqualTo(expected).startsWith("BN-");
		// a district filter still finds its zones after the district ended (judged on its last day)
		List<String> inVietYen = StreamSupport
			.stream(this.http.get("/api/zones?district=BG-VY&asOf=2026-01-01").json().get("features").spliterator(), false)
			.map(f -> f.get("properties").get("code").asString()).toList();
		assertThat(inVietYen).contains("KCN-QUANG-CHAU", "KCN-VIET-HAN").doesNotContain("KCN-YEN-LU");
	}

	@Test
	void fillRatesAreGroupedByTheUnitsOfTheChosenDayAndAddUpToTheProvince() {
		for (String day : List.of("2024-06-30", "2026-01-01")) {
			JsonNode byUnit = this.http.get("/api/stats/fill-rate?groupBy=unit&kind=KCN,CCN&asOf=" + day).json();
			JsonNode byProvince = this.http.get("/api/stats/fill-rate?groupBy=province&asOf=" + day).json();
			List<JsonNode> demoRows = StreamSupport.stream(byUnit.get("rows").spliterator(), false)
				.filter(r -> !r.get("key").asString().startsWith("TST")).toList();
			assertThat(demoRows).isNotEmpty();
			String level = day.startsWith("2024") ? "DISTRICT" : "COMMUNE";
			String prefix = day.startsWith("2024") ? "BG-" : "BN-";
			assertThat(demoRows).as(day).allMatch(r -> r.get("level").asString().equals(level)
					&& r.get("key").asString().startsWith(prefix));
			JsonNode province = StreamSupport.stream(byProvince.get("rows").spliterator(), false)
				.filter(r -> r.get("key").asString().equals(day.startsWith("2024") ? "BG" : "BN-2025")).findFirst()
				.orElseThrow();
			BigDecimal land = demoRows.stream().map(r -> r.get("leaseLandHa").decimalValue())
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(land).as(day).isEqualByComparingTo(province.get("leaseLandHa").decimalValue());
		}
		// the district grouping of an old day is asked for under its old name too
		assertThat(this.http.get("/api/stats/fill-rate?groupBy=district&asOf=2024-06-30").json().get("groupBy").asString())
			.isEqualTo("unit");
	}

	@Test
	void theProvinceSeriesRunsOnAcrossTheMergerAndSaysWhereTheGroupingChanges() {
		JsonNode series = this.http
			.get("/api/stats/fill-rate/series?groupBy=province&unit=BN-2025&from=2025-01-01&to=2025-12-31&step=quarter")
			.json();
		assertThat(series.get("series")).hasSize(1);
		JsonNode province = series.get("series").get(0);
		assertThat(province.get("key").asString()).isEqualTo("BN-2025");
		List<String> provinces = new ArrayList<>();
		province.get("points").forEach(p -> provinces.add(p.get("date").asString() + " " + p.get("provinces").asString()));
		assertThat(provinces).containsExactly("2025-03-31 BG", "2025-06-30 BG", "2025-09-30 BN-2025",
				"2025-12-31 BN-2025");
		JsonNode change = series.get("groupingChanges").get(0);
		assertThat(change.get("day").asString()).isEqualTo(AFTER);
		assertThat(strings(change.get("ended"))).contains("BG", "BG-VY");
		assertThat(strings(change.get("began"))).contains("BN-2025", "BN-P-NENH");
		assertThat(strings(change.get("endedLevels"))).contains("DISTRICT", "PROVINCE");
		assertThat(change.get("legalBasis").asString()).contains("202/2025/QH15");
		// a series before the reform has no change to report
		assertThat(this.http.get("/api/stats/fill-rate/series?groupBy=province&from=2023-01-01&to=2024-12-31&step=year")
			.json().get("groupingChanges")).isEmpty();
	}

	@Test
	void theCommitteeInChargeOfAPhaseIsTheDistrictsBeforeTheReformAndTheCommunesAfter() {
		JsonNode before = phase("KCN-YEN-LU", "GD2", BEFORE);
		JsonNode after = phase("KCN-YEN-LU", "GD2", AFTER);
		assertThat(before.get("unit").asString()).isEqualTo("BG-YD");
		assertThat(before.get("committee").asString()).isEqualTo("UBND huyện Yên Dũng");
		assertThat(after.get("unitLevel").asString()).isEqualTo("COMMUNE");
		assertThat(after.get("committee").asString()).startsWith("UBND phường ").doesNotContain("huyện");
		// the dashboard's filters accept the commune (as unit or commune) and the old district
		String commune = after.get("unit").asString();
		for (String query : List.of("unit=" + commune, "commune=" + commune, "district=BG-YD")) {
			assertThat(codes(this.http.get("/api/clearance?" + query).json(), "zone", "code"))
				.as(query).contains("KCN-YEN-LU/GD2");
		}
		JsonNode total = this.http.get("/api/stats/clearance?groupBy=unit&unit=" + commune).json();
		assertThat(total.get("rows")).allMatch(r -> r.get("key").asString().equals(commune));
		// /clearance accepts a commune and names its committee
		Http.Response page = this.http.get("/clearance?commune=" + commune);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"unit-heading\"", after.get("committee").asString());
	}

	@Test
	void anOfficerWritesForTheUnitInChargeOnTheDayOfTheStep() {
		// TST-1 ends with the reform; commune TST-1-A takes over its area.
		this.registry = new TestRegistry(this.jdbc).create();
		this.jdbc.sql("UPDATE admin_unit SET valid_to = DATE '2025-06-30' WHERE code = 'TST-1'").update();
		this.jdbc.sql("""
				INSERT INTO admin_unit (code, level, unit_type, name_vi, parent_id, valid_from, boundary)
				SELECT 'TST-1-A', 'COMMUNE', 'xã', 'Xã thử A', p.id, DATE '2025-07-01', d.boundary
				  FROM admin_unit p, admin_unit d WHERE p.code = 'TST' AND d.code = 'TST-1'""").update();
		this.registry.zone("TST-R", "KCN", TestRegistry.district(1), 100.1, 10.1, new BigDecimal("50"));
		Http.Response registered = this.editor.postJson("/api/clearance", """
				{"zone": "TST-R", "code": "R1", "name": "Phase R1", "eventDate": "2025-01-10",
				 "geometry": %s}""".formatted(TestRegistry.square(100.101, 10.101, 0.004)));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		long id = registered.json().get("id").asLong();

		TestUsers.bindOfficer(this.jdbc, "TST-1");
		assertThat(step(id, 0, "2025-06-20").status()).as("the district's officer, while districts were in charge")
			.isEqualTo(201);
		unbindOfficer();
		TestUsers.bindOfficer(this.jdbc, "TST-1-A");
		Http.Response early = step(id, 1, "2025-06-25");
		assertThat(early.status()).as("the commune's officer, before the commune existed").isEqualTo(403);
		assertThat(early.json().get("detail").asString()).contains("UBND Huyện thử 1 (TST-1)", "2025-06-25");
		LocalDate today = this.jdbc.sql("SELECT (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date").query(LocalDate.class)
			.single();
		assertThat(step(id, 1, today.toString()).status()).as("the commune's officer after the reform").isEqualTo(201);
		unbindOfficer();
		TestUsers.bindOfficer(this.jdbc, "TST-1");
		Http.Response late = step(id, 2, today.toString());
		assertThat(late.status()).as("the district's officer after the district ended").isEqualTo(403);
		assertThat(late.json().get("detail").asString()).contains("UBND Xã thử A (TST-1-A)");
		assertThat(this.jdbc.sql("SELECT count(*) FROM clearance_event WHERE phase_id = :id").param("id", id)
			.query(Long.class).single()).as("registration and the two accepted steps").isEqualTo(3);
	}

	private Http.Response step(long phase, long version, String day) {
		return this.officer.postJson("/api/clearance/" + phase + "/events",
				"{\"version\": %d, \"eventDate\": \"%s\", \"note\": \"visit on %s\"}".formatted(version, day, day));
	}

	private void unbindOfficer() {
		this.jdbc.sql("DELETE FROM app_user_unit WHERE user_id = (SELECT id FROM app_user WHERE username = 't-officer')")
			.update();
	}

	private JsonNode zone(String code, String day) {
		return StreamSupport.stream(this.http.get("/api/zones?asOf=" + day).json().get("features").spliterator(), false)
			.map(f -> f.get("properties"))
			.filter(p -> p.get("code").asString().equals(code))
			.findFirst().orElseThrow(() -> new AssertionError("no zone " + code + " on " + day));
	}

	private JsonNode phase(String zone, String code, String day) {
		return StreamSupport.stream(this.http.get("/api/clearance?asOf=" + day).json().get("features").spliterator(), false)
			.map(f -> f.get("properties"))
			.filter(p -> p.get("zone").asString().equals(zone) && p.get("code").asString().equals(code))
			.findFirst().orElseThrow(() -> new AssertionError("no phase " + zone + "/" + code + " on " + day));
	}

	private static List<JsonNode> features(JsonNode collection) {
		return StreamSupport.stream(collection.get("features").spliterator(), false).toList();
	}

	private static Set<String> codes(List<JsonNode> features) {
		Set<String> codes = new HashSet<>();
		features.forEach(f -> codes.add(f.get("properties").get("code").asString()));
		return codes;
	}

	private static Set<String> codes(JsonNode collection, String first, String second) {
		Set<String> codes = new HashSet<>();
		collection.get("features").forEach(f -> codes.add(f.get("properties").get(first).asString() + "/"
				+ f.get("properties").get(second).asString()));
		return codes;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(v -> values.add(v.asString()));
		return values;
	}

}
