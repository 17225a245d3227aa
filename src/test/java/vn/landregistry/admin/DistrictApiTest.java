package vn.landregistry.admin;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.landregistry.support.Problems.assertProblem;

class DistrictApiTest extends PostgisTest {

	@Test
	void listsTheTenDistrictsOfBacGiangWithOutlines() {
		Http.Response response = this.http.get("/api/districts");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/geo+json");
		JsonNode features = response.json().get("features");
		assertThat(features).hasSize(10);
		for (JsonNode district : features) {
			assertThat(district.get("geometry").get("type").asString()).isEqualTo("MultiPolygon");
			assertThat(district.get("properties").get("province").asString()).isEqualTo("BG");
			assertThat(district.get("properties").get("boundaryAccuracy").asString()).isEqualTo("APPROXIMATE");
		}
	}

	@Test
	void asOfAnswersWithTheUnitsInForceThatDay() {
		assertThat(this.http.get("/api/districts?asOf=2024-07-01").json().get("features")).hasSize(10);
		// The district level was abolished on 1 July 2025.
		assertThat(this.http.get("/api/districts?asOf=2025-06-30").json().get("features")).hasSize(10);
		assertThat(this.http.get("/api/districts?asOf=2025-07-01").json().get("features")).isEmpty();
	}

	@Test
	void malformedDateIsAProblemDetail() {
		Http.Response response = this.http.get("/api/districts?asOf=2025-13-45");
		JsonNode problem = assertProblem(response, 400, null, "2025-13-45");
		assertThat(problem.get("parameter").asString()).isEqualTo("asOf");
		assertThat(problem.get("type").asString()).isEqualTo("urn:problem:invalid-parameter");
	}

	@Test
	void districtOutlinesTileTheProvinceWithoutOverlap() {
		// Planar areas, relative to the province: geodesic areas would count the gap between a
		// straight lon/lat edge and the great circle through the same points.
		Double uncovered = this.jdbc.sql("""
				SELECT ST_Area(ST_Difference(p.boundary, ST_Union(d.boundary))) / ST_Area(p.boundary)
				  FROM admin_unit p JOIN admin_unit d ON d.parent_id = p.id AND d.level = 'DISTRICT'
				 WHERE p.code = 'BG' GROUP BY p.boundary""").query(Double.class).single();
		Double overlap = this.jdbc.sql("""
				SELECT coalesce(sum(ST_Area(ST_Intersection(a.boundary, b.boundary))), 0)
				  FROM admin_unit a JOIN admin_unit b ON a.id < b.id
				 WHERE a.level = 'DISTRICT' AND b.level = 'DISTRICT' AND ST_Intersects(a.boundary, b.boundary)""")
			.query(Double.class).single();
		assertThat(uncovered).isLessThan(1e-9);
		assertThat(overlap).isLessThan(1e-12);
	}

	@Test
	void theMergedProvinceTakesOverFromBacGiang() {
		String successor = this.jdbc.sql("""
				SELECT n.code FROM admin_unit_succession s
				  JOIN admin_unit o ON o.id = s.predecessor_id JOIN admin_unit n ON n.id = s.successor_id
				 WHERE o.code = 'BG'""").query(String.class).single();
		assertThat(successor).isEqualTo("BN-2025");
	}

}
