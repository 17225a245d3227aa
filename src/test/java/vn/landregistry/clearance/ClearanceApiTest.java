package vn.landregistry.clearance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.landregistry.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.within;

/**
 * Land clearance on hand-built phases in the test province: derived figures, history, the rules
 * of a step, and two officers saving at once.
 */
class ClearanceApiTest extends PostgisTest {

	// Zone TST-C covers 100.1–100.11 E, 10.1–10.11 N, in district TST-1.
	static final String BIG = TestRegistry.square(100.101, 10.101, 0.004);

	static final String SMALL = TestRegistry.square(100.106, 10.106, 0.002);

	TestRegistry registry;

	long zone;

	LocalDate today;

	@BeforeEach
	void build() {
		this.registry = new TestRegistry(this.jdbc).create();
		this.zone = this.registry.zone("TST-C", "KCN", TestRegistry.district(1), 100.1, 10.1, new BigDecimal("100"));
		this.today = this.jdbc.sql("SELECT (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date").query(LocalDate.class).single();
	}

	@AfterEach
	void clear() {
		this.registry.clear();
	}

	@Test
	void aPhaseIsRegisteredWithItsAreaFromPostgisAndAFirstEvent() {
		Http.Response response = register("P1", BIG, null, "2024-01-10");

		assertThat(response.status()).isEqualTo(201);
		JsonNode p = response.json().get("properties");
		assertThat(p.get("status").asString()).isEqualTo("NOT_STARTED");
		assertThat(p.get("district").asString()).isEqualTo("TST-1");
		assertThat(p.get("areaHa").asDouble()).isCloseTo(geographyHa(BIG), within(0.01));
		assertThat(p.get("events")).hasSize(1);
		assertThat(p.get("events").get(0).get("eventDate").asString()).isEqualTo("2024-01-10");
		assertThat(response.etag()).isEqualTo("\"0\"");
	}

	@Test
	void clearedPercentIsWeightedByAreaInEveryGrouping() {
		long big = id(register("P1", BIG, null, "2024-01-10"));
		long small = id(register("P2", SMALL, null, "2024-01-10"));
		assertThat(step(big, 0, "\"eventDate\":\"2024-03-01\",\"status\":\"PAYING\",\"clearedHa\":10").status()).isEqualTo(201);
		assertThat(step(small, 0, "\"eventDate\":\"2024-03-01\",\"status\":\"PAYING\",\"clearedHa\":4").status()).isEqualTo(201);
		double areaBig = area(big);
		double areaSmall = area(small);
		double weighted = 100 * (10 + 4) / (areaBig + areaSmall);
		double meanOfPercentages = (100 * 10 / areaBig + 100 * 4 / areaSmall) / 2;
		assertThat(Math.abs(weighted - meanOfPercentages)).as("the hand-built case tells the two apart").isGreaterThan(5);

		for (String groupBy : List.of("zone", "district", "province")) {
			JsonNode table = this.http.get("/api/stats/clearance?groupBy=" + groupBy + "&district=TST-1").json();
			JsonNode row = table.get("rows").get(0);
			assertThat(table.get("rows")).as(groupBy).hasSize(1);
			assertThat(row.get("phases").asLong()).isEqualTo(2);
			assertThat(row.get("clearedHa").asDouble()).isEqualTo(14.0);
			assertThat(row.get("areaHa").asDouble()).isCloseTo(areaBig + areaSmall, within(0.01));
			assertThat(row.get("clearedPct").asDouble()).as(groupBy).isCloseTo(weighted, within(0.05));
		}
		JsonNode one = this.http.get("/api/clearance/" + big).json().get("properties");
		assertThat(one.get("clearedPct").asDouble()).isCloseTo(100 * 10 / areaBig, within(0.05));
	}

	@Test
	void handingOverMakesThePlotsCleanLandUntilTheyAreLeased() {
		long phase = id(register("P1", BIG, null, "2024-01-10"));
		long inside = this.registry.plot(this.zone, "IN", 100.102, 10.102, 0.001, null);
		long outside = this.registry.plot(this.zone, "OUT", 100.107, 10.102, 0.001, null);
		assertThat(cleanLand("2024-05-01")).isZero();

		Http.Response handed = step(phase, 0, "\"eventDate\":\"2024-04-15\",\"status\":\"HANDED_OVER\"");

		assertThat(handed.status()).isEqualTo(201);
		assertThat(handed.json().get("properties").get("clearedHa").asDouble()).isCloseTo(area(phase), within(0.01));
		assertThat(clearedOn(inside)).isEqualTo(LocalDate.parse("2024-04-15"));
		assertThat(clearedOn(outside)).isNull();
		double plotArea = this.registry.plotArea(inside).doubleValue();
		assertThat(cleanLand("2024-05-01")).isCloseTo(plotArea, within(0.01));
		assertThat(cleanLand("2024-04-14")).as("not clean before the handover").isZero();

		this.registry.lease(inside, LocalDate.parse("2024-06-01"), null);
		assertThat(cleanLand("2024-05-31")).isCloseTo(plotArea, within(0.01));
		assertThat(cleanLand("2024-06-01")).as("leased land is no longer available").isZero();
	}

	@Test
	void overduePhasesArePastTheirTargetAndNotHandedOver() {
		long late = id(register("P1", BIG, "2024-06-30", "2024-01-10"));
		long done = id(register("P2", SMALL, "2024-06-30", "2024-01-10"));
		step(done, 0, "\"eventDate\":\"2024-06-01\",\"status\":\"HANDED_OVER\"");

		JsonNode overdue = this.http.get("/api/clearance?district=TST-1&overdue=true").json().get("features");
		assertThat(overdue).hasSize(1);
		assertThat(overdue.get(0).get("id").asLong()).isEqualTo(late);
		assertThat(stats("2024-06-30").get("overdue").asLong()).as("due on the day, not yet late").isZero();
		assertThat(stats("2024-07-01").get("overdue").asLong()).isEqualTo(1);
		assertThat(stats("2024-07-01").get("handedOver").asLong()).isEqualTo(1);
	}

	@Test
	void historyListsEveryStepOldestFirstAndReplaysAnyDay() {
		long phase = id(register("P1", BIG, null, "2024-01-10"));
		step(phase, 0, "\"eventDate\":\"2024-02-01\",\"status\":\"INVENTORY\"");
		step(phase, 1, "\"eventDate\":\"2024-03-01\",\"status\":\"PAYING\",\"clearedHa\":5,\"amountPaidVnd\":1000000");
		step(phase, 2, "\"eventDate\":\"2024-03-01\",\"clearedHa\":7,\"attachmentRef\":\"BB-07\"");

		JsonNode events = this.http.get("/api/clearance/" + phase).json().get("properties").get("events");
		assertThat(events).hasSize(4);
		for (int i = 1; i < events.size(); i++) {
			assertThat(events.get(i).get("oldValues")).as("event %d starts where the one before ended", i)
				.isEqualTo(events.get(i - 1).get("newValues"));
		}
		assertThat(events.get(3).get("newValues").get("clearedHa").asDouble()).isEqualTo(7.0);
		assertThat(events.get(3).get("attachmentRef").asString()).isEqualTo("BB-07");

		JsonNode onFebruary = this.http.get("/api/clearance/" + phase + "?asOf=2024-02-15").json().get("properties");
		assertThat(onFebruary.get("status").asString()).isEqualTo("INVENTORY");
		assertThat(onFebruary.get("events")).hasSize(2);
		assertThat(this.http.get("/api/clearance/" + phase + "?asOf=2024-01-09").status())
			.as("not registered yet").isEqualTo(404);
		JsonNode series = this.http.get("/api/stats/clearance/series?groupBy=zone&district=TST-1&from=2024-01-01&to=2024-03-31&step=month")
			.json().get("rows");
		assertThat(series).extracting(r -> r.get("day").asString()).containsExactly("2024-01-31", "2024-02-29", "2024-03-31");
		assertThat(series).extracting(r -> r.get("clearedHa").asDouble()).containsExactly(0.0, 0.0, 7.0);
	}

	@Test
	void badStepsAreRefusedAndNothingIsWritten() {
		long phase = id(register("P1", BIG, null, "2024-01-10"));
		step(phase, 0, "\"eventDate\":\"2024-03-01\",\"status\":\"PAYING\",\"clearedHa\":5");

		assertProblem(step(phase, 1, "\"eventDate\":\"2024-03-02\",\"clearedHa\":" + (area(phase) + 1)), 422,
				"cleared_within_area", "above the area to clear");
		assertProblem(step(phase, 1, "\"eventDate\":\"" + this.today.plusDays(1) + "\",\"clearedHa\":6"), 422,
				"event_not_in_future", "in the future");
		assertProblem(step(phase, 1, "\"eventDate\":\"2024-02-28\",\"clearedHa\":6"), 422, "event_before_previous",
				"before the previous event");
		assertProblem(step(phase, 1, "\"eventDate\":\"2024-03-02\",\"status\":\"INVENTORY\""), 422,
				"backwards_needs_reason", "give a reason");
		assertProblem(step(phase, 1, "\"eventDate\":\"2024-03-02\",\"clearedHa\":4"), 422, "backwards_needs_reason",
				"give a reason");
		assertProblem(step(phase, 1, "\"eventDate\":\"2024-03-02\",\"status\":\"BLOCKED\""), 400, null, "blockedReason");
		assertProblem(step(phase, 1, "\"eventDate\":\"2024-03-02\",\"clearedHa\":-1,\"reason\":\"x\""), 400, null,
				"negative");
		assertProblem(step(phase, 1, "\"eventDate\":\"2024-03-02\",\"status\":\"HANDED_OVER\",\"clearedHa\":6"), 422,
				"handed_over_is_cleared", "cleared in full");
		assertProblem(step(phase, 1, "\"eventDate\":\"2024-03-02\",\"householdsAffected\":10,\"householdsRelocated\":11"),
				422, "relocated_within_affected", "above householdsAffected");
		assertProblem(step(phase, 1, "\"eventDate\":\"2024-03-02\""), 400, null, "nothing to record");
		assertProblem(this.editor.postJson("/api/clearance/" + phase + "/events",
				"{\"eventDate\":\"2024-03-02\",\"author\":\"a\",\"clearedHa\":6}"), 400, null, "version is required");
		assertProblem(this.editor.postJson("/api/clearance/999999/events", "{\"version\":0}"), 404, null, "no clearance phase");

		assertThat(events(phase)).as("only the registration and the first step").isEqualTo(2);
		assertThat(version(phase)).isEqualTo(1);

		Http.Response back = step(phase, 1, "\"eventDate\":\"2024-03-02\",\"status\":\"INVENTORY\",\"clearedHa\":4,"
				+ "\"reason\":\"recount after a survey error\"");
		assertThat(back.status()).as("going back with a reason is allowed: " + back.body()).isEqualTo(201);
		assertThat(back.json().get("properties").get("status").asString()).isEqualTo("INVENTORY");
		assertThat(clearedHa(phase)).isEqualTo(4.0);
		assertThat(events(phase)).isEqualTo(3);
		Http.Response blocked = step(phase, 2, "\"eventDate\":\"2024-03-03\",\"status\":\"BLOCKED\",\"blockedReason\":\"dispute\"");
		assertThat(blocked.json().get("properties").get("blockedReason").asString()).isEqualTo("dispute");
	}

	@Test
	void theAreaAsShownWithTwoDecimalsCountsAsAllOfIt() {
		long phase = id(register("P1", BIG, null, "2024-01-10"));
		BigDecimal shown = BigDecimal.valueOf(area(phase)).setScale(2, java.math.RoundingMode.CEILING);

		Http.Response response = step(phase, 0, "\"eventDate\":\"2024-02-01\",\"clearedHa\":" + shown);

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(clearedHa(phase)).isEqualTo(area(phase));
	}

	@Test
	void phasesOutsideTheirZoneOrDistrictAreRefused() {
		assertProblem(register("OUT", TestRegistry.square(100.109, 10.101, 0.004), null, null), 422,
				"clearance_inside_zone", "outside its zone");
		assertProblem(register("BOW", "{\"type\":\"Polygon\",\"coordinates\":[[[100.101,10.101],[100.103,10.103],"
				+ "[100.103,10.101],[100.101,10.103],[100.101,10.101]]]}", null, null), 422, null, "Self-intersection");
		assertProblem(this.editor.postJson("/api/clearance", body("NOPE", "X", BIG, null, null, null)), 400, null,
				"unknown zone");
		assertThat(register("P1", BIG, null, null).status()).isEqualTo(201);
		assertProblem(register("P1", SMALL, null, null), 409, null, "already exists");

		// A zone across the border of TST-1 and TST-2 (at 100.5 E): a phase in its TST-2 part.
		this.registry.zone("TST-X", "CCN", TestRegistry.district(1), 100.495, 10.2, new BigDecimal("10"));
		String east = TestRegistry.square(100.501, 10.201, 0.003);
		assertProblem(this.editor.postJson("/api/clearance", body("TST-X", "E1", east, "TST-1", null, null)), 422,
				"clearance_inside_district", "outside district");
		Http.Response derived = this.editor.postJson("/api/clearance", body("TST-X", "E1", east, null, null, null));
		assertThat(derived.status()).isEqualTo(201);
		assertThat(derived.json().get("properties").get("district").asString()).isEqualTo("TST-2");
		long phases = this.jdbc.sql("SELECT count(*) FROM clearance_phase p JOIN zone z ON z.id = p.zone_id WHERE z.code LIKE 'TST-%'")
			.query(Long.class).single();
		assertThat(phases).as("only the two accepted phases").isEqualTo(2);
	}

	@Test
	void aStaleVersionGets409WithTheCurrentVersionAndLosesNothing() {
		long phase = id(register("P1", BIG, null, "2024-01-10"));
		assertThat(step(phase, 0, "\"eventDate\":\"2024-02-01\",\"clearedHa\":3").status()).isEqualTo(201);

		Http.Response stale = step(phase, 0, "\"eventDate\":\"2024-02-02\",\"clearedHa\":8");

		assertProblem(stale, 409, "stale_version", "changed by someone else");
		assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(1);
		assertThat(stale.json().get("current").get("clearedHa").asDouble()).isEqualTo(3.0);
		assertThat(clearedHa(phase)).isEqualTo(3.0);

		Http.Response viaIfMatch = this.editor.postJson("/api/clearance/" + phase + "/events",
				"{\"eventDate\":\"2024-02-02\",\"author\":\"b\",\"clearedHa\":8}", "If-Match", "\"1\"");
		assertThat(viaIfMatch.status()).as(viaIfMatch.body()).isEqualTo(201);
		assertThat(viaIfMatch.etag()).isEqualTo("\"2\"");
		assertThat(clearedHa(phase)).as("the step sent with If-Match is recorded").isEqualTo(8.0);
	}

	@Test
	void twoOfficersSavingAtOnceOneWinsTheOtherGets409() throws Exception {
		long phase = id(register("P1", BIG, null, "2024-01-10"));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Http.Response>> answers = new ArrayList<>();
			for (String cleared : List.of("5", "6")) {
				Callable<Http.Response> save = () -> {
					start.await();
					return step(phase, 0, "\"eventDate\":\"2024-02-01\",\"clearedHa\":" + cleared);
				};
				answers.add(pool.submit(save));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			double winner = -1;
			for (Future<Http.Response> answer : answers) {
				Http.Response response = answer.get();
				statuses.add(response.status());
				if (response.status() == 201) {
					winner = response.json().get("properties").get("clearedHa").asDouble();
				}
			}
			assertThat(statuses).containsExactlyInAnyOrder(201, 409);
			assertThat(events(phase)).isEqualTo(2);
			assertThat(clearedHa(phase)).as("the winner's value stands").isEqualTo(winner);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theDatabaseKeepsStateAndHistoryInStep() {
		long phase = id(register("P1", BIG, null, "2024-01-10"));

		assertThat(sqlError("UPDATE clearance_phase SET cleared_ha = 1 WHERE id = " + phase))
			.contains("does not hold what its latest event records");
		assertThat(sqlError("UPDATE clearance_event SET author = 'x' WHERE phase_id = " + phase)).contains("history");
		assertThat(sqlError("DELETE FROM clearance_event WHERE phase_id = " + phase)).contains("history");
		assertThat(clearedHa(phase)).isZero();
	}

	@Test
	void statisticsExportToCsvAndRejectUnknownFilters() {
		id(register("P1", BIG, null, "2024-01-10"));
		String csv = new String(this.http.bytes("/api/stats/clearance?groupBy=zone&district=TST-1&format=csv"),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv.lines().findFirst().orElseThrow()).as("after the byte-order mark that spreadsheets read")
			.isEqualTo("\uFEFFkey,name,nameEn,phases,areaHa,clearedHa,clearedPct,handedOver,blocked,overdue,"
					+ "householdsAffected,householdsRelocated,amountPlannedVnd,amountPaidVnd,cleanLandHa");
		assertThat(csv).contains("TST-C");
		assertProblem(this.http.get("/api/stats/clearance?groupBy=kind"), 400, null, "groupBy");
		assertProblem(this.http.get("/api/clearance?district=NOWHERE"), 400, null, "unknown district");
		assertProblem(this.http.get("/api/clearance?status=DONE"), 400, null, "unknown status");
		assertProblem(this.http.get("/api/stats/clearance/series?from=2025-01-01&to=2024-01-01"), 400, null, "after");
	}

	private Http.Response register(String code, String geometry, String targetDate, String eventDate) {
		return this.editor.postJson("/api/clearance", body("TST-C", code, geometry, null, targetDate, eventDate));
	}

	private static String body(String zone, String code, String geometry, String district, String targetDate,
			String eventDate) {
		return "{\"zone\":\"%s\",\"code\":\"%s\",\"name\":\"Phase %s\",\"author\":\"test\",\"geometry\":%s%s%s%s}".formatted(
				zone, code, code, geometry, district == null ? "" : ",\"district\":\"" + district + "\"",
				targetDate == null ? "" : ",\"targetDate\":\"" + targetDate + "\"",
				eventDate == null ? "" : ",\"eventDate\":\"" + eventDate + "\"");
	}

	private Http.Response step(long phase, long version, String fields) {
		return this.editor.postJson("/api/clearance/" + phase + "/events",
				"{\"version\":" + version + ",\"author\":\"officer\"," + fields + "}");
	}

	private static long id(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	private JsonNode stats(String asOf) {
		return this.http.get("/api/stats/clearance?groupBy=district&district=TST-1&asOf=" + asOf).json().get("rows").get(0);
	}

	private double cleanLand(String asOf) {
		JsonNode rows = this.http.get("/api/stats/clearance?groupBy=zone&zone=TST-C&asOf=" + asOf).json().get("rows");
		return rows.isEmpty() ? 0 : rows.get(0).get("cleanLandHa").asDouble();
	}

	private double geographyHa(String geometry) {
		return this.jdbc.sql("SELECT ST_Area(ST_SetSRID(ST_GeomFromGeoJSON(:g), 4326)::geography) / 10000").param("g", geometry)
			.query(Double.class).single();
	}

	private double area(long phase) {
		return this.jdbc.sql("SELECT area_ha FROM clearance_phase WHERE id = :id").param("id", phase).query(Double.class).single();
	}

	private double clearedHa(long phase) {
		return this.jdbc.sql("SELECT cleared_ha FROM clearance_phase WHERE id = :id").param("id", phase).query(Double.class)
			.single();
	}

	private long version(long phase) {
		return this.jdbc.sql("SELECT version FROM clearance_phase WHERE id = :id").param("id", phase).query(Long.class).single();
	}

	private long events(long phase) {
		return this.jdbc.sql("SELECT count(*) FROM clearance_event WHERE phase_id = :id").param("id", phase).query(Long.class)
			.single();
	}

	private LocalDate clearedOn(long plot) {
		String day = this.jdbc.sql("SELECT coalesce(cleared_on::text, '') FROM plot WHERE id = :id").param("id", plot)
			.query(String.class).single();
		return day.isEmpty() ? null : LocalDate.parse(day);
	}

	private String sqlError(String sql) {
		try {
			this.jdbc.sql(sql).update();
			return "";
		}
		catch (RuntimeException ex) {
			return String.valueOf(ex.getMessage());
		}
	}

}
