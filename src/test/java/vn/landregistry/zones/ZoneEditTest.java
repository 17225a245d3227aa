package vn.landregistry.zones;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vn.landregistry.support.Problems.assertProblem;

/**
 * Drawing and changing zones: the spatial rules with real invalid shapes, optimistic locking,
 * drafts, and a history that holds every write once and replays any instant.
 */
class ZoneEditTest extends PostgisTest {

	// The test province spans 100–101 E, 10–10.5 N.
	static final String SQUARE = TestRegistry.square(100.30, 10.30, 0.01);

	TestRegistry registry;

	@BeforeEach
	void build() {
		this.registry = new TestRegistry(this.jdbc).create();
	}

	@AfterEach
	void clear() {
		this.registry.clear();
	}

	@Test
	void aNewZoneIsADraftUntilPublishedAndItsCreationIsInTheHistory() {
		Http.Response created = create("TST-NEW", "KCN", SQUARE, "");

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.json().get("properties").get("published").asBoolean()).isFalse();
		assertThat(created.json().get("properties").get("district").asString()).as("derived from the shape").isEqualTo("TST-1");
		assertThat(created.etag()).startsWith("\"0-");
		assertThat(this.http.get("/api/zones/" + id).status()).as("the public does not see drafts").isEqualTo(404);
		assertThat(codes(this.http.get("/api/zones?district=TST-1"))).doesNotContain("TST-NEW");
		assertThat(codes(this.editor.get("/api/zones?district=TST-1"))).contains("TST-NEW");

		Http.Response published = this.editor.postJson("/api/zones/" + id + "/publish", "{\"version\":0}");

		assertThat(published.status()).as(published.body()).isEqualTo(200);
		Http.Response seen = this.http.get("/api/zones/" + id);
		assertThat(seen.status()).isEqualTo(200);
		assertThat(seen.json().get("properties").get("code").asString()).isEqualTo("TST-NEW");
		assertThat(codes(this.http.get("/api/zones?district=TST-1"))).as("listed for the public").containsExactly("TST-NEW");
		JsonNode history = this.editor.get("/api/zones/" + id + "/history").json();
		assertThat(history).hasSize(2);
		assertThat(history.get(0).get("operation").asString()).isEqualTo("INSERT");
		assertThat(history.get(0).get("changedBy").asString()).isEqualTo("t-editor");
		assertThat(history.get(1).get("changed")).extracting(JsonNode::asString).containsExactly("published");
		assertThat(this.http.get("/api/zones/" + id + "/history").status()).as("history needs a sign-in").isEqualTo(401);
	}

	@Test
	void invalidShapesAreRefusedWithTheReasonAndNothingIsWritten() {
		String bowTie = polygon("[100.30,10.30],[100.31,10.31],[100.31,10.30],[100.30,10.31],[100.30,10.30]");
		JsonNode problem = assertProblem(create("TST-BOW", "KCN", bowTie, ""), 422, "geometry_valid", "Self-intersection");
		// the bow tie's two triangles, each a quarter of its 0.01° square, as one valid shape
		JsonNode suggestion = problem.get("suggestion");
		assertThat(planar("SELECT ST_IsValid(ST_GeomFromGeoJSON(:g))::int", suggestion)).as(suggestion.toString()).isEqualTo(1);
		assertThat(suggestion.get("type").asString()).isEqualTo("MultiPolygon");
		assertThat(suggestion.get("coordinates")).hasSize(2);
		assertThat(planar("SELECT ST_Area(ST_GeomFromGeoJSON(:g))", suggestion)).isCloseTo(0.01 * 0.01 / 2, within(1e-9));

		String spike = polygon("[100.30,10.30],[100.31,10.30],[100.31,10.31],[100.305,10.31],[100.305,10.33],[100.305,10.31],"
				+ "[100.30,10.31],[100.30,10.30]");
		assertProblem(create("TST-SPIKE", "KCN", spike, ""), 422, "geometry_valid", "not a valid polygon");

		String unclosed = polygon("[100.30,10.30],[100.31,10.30],[100.31,10.31],[100.30,10.31]");
		JsonNode open = assertProblem(create("TST-OPEN", "KCN", unclosed, ""), 422, "geometry_valid", "closed");
		assertThat(open.get("suggestion").get("coordinates").get(0)).as("the suggestion closes the ring").hasSize(5);

		String outside = TestRegistry.square(100.995, 10.30, 0.01);
		JsonNode out = assertProblem(create("TST-OUT", "KCN", outside, ""), 422, "zone_inside_province", "outside the province");
		assertThat(out.get("outsideHa").asDouble()).isGreaterThan(1);

		assertThat(zones()).as("nothing written").isZero();
	}

	@Test
	void aClockwiseRingIsAcceptedAndServedCounterClockwise() {
		String clockwise = polygon("[100.30,10.30],[100.30,10.31],[100.31,10.31],[100.31,10.30],[100.30,10.30]");

		Http.Response created = create("TST-CW", "KCN", clockwise, "");

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode ring = created.json().get("geometry").get("coordinates").get(0).get(0);
		double signedArea = 0;
		for (int i = 0; i + 1 < ring.size(); i++) {
			signedArea += ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
					- ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
		}
		assertThat(signedArea).as("RFC 7946: exterior rings counter-clockwise").isPositive();
	}

	@Test
	void zonesOfOneKindMayNotOverlapBeyondTheTolerance() {
		assertThat(create("TST-A", "KCN", SQUARE, "").status()).isEqualTo(201);
		String overlapping = TestRegistry.square(100.305, 10.305, 0.01);

		JsonNode problem = assertProblem(create("TST-B", "KCN", overlapping, ""), 422, "zone_overlap", "TST-A");

		JsonNode overlap = problem.get("overlaps").get(0);
		double expected = this.jdbc.sql("""
				SELECT ST_Area(ST_Intersection(ST_GeomFromGeoJSON(:a), ST_GeomFromGeoJSON(:b))::geography)""")
			.param("a", SQUARE).param("b", overlapping).query(Double.class).single();
		assertThat(overlap.get("areaM2").asDouble()).isCloseTo(expected, within(1.0));
		// the overlap of the two squares is the 0.005° square where they cross
		assertThat(overlap.get("geometry").get("type").asString()).isEqualTo("Polygon");
		assertThat(planar("SELECT ST_Area(ST_GeomFromGeoJSON(:g))", overlap.get("geometry"))).isCloseTo(0.005 * 0.005,
				within(1e-9));
		assertThat(planar("SELECT ST_HausdorffDistance(ST_GeomFromGeoJSON(:g), ST_MakeEnvelope(100.305, 10.305, 100.31, 10.31, 4326))",
				overlap.get("geometry"))).isLessThan(1e-6);
		assertThat(create("TST-C", "CCN", overlapping, "").status()).as("a CCN may lie over a KCN").isEqualTo(201);
		String touching = TestRegistry.square(100.31, 10.30, 0.01);
		assertThat(create("TST-D", "KCN", touching, "").status()).as("sharing an edge is not overlapping").isEqualTo(201);
	}

	@Test
	void aDrawnAreaFarFromTheLegalAreaIsAWarningNotAnError() {
		double drawn = this.jdbc.sql("SELECT ST_Area(ST_GeomFromGeoJSON(:g)::geography) / 10000").param("g", SQUARE)
			.query(Double.class).single();

		Http.Response far = create("TST-FAR", "KCN", SQUARE, ",\"legalAreaHa\":" + Math.round(drawn * 2));
		Http.Response near = create("TST-NEAR", "CCN", SQUARE, ",\"legalAreaHa\":" + Math.round(drawn));

		assertThat(far.status()).isEqualTo(201);
		assertThat(far.json().get("warnings").get(0).asString()).contains("differs from the legal area");
		assertThat(near.status()).isEqualTo(201);
		assertThat(near.json().has("warnings")).isFalse();
	}

	@Test
	void aStaleVersionGets409AndLosesNothing() {
		long id = create("TST-V", "KCN", SQUARE, "").json().get("id").asLong();
		assertThat(patch(id, "{\"version\":0,\"name\":\"First\"}").status()).isEqualTo(200);

		JsonNode problem = assertProblem(patch(id, "{\"version\":0,\"name\":\"Second\"}"), 409, "stale_version",
				"changed by someone else");

		assertThat(problem.get("currentVersion").asLong()).isEqualTo(1);
		assertThat(name(id)).isEqualTo("First");
		Http.Response viaIfMatch = this.editor.send("PATCH", "/api/zones/" + id, "{\"name\":\"Second\"}", "If-Match", "\"1\"");
		assertThat(viaIfMatch.status()).as(viaIfMatch.body()).isEqualTo(200);
		assertThat(viaIfMatch.etag()).startsWith("\"2-");
		assertProblem(patch(id, "{\"name\":\"Third\"}"), 400, null, "version is required");
	}

	@Test
	void everyWriteLeavesExactlyOneHistoryRowAndAnyInstantCanBeReplayed() {
		List<String> instants = new ArrayList<>();
		long id = create("TST-H", "KCN", SQUARE, "").json().get("id").asLong();
		instants.add(now());
		patch(id, "{\"version\":0,\"name\":\"Renamed\",\"reason\":\"spelling\"}");
		instants.add(now());
		String moved = TestRegistry.square(100.32, 10.32, 0.02);
		patch(id, "{\"version\":1,\"geometry\":" + moved + ",\"reason\":\"survey\"}");
		instants.add(now());
		this.editor.postJson("/api/zones/" + id + "/publish", "{\"version\":2}");
		instants.add(now());
		assertThat(this.editor.send("DELETE", "/api/zones/" + id + "?version=3&reason=duplicate", null).status()).isEqualTo(204);
		instants.add(now());

		JsonNode history = this.editor.get("/api/zones/" + id + "/history").json();
		assertThat(history).as("one row per write").hasSize(5);
		assertThat(history).extracting(h -> h.get("operation").asString())
			.containsExactly("INSERT", "UPDATE", "UPDATE", "UPDATE", "UPDATE");
		for (int i = 1; i < history.size(); i++) {
			assertThat(history.get(i).get("oldValues")).as("change %d starts where %d ended", i, i - 1)
				.isEqualTo(history.get(i - 1).get("newValues"));
		}
		assertThat(history.get(1).get("reason").asString()).isEqualTo("spelling");
		assertThat(history.get(2).get("changed")).extracting(JsonNode::asString).contains("boundary");
		assertThat(history.get(4).get("changed")).extracting(JsonNode::asString).contains("deleted_at");

		for (int i = 0; i < instants.size(); i++) {
			Http.Response asOf = this.editor.get("/api/zones?district=TST-1&asOf=" + instants.get(i));
			JsonNode replayed = history.get(i).get("newValues");
			if (replayed.get("deleted_at").isNull()) {
				JsonNode zone = asOf.json().get("features").get(0);
				assertThat(zone.get("properties").get("name").asString()).isEqualTo(replayed.get("name_vi").asString());
				assertThat(zone.get("properties").get("published").asBoolean()).isEqualTo(replayed.get("published").asBoolean());
				assertThat(zone.get("properties").get("mapAreaHa").asDouble()).isCloseTo(area(replayed.get("boundary")), within(0.01));
			}
			else {
				assertThat(asOf.json().get("features")).as("deleted by then").isEmpty();
			}
		}
		assertThat(this.http.get("/api/zones?district=TST-1&asOf=" + instants.get(2)).json().get("features"))
			.as("the public never sees a draft, not even in the past").isEmpty();
		assertThat(this.http.get("/api/zones?district=TST-1&asOf=" + instants.get(3)).json().get("features")).hasSize(1);
	}

	@Test
	void restoringAnOldVersionIsANewChange() {
		long id = create("TST-R", "KCN", SQUARE, "").json().get("id").asLong();
		patch(id, "{\"version\":0,\"name\":\"Wrong\",\"geometry\":" + TestRegistry.square(100.35, 10.35, 0.005) + "}");
		JsonNode first = this.editor.get("/api/zones/" + id + "/history").json().get(0);

		Http.Response restored = this.editor.postJson("/api/zones/" + id + "/restore",
				"{\"changeId\":" + first.get("id").asLong() + ",\"version\":1,\"reason\":\"undo\"}");

		assertThat(restored.status()).as(restored.body()).isEqualTo(200);
		assertThat(name(id)).isEqualTo("Zone TST-R");
		assertThat(restored.json().get("properties").get("mapAreaHa").asDouble()).isCloseTo(area(first.get("newValues").get("boundary")), within(0.01));
		JsonNode history = this.editor.get("/api/zones/" + id + "/history").json();
		assertThat(history).hasSize(3);
		assertThat(history.get(2).get("reason").asString()).contains("undo").contains("restored from change");
		assertThat(history.get(1).get("newValues").get("name_vi").asString()).as("history kept").isEqualTo("Wrong");
	}

	@Test
	void unknownValuesAreClearAnswers() {
		assertProblem(create("TST-K", "XYZ", SQUARE, ""), 400, null, "unknown kind");
		assertProblem(this.editor.postJson("/api/zones", "{\"kind\":\"KCN\",\"code\":\"TST-K\",\"name\":\"n\",\"planStatus\":\"NEW\","
				+ "\"geometry\":" + SQUARE + "}"), 400, null, "source is required");
		assertProblem(patch(999999999, "{\"version\":0}"), 404, null, "no zone");
		assertThat(create("TST-DUP", "KCN", SQUARE, "").status()).isEqualTo(201);
		assertProblem(create("TST-DUP", "CCN", SQUARE, ""), 409, null, "already exists");
	}

	private Http.Response create(String code, String kind, String geometry, String extra) {
		return this.editor.postJson("/api/zones", ("{\"kind\":\"%s\",\"code\":\"%s\",\"name\":\"Zone %s\",\"planStatus\":\"NEW\","
				+ "\"source\":\"test\",\"geometry\":%s%s}").formatted(kind, code, code, geometry, extra));
	}

	private Http.Response patch(long id, String json) {
		return this.editor.send("PATCH", "/api/zones/" + id, json);
	}

	private static String polygon(String ring) {
		return "{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}";
	}

	private String now() {
		return this.jdbc.sql("SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")
			.query(String.class).single();
	}

	private double area(JsonNode geoJson) {
		return this.jdbc.sql("SELECT ST_Area(ST_SetSRID(ST_GeomFromGeoJSON(:g), 4326)::geography) / 10000")
			.param("g", geoJson.toString()).query(Double.class).single();
	}

	/** A number computed by PostGIS from a GeoJSON geometry {@code :g}, in degrees where an area. */
	private double planar(String sql, JsonNode geoJson) {
		return this.jdbc.sql(sql).param("g", geoJson.toString()).query(Double.class).single();
	}

	private String name(long id) {
		return this.jdbc.sql("SELECT name_vi FROM zone WHERE id = :id").param("id", id).query(String.class).single();
	}

	private long zones() {
		return this.jdbc.sql("SELECT count(*) FROM zone WHERE code LIKE 'TST-%'").query(Long.class).single();
	}

	private static List<String> codes(Http.Response response) {
		List<String> codes = new ArrayList<>();
		response.json().get("features").forEach(f -> codes.add(f.get("properties").get("code").asString()));
		return codes;
	}

}
