package vn.landregistry.clearance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;
import vn.landregistry.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.landregistry.support.Problems.assertProblem;

/**
 * Issue 14: the public reads the clearance phases of published zones only — not those of draft or
 * deleted zones, nor deleted phases — in the API, the statistics, the dashboard page, OGC and
 * exports, and never a user name or a staff note. Signed-in readers see draft zones' phases as the
 * zone reads show them draft zones, with names and notes.
 */
class PublicClearanceTest extends PostgisTest {

	static final String SECRETS[] = { "TSTX-DRAFT", "TSTX-GONE", "TSTX-REMOVED", TestUsers.EDITOR, "NOTE-OF-STEP",
			"NOTE-OF-PHASE" };

	TestRegistry registry;

	long open;

	long ofDraft;

	long ofDeleted;

	long removed;

	@BeforeEach
	void build() {
		this.registry = new TestRegistry(this.jdbc).create();
		String district = TestRegistry.district(1);
		this.registry.zone("TST-PUB", "KCN", district, 100.1, 10.1, new BigDecimal("100"));
		long draft = this.registry.zone("TST-DRAFT", "KCN", district, 100.2, 10.1, new BigDecimal("100"));
		long deleted = this.registry.zone("TST-GONE", "KCN", district, 100.3, 10.1, new BigDecimal("100"));
		this.open = register("TST-PUB", "TSTX-OPEN", 100.101, "NOTE-OF-PHASE");
		this.removed = register("TST-PUB", "TSTX-REMOVED", 100.106, null);
		this.ofDraft = register("TST-DRAFT", "TSTX-DRAFT", 100.201, null);
		this.ofDeleted = register("TST-GONE", "TSTX-GONE", 100.301, null);
		Http.Response step = this.editor.postJson("/api/clearance/" + this.open + "/events",
				"{\"version\":0,\"eventDate\":\"2024-03-01\",\"status\":\"INVENTORY\",\"note\":\"NOTE-OF-STEP\"}");
		assertThat(step.status()).as(step.body()).isEqualTo(201);
		this.jdbc.sql("UPDATE zone SET published = false WHERE id = :id").param("id", draft).update();
		this.jdbc.sql("UPDATE zone SET deleted_at = now() WHERE id = :id").param("id", deleted).update();
		this.jdbc.sql("UPDATE clearance_phase SET deleted_at = now() WHERE id = :id").param("id", this.removed).update();
	}

	@AfterEach
	void clear() {
		this.registry.clear();
	}

	@Test
	void thePublicListsOnlyThePhasesOfPublishedZonesWithoutNamesOrNotes() {
		Http.Response list = this.http.get("/api/clearance?unit=TST");

		assertThat(list.status()).isEqualTo(200);
		assertThat(codes(list.json())).containsExactly("TSTX-OPEN");
		assertThat(list.json().get("features").get(0).get("properties").has("note")).isFalse();
		assertHidden(list.body());
	}

	@Test
	void aPublicPhaseNamesTheAuthorityNotTheAccountAndHasNoNotes() {
		Http.Response phase = this.http.get("/api/clearance/" + this.open);

		assertThat(phase.status()).isEqualTo(200);
		assertThat(phase.json().get("properties").get("code").asString()).isEqualTo("TSTX-OPEN");
		JsonNode events = phase.json().get("properties").get("events");
		assertThat(events).hasSize(2);
		for (JsonNode event : events) {
			// recorded by an authority editor: the Industrial Zones Authority, not the account
			assertThat(event.get("author").asString()).isEqualTo("Ban Quản lý các KCN");
			assertThat(event.has("note")).isFalse();
		}
		assertThat(phase.json().get("properties").has("note")).isFalse();
		assertHidden(phase.body());
	}

	@Test
	void aLocalOfficersStepIsTheCommitteeInChargeThatDay() {
		TestUsers.bindOfficer(this.jdbc, TestRegistry.district(1));
		Http.Response step = this.officer.postJson("/api/clearance/" + this.open + "/events",
				"{\"version\":1,\"eventDate\":\"2024-04-01\",\"status\":\"PLAN_APPROVED\"}");
		assertThat(step.status()).as(step.body()).isEqualTo(201);

		JsonNode events = this.http.get("/api/clearance/" + this.open).json().get("properties").get("events");

		assertThat(events.get(2).get("author").asString()).isEqualTo("UBND Huyện thử 1");
		assertThat(this.http.get("/api/clearance/" + this.open).body()).doesNotContain(TestUsers.OFFICER);
		assertThat(this.editor.get("/api/clearance/" + this.open).json().get("properties").get("events").get(2)
			.get("author").asString()).isEqualTo(TestUsers.OFFICER);
	}

	@Test
	void aHiddenPhaseAnswersExactlyAsOneThatNeverExisted() {
		long missing = this.jdbc.sql("SELECT max(id) + 1000 FROM clearance_phase").query(Long.class).single();
		Http.Response unknown = this.http.get("/api/clearance/" + missing);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");

		for (long hidden : new long[] { this.ofDraft, this.ofDeleted, this.removed }) {
			Http.Response answer = this.http.get("/api/clearance/" + hidden);
			assertThat(answer.status()).isEqualTo(unknown.status());
			assertThat(answer.contentType()).isEqualTo(unknown.contentType());
			assertThat(answer.body().replaceAll("\\b" + hidden + "\\b", "ID"))
				.isEqualTo(unknown.body().replaceAll("\\b" + missing + "\\b", "ID"));
			assertThat(answer.body()).doesNotContainIgnoringCase("draft").doesNotContain("trace", "Exception");
		}
	}

	@Test
	void aDraftZonesCodeIsAsUnknownAsACodeThatNeverExisted() {
		for (String path : List.of("/api/clearance?zone=", "/api/stats/clearance?zone=", "/api/plots?zone=")) {
			Http.Response unknown = this.http.get(path + "TST-NEVER");
			JsonNode problem = assertProblem(unknown, 400, null, "unknown zone 'TST-NEVER'");
			assertThat(problem.get("parameter").asString()).as(path).isEqualTo("zone");
			for (String hidden : List.of("TST-DRAFT", "TST-GONE")) {
				Http.Response answer = this.http.get(path + hidden);
				assertThat(answer.status()).as(path + hidden).isEqualTo(400);
				assertThat(answer.body().replace(hidden, "CODE")).isEqualTo(unknown.body().replace("TST-NEVER", "CODE"));
			}
		}
	}

	@Test
	void statisticsCountOnlyThePhasesOfPublishedZones() {
		JsonNode table = this.http.get("/api/stats/clearance?groupBy=zone&unit=TST").json();
		assertThat(table.get("rows")).hasSize(1);
		assertThat(table.get("rows").get(0).get("key").asString()).isEqualTo("TST-PUB");
		assertThat(table.get("total").get("phases").asLong()).isEqualTo(1);

		Http.Response series = this.http.get("/api/stats/clearance/series?groupBy=zone&unit=TST&from=2024-01-01&step=year");
		assertThat(series.status()).isEqualTo(200);
		List<String> keys = new ArrayList<>();
		series.json().get("rows").forEach(row -> keys.add(row.get("key").asString()));
		assertThat(keys).isNotEmpty().containsOnly("TST-PUB");
		// the same for signed-in readers: statistics are the public's figures
		assertThat(this.editor.get("/api/stats/clearance?groupBy=zone&unit=TST").json().get("total").get("phases")
			.asLong()).isEqualTo(1);
		assertThat(this.http.get("/api/stats/clearance?groupBy=zone&unit=TST&format=csv").body()).doesNotContain("TST-DRAFT",
				"TST-GONE");
	}

	@Test
	void theDashboardOgcAndExportsLeaveThemOutToo() {
		assertThat(this.http.get("/clearance?unit=TST-1").body()).contains("Huyện thử 1 (1)");
		assertThat(this.editor.get("/clearance?unit=TST-1").body()).contains("Huyện thử 1 (2)");

		Http.Response ogc = this.http.get("/ogc/collections/clearance/items?f=json&limit=10000");
		assertThat(ogc.status()).isEqualTo(200);
		assertThat(ogc.body()).contains("TSTX-OPEN");
		assertHidden(ogc.body());

		Http.Download export = this.http.download("/api/exports/clearance?format=geojson&district=TST");
		assertThat(export.status()).isEqualTo(200);
		String file = new String(export.body(), StandardCharsets.UTF_8);
		assertThat(file).contains("TSTX-OPEN");
		assertHidden(file);
		// the staff's note on a phase goes to signed-in readers only
		assertThat(new String(this.editor.download("/api/exports/clearance?format=geojson&district=TST").body(),
				StandardCharsets.UTF_8)).contains("NOTE-OF-PHASE", "TSTX-DRAFT").doesNotContain("TSTX-GONE", "TSTX-REMOVED");
	}

	@Test
	void signedInReadersSeeDraftZonesPhasesWithNamesAndNotesButNothingDeleted() {
		for (Http reader : List.of(this.editor, this.officer)) {
			assertThat(codes(reader.get("/api/clearance?unit=TST").json())).containsExactlyInAnyOrder("TSTX-OPEN",
					"TSTX-DRAFT");
			// as the zone reads show them the draft zone
			assertThat(reader.get("/api/zones?unit=TST").body()).contains("TST-DRAFT").doesNotContain("TST-GONE");
			assertThat(reader.get("/api/clearance/" + this.ofDeleted).status()).isEqualTo(404);
			assertThat(reader.get("/api/clearance/" + this.removed).status()).isEqualTo(404);
		}
		Http.Response phase = this.editor.get("/api/clearance/" + this.open);
		assertThat(phase.json().get("properties").get("events").get(1).get("author").asString()).isEqualTo(TestUsers.EDITOR);
		assertThat(phase.body()).contains("NOTE-OF-STEP", "NOTE-OF-PHASE");
	}

	private static void assertHidden(String body) {
		assertThat(body).doesNotContain(SECRETS);
	}

	private static List<String> codes(JsonNode collection) {
		List<String> codes = new ArrayList<>();
		collection.get("features").forEach(f -> codes.add(f.get("properties").get("code").asString()));
		return codes;
	}

	private long register(String zone, String code, double lon, String note) {
		String body = "{\"zone\":\"%s\",\"code\":\"%s\",\"name\":\"Phase %s\",\"eventDate\":\"2024-01-10\",\"geometry\":%s%s}"
			.formatted(zone, code, code, TestRegistry.square(lon, 10.101, 0.004),
					note == null ? "" : ",\"note\":\"" + note + "\"");
		Http.Response response = this.editor.postJson("/api/clearance", body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

}
