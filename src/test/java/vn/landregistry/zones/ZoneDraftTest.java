package vn.landregistry.zones;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;
import vn.landregistry.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vn.landregistry.support.Problems.assertProblem;

/**
 * Draft revisions of a published zone: kept aside after the checks of a direct edit, invisible to
 * the public (API and OGC API) until published, published as one change by whoever publishes, and
 * refused (and kept) when the zone moved on meanwhile.
 */
class ZoneDraftTest extends PostgisTest {

	/** The published zone of the test: a square at (100.30, 10.30), 0.01° wide. */
	static final String MOVED = TestRegistry.square(100.302, 10.302, 0.006);

	TestRegistry registry;

	long zone;

	@BeforeEach
	void build() {
		this.registry = new TestRegistry(this.jdbc).create();
		this.zone = this.registry.zone("TST-PUB", "KCN", TestRegistry.district(1), 100.30, 10.30, null);
	}

	@AfterEach
	void clear() {
		this.registry.clear();
	}

	@Test
	void aDraftOfAPublishedZoneIsSeenOnlyByEditorsUntilPublishedAsOneChange() {
		double publishedArea = mapArea(this.http.get("/api/zones/" + this.zone));

		Http.Response drafted = draft("{\"version\":0,\"draft\":true,\"name\":\"Tên mới\",\"geometry\":" + MOVED
				+ ",\"reason\":\"đo đạc lại 2025\"}");

		assertThat(drafted.status()).as(drafted.body()).isEqualTo(200);
		JsonNode properties = drafted.json().get("properties");
		assertThat(properties.get("name").asString()).isEqualTo("Tên mới");
		assertThat(properties.get("version").asLong()).as("the zone itself did not change").isZero();
		assertThat(properties.get("mapAreaHa").asDouble()).isCloseTo(area(MOVED), within(0.01));
		assertThat(properties.get("draft").get("author").asString()).isEqualTo(TestUsers.EDITOR);
		assertThat(properties.get("draft").get("reason").asString()).isEqualTo("đo đạc lại 2025");
		assertThat(properties.get("draft").get("stale").asBoolean()).isFalse();
		assertThat(properties.get("draft").get("changed")).extracting(JsonNode::asString).contains("boundary", "name_vi");
		assertThat(historyRows()).as("a draft is not a change of the zone").isEqualTo(1);

		// The public, investors and GIS clients still see the published zone.
		assertThat(name(this.http.get("/api/zones/" + this.zone))).isEqualTo("Khu thử TST-PUB");
		assertThat(mapArea(this.http.get("/api/zones/" + this.zone))).isEqualTo(publishedArea);
		JsonNode listed = this.http.get("/api/zones?district=TST-1").json().get("features").get(0).get("properties");
		assertThat(listed.get("name").asString()).isEqualTo("Khu thử TST-PUB");
		assertThat(listed.has("pendingDraft")).as("the public is not told of drafts").isFalse();
		JsonNode ogc = this.http.get("/ogc/collections/zones/items/" + this.zone).json();
		assertThat(ogc.get("properties").get("name").asString()).isEqualTo("Khu thử TST-PUB");
		assertThat(this.http.get("/ogc/collections/zones/items?code=TST-PUB").json().get("features").get(0)
			.get("properties").get("name").asString()).isEqualTo("Khu thử TST-PUB");
		// Editors see the published zone, marked, and the draft on its own.
		JsonNode forEditors = this.editor.get("/api/zones?district=TST-1").json().get("features").get(0).get("properties");
		assertThat(forEditors.get("name").asString()).isEqualTo("Khu thử TST-PUB");
		assertThat(forEditors.get("pendingDraft").asBoolean()).isTrue();
		assertThat(name(this.editor.get("/api/zones/" + this.zone + "/draft"))).isEqualTo("Tên mới");

		Http.Response published = this.admin.postJson("/api/zones/" + this.zone + "/publish", "{\"version\":0}");

		assertThat(published.status()).as(published.body()).isEqualTo(200);
		assertThat(published.etag()).startsWith("\"1-");
		assertThat(name(this.http.get("/api/zones/" + this.zone))).isEqualTo("Tên mới");
		assertThat(mapArea(this.http.get("/api/zones/" + this.zone))).isCloseTo(area(MOVED), within(0.01));
		assertThat(this.http.get("/ogc/collections/zones/items/" + this.zone).json().get("properties").get("name").asString())
			.isEqualTo("Tên mới");
		JsonNode history = this.editor.get("/api/zones/" + this.zone + "/history").json();
		assertThat(history).as("exactly one change: the published draft").hasSize(2);
		JsonNode change = history.get(1);
		assertThat(change.get("changedBy").asString()).as("attributed to the publisher").isEqualTo(TestUsers.ADMIN);
		assertThat(change.get("reason").asString()).as("with the draft's reason").isEqualTo("đo đạc lại 2025");
		assertThat(change.get("changed")).extracting(JsonNode::asString).containsExactlyInAnyOrder("boundary", "name_vi");
		assertThat(this.editor.get("/api/zones/" + this.zone + "/draft").status()).as("the draft is used up").isEqualTo(404);
		assertThat(this.editor.get("/api/zones?district=TST-1").json().get("features").get(0).get("properties")
			.get("pendingDraft").asBoolean()).isFalse();
	}

	@Test
	void aDraftMadeFromAnOlderVersionIsRefusedAtPublishingAndKept() {
		assertThat(draft("{\"version\":0,\"draft\":true,\"name\":\"Bản nháp\"}").status()).isEqualTo(200);
		Http.Response direct = this.editor.send("PATCH", "/api/zones/" + this.zone,
				"{\"version\":0,\"note\":\"Sửa trực tiếp\",\"reason\":\"ghi chú\"}");
		assertThat(direct.status()).as("a direct change applies at once").isEqualTo(200);
		assertThat(this.http.get("/api/zones/" + this.zone).json().get("properties").get("note").asString()).isEqualTo("Sửa trực tiếp");

		JsonNode problem = assertProblem(this.editor.postJson("/api/zones/" + this.zone + "/publish", "{\"version\":1}"), 409,
				"stale_draft", "changed after the draft was saved");

		assertThat(problem.get("currentVersion").asLong()).isEqualTo(1);
		assertThat(problem.get("draftBaseVersion").asLong()).isZero();
		assertProblem(this.editor.postJson("/api/zones/" + this.zone + "/publish", "{\"version\":0}"), 409, "stale_version",
				"changed by someone else");
		Http.Response kept = this.editor.get("/api/zones/" + this.zone + "/draft");
		assertThat(kept.status()).as("nothing lost").isEqualTo(200);
		assertThat(kept.json().get("properties").get("draft").get("stale").asBoolean()).isTrue();
		assertThat(name(this.http.get("/api/zones/" + this.zone))).isEqualTo("Khu thử TST-PUB");
		assertThat(historyRows()).isEqualTo(2);

		// Saved again from the current version, it is published.
		assertThat(draft("{\"version\":1,\"draft\":true,\"name\":\"Bản nháp\"}").status()).isEqualTo(200);
		assertThat(this.editor.postJson("/api/zones/" + this.zone + "/publish", "{\"version\":1}").status()).isEqualTo(200);
		JsonNode zone = this.http.get("/api/zones/" + this.zone).json().get("properties");
		assertThat(zone.get("name").asString()).isEqualTo("Bản nháp");
		assertThat(zone.get("note").asString()).as("the direct change stays").isEqualTo("Sửa trực tiếp");
	}

	@Test
	void aDraftIsDiscardedOrReplacedAndGoesWithItsZone() {
		assertThat(draft("{\"version\":0,\"draft\":true,\"name\":\"Thứ nhất\"}").status()).isEqualTo(200);
		Http.Response second = this.admin.send("PATCH", "/api/zones/" + this.zone,
				"{\"version\":0,\"draft\":true,\"communes\":\"Xã thử\",\"reason\":\"bổ sung xã\"}");
		assertThat(second.status()).as(second.body()).isEqualTo(200);
		JsonNode replaced = this.editor.get("/api/zones/" + this.zone + "/draft").json().get("properties");
		assertThat(replaced.get("draft").get("author").asString()).as("one draft per zone: the newer").isEqualTo(TestUsers.ADMIN);
		assertThat(replaced.get("name").asString()).isEqualTo("Khu thử TST-PUB");
		assertThat(replaced.get("communes").asString()).isEqualTo("Xã thử");

		assertThat(this.editor.send("DELETE", "/api/zones/" + this.zone + "/draft", null).status()).isEqualTo(204);

		assertThat(this.editor.get("/api/zones/" + this.zone + "/draft").status()).isEqualTo(404);
		assertProblem(this.editor.send("DELETE", "/api/zones/" + this.zone + "/draft", null), 404, null, "no pending draft");
		assertThat(this.http.get("/api/zones/" + this.zone).json().get("properties").get("version").asLong()).isZero();
		assertThat(historyRows()).isEqualTo(1);

		assertThat(draft("{\"version\":0,\"draft\":true,\"name\":\"Sẽ bị xoá\"}").status()).isEqualTo(200);
		assertThat(draftsOf(this.zone)).isEqualTo(1);
		assertThat(this.editor.send("DELETE", "/api/zones/" + this.zone + "?version=0&reason=trùng", null).status()).isEqualTo(204);
		assertThat(this.editor.get("/api/zones/" + this.zone).status()).as("the zone is gone").isEqualTo(404);
		assertThat(draftsOf(this.zone)).as("a deleted zone takes its draft with it").isZero();
	}

	@Test
	void aDraftIsCheckedLikeADirectChangeAndAgainWhenPublished() {
		String bowTie = "{\"type\":\"Polygon\",\"coordinates\":[[[100.30,10.30],[100.31,10.31],[100.31,10.30],[100.30,10.31],[100.30,10.30]]]}";
		assertProblem(draft("{\"version\":0,\"draft\":true,\"geometry\":" + bowTie + "}"), 422, "geometry_valid", "Self-intersection");
		long other = this.registry.zone("TST-OTHER", "KCN", TestRegistry.district(1), 100.31, 10.30, null);
		assertProblem(draft("{\"version\":0,\"draft\":true,\"geometry\":" + TestRegistry.square(100.305, 10.30, 0.01) + "}"), 422,
				"zone_overlap", "TST-OTHER");
		assertProblem(draft("{\"version\":0,\"draft\":true,\"name\":\"Khu thử TST-PUB\"}"), 422, "draft_changes_nothing",
				"changes nothing");
		assertProblem(draft("{\"version\":0,\"draft\":true,\"publish\":true,\"name\":\"x\"}"), 400, null, "exclude each other");
		assertProblem(draft("{\"version\":3,\"draft\":true,\"name\":\"x\"}"), 409, "stale_version", "version 0");
		assertThat(drafts()).as("nothing kept").isZero();

		// Valid when saved (moved south, clear of the other zone); meanwhile the other zone grew under
		// it (a correction made in SQL, unchecked).
		Http.Response south = draft("{\"version\":0,\"draft\":true,\"geometry\":" + TestRegistry.square(100.30, 10.29, 0.01) + "}");
		assertThat(south.status()).as(south.body()).isEqualTo(200);
		this.jdbc.sql("UPDATE zone SET boundary = ST_Multi(ST_MakeEnvelope(100.305, 10.289, 100.33, 10.31, 4326)) WHERE id = :id")
			.param("id", other).update();

		assertProblem(this.editor.postJson("/api/zones/" + this.zone + "/publish", "{\"version\":0}"), 422, "zone_overlap",
				"TST-OTHER");
		assertThat(drafts()).as("the refused draft is kept").isEqualTo(1);
		assertThat(this.http.get("/api/zones/" + this.zone).json().get("properties").get("version").asLong()).isZero();
	}

	@Test
	void aPublishedZoneIsNotUnpublishedByAChangeAndAnUnpublishedOneIsChangedDirectly() {
		assertProblem(draft("{\"version\":0,\"publish\":false,\"name\":\"x\"}"), 422, "published_stays_published",
				"\"draft\": true");
		JsonNode still = this.http.get("/api/zones/" + this.zone).json().get("properties");
		assertThat(still.get("published").asBoolean()).as("still published").isTrue();
		assertThat(still.get("name").asString()).as("nothing of the refused change").isEqualTo("Khu thử TST-PUB");
		assertThat(still.get("version").asLong()).isZero();

		long unpublished = this.editor.postJson("/api/zones", """
				{"kind":"CCN","code":"TST-NEW","name":"Cụm mới","planStatus":"NEW","source":"test",
				 "geometry":%s}""".formatted(TestRegistry.square(100.40, 10.40, 0.01))).json().get("id").asLong();
		Http.Response saved = this.editor.send("PATCH", "/api/zones/" + unpublished,
				"{\"version\":0,\"draft\":true,\"name\":\"Cụm mới (sửa)\"}");

		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().get("properties").get("version").asLong()).as("saved on the draft zone itself").isEqualTo(1);
		assertThat(saved.json().get("properties").get("name").asString()).isEqualTo("Cụm mới (sửa)");
		assertThat(drafts()).isZero();
		assertThat(this.http.get("/v3/api-docs").body()).as("documented").contains("keeps the change as a draft",
				"published_stays_published", "/api/zones/{id}/draft", "/api/plots/{id}/draft");
	}

	@Test
	void onlyTheAuthorityReadsAndWritesDrafts() {
		draft("{\"version\":0,\"draft\":true,\"name\":\"Nháp\"}");
		String path = "/api/zones/" + this.zone + "/draft";
		String change = "{\"version\":0,\"draft\":true,\"name\":\"Của người khác\"}";

		assertThat(this.http.get(path).status()).isEqualTo(401);
		assertThat(this.http.send("DELETE", path, null).status()).isEqualTo(401);
		assertThat(this.http.send("PATCH", "/api/zones/" + this.zone, change).status()).isEqualTo(401);
		TestUsers.bindOfficer(this.jdbc, TestRegistry.district(1));
		assertThat(this.officer.get(path).status()).as("a district officer does not read drafts").isEqualTo(403);
		assertThat(this.officer.send("DELETE", path, null).status()).isEqualTo(403);
		assertThat(this.officer.send("PATCH", "/api/zones/" + this.zone, change).status()).isEqualTo(403);
		assertThat(this.officer.postJson("/api/zones/" + this.zone + "/publish", "{\"version\":0}").status()).isEqualTo(403);
		assertThat(name(this.editor.get(path))).as("the draft untouched").isEqualTo("Nháp");
		assertThat(name(this.http.get("/api/zones/" + this.zone))).isEqualTo("Khu thử TST-PUB");
	}

	private Http.Response draft(String json) {
		return this.editor.send("PATCH", "/api/zones/" + this.zone, json);
	}

	private static String name(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("properties").get("name").asString();
	}

	private static double mapArea(Http.Response response) {
		return response.json().get("properties").get("mapAreaHa").asDouble();
	}

	private double area(String geoJson) {
		return this.jdbc.sql("SELECT ST_Area(ST_SetSRID(ST_GeomFromGeoJSON(:g), 4326)::geography) / 10000").param("g", geoJson)
			.query(Double.class).single();
	}

	private long historyRows() {
		return this.jdbc.sql("SELECT count(*) FROM change_history WHERE table_name = 'zone' AND row_id = :id")
			.param("id", this.zone).query(Long.class).single();
	}

	/** Drafts of this zone id, whether or not the zone row is still there. */
	private long draftsOf(long zoneId) {
		return this.jdbc.sql("SELECT count(*) FROM draft_revision WHERE table_name = 'zone' AND row_id = :id").param("id", zoneId)
			.query(Long.class).single();
	}

	private long drafts() {
		return this.jdbc.sql("SELECT count(*) FROM draft_revision WHERE table_name = 'zone' AND row_id IN "
				+ "(SELECT id FROM zone WHERE code LIKE 'TST-%')").query(Long.class).single();
	}

}
