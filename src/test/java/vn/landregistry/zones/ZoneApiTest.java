package vn.landregistry.zones;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ZoneApiTest extends PostgisTest {

	@Test
	void listsEveryZoneAsRfc7946FeatureCollection() {
		Http.Response response = this.http.get("/api/zones");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/geo+json");
		JsonNode body = response.json();
		assertThat(body.get("type").asString()).isEqualTo("FeatureCollection");
		long zones = this.jdbc.sql("SELECT count(*) FROM zone").query(Long.class).single();
		assertThat(zones).isGreaterThan(0);
		assertThat(body.get("features").size()).isEqualTo(zones);
		for (JsonNode feature : body.get("features")) {
			assertThat(feature.get("type").asString()).isEqualTo("Feature");
			assertThat(feature.get("id").asLong()).isEqualTo(feature.get("properties").get("id").asLong());
			JsonNode geometry = feature.get("geometry");
			assertThat(geometry.get("type").asString()).isEqualTo("MultiPolygon");
			JsonNode position = geometry.get("coordinates").get(0).get(0).get(0);
			// RFC 7946: longitude first. Bắc Giang lies near 106 E, 21 N.
			assertThat(position.get(0).asDouble()).isBetween(105.5, 107.5);
			assertThat(position.get(1).asDouble()).isBetween(20.8, 21.9);
			assertThat(feature.get("properties").propertyNames()).contains("id", "kind", "code", "name", "district",
					"planStatus", "lifecycle", "legalAreaHa", "mapAreaHa", "boundaryAccuracy", "source");
		}
	}

	@Test
	void exteriorRingsAreCounterClockwiseAndClosed() {
		for (JsonNode feature : this.http.get("/api/zones").json().get("features")) {
			JsonNode ring = feature.get("geometry").get("coordinates").get(0).get(0);
			assertThat(ring.get(0)).isEqualTo(ring.get(ring.size() - 1));
			assertThat(signedArea(ring)).as("exterior ring of %s", feature.get("id")).isPositive();
		}
	}

	@Test
	void mapAreaIsMeasuredOnTheSpheroid() {
		JsonNode feature = this.http.get("/api/zones").json().get("features").get(0);
		double expected = this.jdbc.sql("SELECT ST_Area(boundary::geography) / 10000 FROM zone WHERE id = :id")
			.param("id", feature.get("id").asLong())
			.query(Double.class)
			.single();
		assertThat(feature.get("properties").get("mapAreaHa").asDouble()).isCloseTo(expected, within(0.01));
	}

	@Test
	void filtersByKind() {
		for (String kind : List.of("KCN", "CCN")) {
			JsonNode features = this.http.get("/api/zones?kind=" + kind.toLowerCase()).json().get("features");
			long expected = this.jdbc.sql("SELECT count(*) FROM zone WHERE kind = :kind").param("kind", kind)
				.query(Long.class).single();
			assertThat(features.size()).isEqualTo(expected).isPositive();
			features.forEach(f -> assertThat(f.get("properties").get("kind").asString()).isEqualTo(kind));
		}
	}

	@Test
	void filtersByDistrictAndPlanStatusTogether() {
		Map<String, Object> sample = this.jdbc
			.sql("SELECT d.code AS district, z.plan_status AS status FROM zone z JOIN admin_unit d ON d.id = z.district_id "
					+ "GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1")
			.query().singleRow();
		String district = (String) sample.get("district");
		String status = (String) sample.get("status");

		JsonNode features = this.http.get("/api/zones?district=" + district + "&planStatus=" + status).json()
			.get("features");

		long expected = this.jdbc.sql("SELECT count(*) FROM zone z JOIN admin_unit d ON d.id = z.district_id "
				+ "WHERE d.code = :district AND z.plan_status = :status")
			.param("district", district).param("status", status).query(Long.class).single();
		assertThat(features.size()).isEqualTo(expected).isPositive();
		features.forEach(f -> {
			assertThat(f.get("properties").get("district").asString()).isEqualTo(district);
			assertThat(f.get("properties").get("planStatus").asString()).isEqualTo(status);
		});
	}

	@Test
	void acceptsSeveralValuesPerFilter() {
		JsonNode features = this.http.get("/api/zones?planStatus=NEW,EXISTING").json().get("features");
		long expected = this.jdbc.sql("SELECT count(*) FROM zone WHERE plan_status IN ('NEW', 'EXISTING')")
			.query(Long.class).single();
		assertThat(features.size()).isEqualTo(expected);
	}

	@Test
	void bboxKeepsZonesThatIntersectItAndDropsTheOthers() {
		// The box of the most westerly zone, and the zone farthest from it.
		Map<String, Object> west = this.jdbc.sql("""
				SELECT id, ST_XMin(boundary) AS x1, ST_YMin(boundary) AS y1, ST_XMax(boundary) AS x2, ST_YMax(boundary) AS y2
				  FROM zone ORDER BY ST_XMin(boundary) LIMIT 1""").query().singleRow();
		long far = this.jdbc.sql("SELECT id FROM zone ORDER BY ST_XMax(boundary) DESC LIMIT 1").query(Long.class)
			.single();
		String bbox = west.get("x1") + "," + west.get("y1") + "," + west.get("x2") + "," + west.get("y2");

		Set<Long> ids = ids(this.http.get("/api/zones?bbox=" + bbox).json());

		long expected = this.jdbc.sql("SELECT count(*) FROM zone WHERE ST_Intersects(boundary, "
				+ "ST_MakeEnvelope(:x1, :y1, :x2, :y2, 4326))").params(west).query(Long.class).single();
		assertThat(ids).contains(((Number) west.get("id")).longValue()).doesNotContain(far).hasSize((int) expected);
	}

	@Test
	void bboxOutsideTheProvinceFindsNothing() {
		JsonNode body = this.http.get("/api/zones?bbox=0,0,1,1").json();
		assertThat(body.get("features").size()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "bbox=1,2,3", "bbox=a,b,c,d", "bbox=106,21,105,20", "bbox=200,0,201,1",
			"bbox=0,-91,1,1", "bbox=NaN,0,1,1", "bbox=1,2,3,4,5", "bbox=", "kind=XYZ", "kind=KCN,park",
			"district=NOWHERE", "planStatus=done", "planStatus=NEW,%27;DROP%20TABLE%20zone;--" })
	void badFilterValuesAreAProblemDetailNotAServerError(String query) {
		Http.Response response = this.http.get("/api/zones?" + query);
		if (query.equals("bbox=")) {
			assertThat(response.status()).isEqualTo(200); // an empty filter is no filter
			assertThat(response.json().get("features").size()).as("every zone, as without the parameter")
				.isEqualTo(this.http.get("/api/zones").json().get("features").size())
				.isPositive();
			return;
		}
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.get("parameter").asString()).isEqualTo(query.substring(0, query.indexOf('=')));
	}

	@Test
	void oneZoneIsAFeature() {
		long id = this.jdbc.sql("SELECT min(id) FROM zone").query(Long.class).single();
		Http.Response response = this.http.get("/api/zones/" + id);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/geo+json");
		JsonNode feature = response.json();
		assertThat(feature.get("type").asString()).isEqualTo("Feature");
		assertThat(feature.get("id").asLong()).isEqualTo(id);
		String code = this.jdbc.sql("SELECT code FROM zone WHERE id = :id").param("id", id).query(String.class).single();
		assertThat(feature.get("properties").get("code").asString()).isEqualTo(code);
	}

	@Test
	void missingZoneIs404ProblemAndMalformedIdIs400() {
		long absent = this.jdbc.sql("SELECT coalesce(max(id), 0) + 1000 FROM zone").query(Long.class).single();
		Http.Response missing = this.http.get("/api/zones/" + absent);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).startsWith("application/problem+json");
		assertThat(missing.json().get("detail").asString()).contains(String.valueOf(absent));

		Http.Response malformed = this.http.get("/api/zones/abc");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith("application/problem+json");
		assertThat(malformed.json().get("parameter").asString()).isEqualTo("id");
	}

	private static Set<Long> ids(JsonNode collection) {
		Set<Long> ids = new HashSet<>();
		collection.get("features").forEach(f -> ids.add(f.get("id").asLong()));
		return ids;
	}

	/** Shoelace formula: positive for a counter-clockwise ring. */
	private static double signedArea(JsonNode ring) {
		List<double[]> points = new ArrayList<>();
		ring.forEach(p -> points.add(new double[] { p.get(0).asDouble(), p.get(1).asDouble() }));
		double sum = 0;
		for (int i = 0; i < points.size() - 1; i++) {
			sum += points.get(i)[0] * points.get(i + 1)[1] - points.get(i + 1)[0] * points.get(i)[1];
		}
		return sum / 2;
	}

}
