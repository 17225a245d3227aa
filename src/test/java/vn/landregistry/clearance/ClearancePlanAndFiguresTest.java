package vn.landregistry.clearance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TableChecksums;
import vn.landregistry.support.TestRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.landregistry.support.Problems.assertProblem;

/**
 * Issue 15, item 10: a step records a new target date, the compensation plan's decision and its
 * amount (state, history, statistics, refusals); households and amounts are for signed-in readers
 * unless registry.clearance.public-figures says otherwise (default: hidden).
 */
class ClearancePlanAndFiguresTest extends PostgisTest {

	static final String SHAPE = TestRegistry.square(100.101, 10.101, 0.004);

	TestRegistry registry;

	long phase;

	@BeforeEach
	void build() {
		this.registry = new TestRegistry(this.jdbc).create();
		this.registry.zone("TST-C", "KCN", TestRegistry.district(1), 100.1, 10.1, new BigDecimal("100"));
		Http.Response created = this.editor.postJson("/api/clearance", """
				{"zone":"TST-C","code":"P1","name":"Phase 1","geometry":%s,"targetDate":"2024-06-30",
				 "householdsAffected":40,"amountPlannedVnd":20000000000,"eventDate":"2024-01-10"}""".formatted(SHAPE));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		this.phase = created.json().get("id").asLong();
	}

	@AfterEach
	void clear() {
		this.registry.clear();
	}

	@Test
	void aStepRecordsANewTargetTheDecisionAndThePlannedAmount() {
		assertThat(this.editor.get("/api/clearance?zone=TST-C&overdue=true").json().get("features").size())
			.as("past its first target").isEqualTo(1);

		Http.Response step = step(0, """
				"eventDate":"2024-07-05","status":"PLAN_APPROVED","targetDate":"2026-12-31",
				"planDecisionNo":"123/QĐ-UBND","planDecisionDate":"2024-07-01","amountPlannedVnd":25000000000""");

		assertThat(step.status()).as(step.body()).isEqualTo(201);
		JsonNode p = step.json().get("properties");
		assertThat(p.get("targetDate").asString()).isEqualTo("2026-12-31");
		assertThat(p.get("planDecisionNo").asString()).isEqualTo("123/QĐ-UBND");
		assertThat(p.get("planDecisionDate").asString()).isEqualTo("2024-07-01");
		assertThat(p.get("amountPlannedVnd").decimalValue()).isEqualByComparingTo("25000000000");
		JsonNode last = p.get("events").get(p.get("events").size() - 1);
		assertThat(last.get("oldValues").get("targetDate").asString()).isEqualTo("2024-06-30");
		assertThat(last.get("newValues").get("targetDate").asString()).isEqualTo("2026-12-31");
		assertThat(last.get("newValues").get("amountPlannedVnd").decimalValue()).isEqualByComparingTo("25000000000");
		assertThat(this.jdbc.sql("SELECT target_date FROM clearance_phase WHERE id = :id").param("id", this.phase)
			.query(LocalDate.class).single()).isEqualTo(LocalDate.of(2026, 12, 31));

		// the new target replaces the old one: no longer overdue today, overdue on a day before the step
		assertThat(this.editor.get("/api/clearance?zone=TST-C&overdue=true").json().get("features").size()).isZero();
		assertThat(this.editor.get("/api/clearance?zone=TST-C&overdue=true&asOf=2024-07-04").json().get("features").size())
			.isEqualTo(1);
		JsonNode total = this.editor.get("/api/stats/clearance?groupBy=zone&zone=TST-C").json().get("total");
		assertThat(total.get("overdue").asLong()).isZero();
		assertThat(total.get("amountPlannedVnd").decimalValue()).isEqualByComparingTo("25000000000");
	}

	@Test
	void badPlanFiguresAreRefusedWithProblemDetailsAndNothingIsWritten() {
		Map<String, String> before = TableChecksums.of(this.jdbc, "clearance_phase", "clearance_event");

		JsonNode early = assertProblem(step(0, "\"eventDate\":\"2024-07-05\",\"targetDate\":\"2024-07-04\""), 422,
				"target_before_step", "before the date of this step");
		assertThat(early.get("parameter").asString()).isEqualTo("targetDate");
		assertProblem(step(0, "\"eventDate\":\"2024-07-05\",\"planDecisionNo\":\"9/QĐ\",\"planDecisionDate\":\"2024-07-06\""),
				422, "decision_after_step", "after the date of this step");
		JsonNode negative = assertProblem(step(0, "\"eventDate\":\"2024-07-05\",\"amountPlannedVnd\":-1"), 400, null,
				"amountPlannedVnd cannot be negative");
		assertThat(negative.get("parameter").asString()).isEqualTo("amountPlannedVnd");
		assertProblem(step(0, "\"eventDate\":\"2024-07-05\",\"householdsAffected\":-3"), 400, null,
				"householdsAffected cannot be negative");
		assertProblem(step(0, "\"eventDate\":\"2024-07-05\",\"targetDate\":\"2024-13-01\""), 400, null, "");

		assertThat(TableChecksums.of(this.jdbc, "clearance_phase", "clearance_event")).isEqualTo(before);

		// the target sent back unchanged is no new target: a client may send the whole state
		Http.Response same = step(0, "\"eventDate\":\"2024-07-05\",\"targetDate\":\"2024-06-30\",\"clearedHa\":1");
		assertThat(same.status()).as(same.body()).isEqualTo(201);
	}

	@Test
	void householdsAndAmountsAreForSignedInReadersByDefault() {
		assertThat(step(0, "\"eventDate\":\"2024-03-01\",\"status\":\"PAYING\",\"clearedHa\":2,\"householdsRelocated\":12,"
				+ "\"amountPaidVnd\":5000000000").status()).isEqualTo(201);

		JsonNode open = one(this.http);
		for (String key : new String[] { "householdsAffected", "householdsRelocated", "amountPlannedVnd", "amountPaidVnd" }) {
			assertThat(open.has(key)).as("anonymous " + key).isFalse();
			assertThat(feature(this.http).has(key)).as("anonymous list " + key).isFalse();
			for (JsonNode event : open.get("events")) {
				assertThat(event.get("newValues").has(key)).as("anonymous history " + key).isFalse();
				assertThat(event.get("oldValues").has(key)).isFalse();
			}
		}
		assertThat(open.get("clearedHa").asDouble()).as("the area cleared is public").isEqualTo(2.0);
		assertThat(open.get("targetDate").asString()).isEqualTo("2024-06-30");

		JsonNode staff = one(this.officer);
		assertThat(staff.get("householdsRelocated").asInt()).isEqualTo(12);
		assertThat(staff.get("amountPaidVnd").decimalValue()).isEqualByComparingTo("5000000000");
		assertThat(staff.get("events").get(1).get("newValues").get("householdsRelocated").asInt()).isEqualTo(12);
		assertThat(feature(this.editor).get("householdsAffected").asInt()).isEqualTo(40);

		JsonNode anonymousStats = this.http.get("/api/stats/clearance?groupBy=zone&zone=TST-C").json();
		assertThat(anonymousStats.get("hiddenFigures").toString()).isEqualTo("[\"households\",\"amounts\"]");
		assertThat(anonymousStats.get("total").get("householdsRelocated").isNull()).isTrue();
		assertThat(anonymousStats.get("rows").get(0).get("amountPaidVnd").isNull()).isTrue();
		assertThat(anonymousStats.get("rows").get(0).get("clearedHa").asDouble()).isEqualTo(2.0);
		JsonNode staffStats = this.editor.get("/api/stats/clearance?groupBy=zone&zone=TST-C").json();
		assertThat(staffStats.get("hiddenFigures").size()).isZero();
		assertThat(staffStats.get("total").get("householdsRelocated").asLong()).isEqualTo(12);

		String[] csv = csv(this.http, "/api/stats/clearance?groupBy=zone&zone=TST-C&format=csv").lines()
			.filter(line -> line.startsWith("TST-C")).findFirst().orElseThrow().split(",", -1);
		assertThat(csv[10]).as("householdsAffected").isEmpty();
		assertThat(csv[13]).as("amountPaidVnd").isEmpty();
		String[] staffCsv = csv(this.editor, "/api/stats/clearance?groupBy=zone&zone=TST-C&format=csv").lines()
			.filter(line -> line.startsWith("TST-C")).findFirst().orElseThrow().split(",", -1);
		assertThat(staffCsv[10]).isEqualTo("40");
		assertThat(staffCsv[13]).isEqualTo("5000000000");
	}

	@Test
	void theLayerExportCarriesTheDecisionAndGivesHouseholdsAndAmountsToStaffOnly() {
		step(0, "\"eventDate\":\"2024-07-05\",\"planDecisionNo\":\"123/QĐ-UBND\",\"planDecisionDate\":\"2024-07-01\"");
		String staff = csv(this.editor, "/api/exports/clearance?format=CSV&lang=en");
		assertThat(staff.lines().findFirst().orElseThrow()).contains("decision_no", "decision_date", "households",
				"relocated", "planned_vnd", "paid_vnd");
		assertThat(staff).contains("123/QĐ-UBND", "2024-07-01", "20000000000");
		String open = csv(this.http, "/api/exports/clearance?format=CSV&lang=en");
		assertThat(open.lines().findFirst().orElseThrow()).contains("decision_no").doesNotContain("households", "planned_vnd",
				"paid_vnd");
		assertThat(open).contains("123/QĐ-UBND").doesNotContain("20000000000");
	}

	@Test
	void filesAreTitledInTheLanguageAsked() {
		String vi = csv(this.http, "/api/stats/clearance?groupBy=zone&zone=TST-C&format=csv&lang=vi");
		assertThat(vi.lines().findFirst().orElseThrow()).startsWith("\uFEFFMã,Tên,Tên tiếng Anh,Số giai đoạn,Diện tích cần GPMB (ha)")
			.endsWith("Đất sạch (ha)");
		String en = csv(this.http, "/api/stats/fill-rate?groupBy=zone&format=csv&lang=en");
		assertThat(en.lines().findFirst().orElseThrow()).startsWith("\uFEFFCode,Name,English name,Zone ID,Kind,Administrative unit")
			.contains("Industrial land for lease (ha),Leased (ha),Fill rate,Demo");
		assertThat(csv(this.http, "/api/stats/fill-rate?groupBy=zone&format=csv").lines().findFirst().orElseThrow())
			.as("scripts keep the field names").startsWith("\uFEFFkey,name,nameEn");
		assertProblem(this.http.get("/api/stats/fill-rate?groupBy=zone&format=csv&lang=fr"), 400, null, "lang");
	}

	private Http.Response step(long version, String fields) {
		return this.editor.postJson("/api/clearance/" + this.phase + "/events", "{\"version\":" + version + "," + fields + "}");
	}

	private JsonNode one(Http client) {
		Http.Response response = client.get("/api/clearance/" + this.phase);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("properties");
	}

	private static JsonNode feature(Http client) {
		return client.get("/api/clearance?zone=TST-C").json().get("features").get(0).get("properties");
	}

	private static String csv(Http client, String path) {
		return new String(client.bytes(path), StandardCharsets.UTF_8);
	}

}
