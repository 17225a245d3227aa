package vn.landregistry.plots;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.landregistry.support.Problems.assertProblem;

/** Adding plots and leases: the rules hold, bad input is refused with a clear answer, nothing is half-written. */
class PlotWriteTest extends PostgisTest {

	// The test zone covers 100.1–100.11 E, 10.1–10.11 N.
	static final String INSIDE = TestRegistry.square(100.101, 10.101, 0.002);

	TestRegistry registry;

	long zone;

	@BeforeEach
	void build() {
		this.registry = new TestRegistry(this.jdbc).create();
		this.zone = this.registry.zone("TST-W", "KCN", TestRegistry.district(1), 100.1, 10.1, new BigDecimal("100"));
	}

	@AfterEach
	void clear() {
		this.registry.clear();
	}

	@Test
	void createsAPlotWithItsAreaComputedByPostgis() {
		Http.Response response = post("P1", INSIDE);

		assertThat(response.status()).isEqualTo(201);
		JsonNode feature = response.json();
		assertThat(feature.get("properties").get("code").asString()).isEqualTo("P1");
		assertThat(feature.get("properties").get("status").asString()).isEqualTo("AVAILABLE_CLEAN");
		double expected = this.jdbc.sql("SELECT ST_Area(ST_GeomFromGeoJSON(:g)::geography) / 10000")
			.param("g", INSIDE).query(Double.class).single();
		assertThat(feature.get("properties").get("areaHa").asDouble()).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-4));
	}

	@Test
	void plotOutsideItsZoneIsRefusedAndNothingWritten() {
		Http.Response response = post("OUT", TestRegistry.square(100.109, 10.101, 0.004));

		assertProblem(response, 422, "plot_inside_zone", "outside its zone");
		assertThat(plots()).as("nothing written").isZero();
	}

	@Test
	void overlappingPlotsInOneZoneAreRefused() {
		assertThat(post("P1", INSIDE).status()).isEqualTo(201);

		Http.Response response = post("P2", TestRegistry.square(100.102, 10.102, 0.002));

		assertProblem(response, 422, "plot_no_overlap", "overlaps plot P1");
		assertThat(plots()).isEqualTo(1);
	}

	@Test
	void selfIntersectingShapeIsRefusedWithASuggestionNeverRepaired() {
		String bowTie = "{\"type\":\"Polygon\",\"coordinates\":[[[100.101,10.101],[100.103,10.103],[100.103,10.101],[100.101,10.103],[100.101,10.101]]]}";

		Http.Response response = post("BOW", bowTie);

		assertProblem(response, 422, "geometry_valid", "Self-intersection");
		// the bow tie's two triangles, each a quarter of its 0.002° square, as one valid shape
		String suggestion = response.json().get("suggestion").toString();
		assertThat(this.jdbc.sql("SELECT ST_IsValid(ST_GeomFromGeoJSON(:g))").param("g", suggestion).query(Boolean.class).single())
			.as(suggestion).isTrue();
		assertThat(response.json().get("suggestion").get("type").asString()).isEqualTo("MultiPolygon");
		assertThat(response.json().get("suggestion").get("coordinates")).hasSize(2);
		assertThat(this.jdbc.sql("SELECT ST_Area(ST_GeomFromGeoJSON(:g))").param("g", suggestion).query(Double.class).single())
			.isCloseTo(0.002 * 0.002 / 2, org.assertj.core.api.Assertions.within(1e-10));
		assertThat(plots()).as("never repaired: nothing written").isZero();
	}

	@Test
	void unreadableOrWrongGeometryIsA400Or422() {
		assertProblem(post("X", "{\"type\":\"Polygon\",\"coordinates\":[[[1,2],[3]]]}"), 400, null, "GeoJSON");
		assertProblem(post("X", "{\"type\":\"Point\",\"coordinates\":[100.101,10.101]}"), 422, "polygon_required", "Polygon");
		assertProblem(post("X", TestRegistry.square(10.101, 100.101, 0.002)), 422, "lon_lat_required", "longitude");
		assertProblem(post("X", "null"), 400, null, "geometry is required");
		assertProblem(this.editor.postJson("/api/zones/" + this.zone + "/plots", "{not json"), 400, null,
				"Failed to read request");
		assertThat(plots()).isZero();
	}

	@Test
	void duplicateCodeIsAConflict() {
		assertThat(post("P1", INSIDE).status()).isEqualTo(201);
		assertProblem(post("P1", TestRegistry.square(100.105, 10.105, 0.002)), 409, "plot_zone_id_code_key", "already exists");
		assertThat(plots()).as("only the first P1").isEqualTo(1);
	}

	@Test
	void unknownZoneIs404() {
		assertProblem(this.editor.postJson("/api/zones/999999999/plots", body("P1", INSIDE)), 404, null,
				"no zone with id 999999999");
	}

	@Test
	void leasesFollowTheirRules() {
		long plot = post("P1", INSIDE).json().get("id").asLong();
		String leases = "/api/plots/" + plot + "/leases";

		Http.Response ok = this.editor.postJson(leases, "{\"investorName\":\"Công ty A\",\"investorCountry\":\"KR\",\"signedOn\":\"2024-01-01\"}");
		assertThat(ok.status()).isEqualTo(201);
		assertThat(ok.json().get("properties").get("status").asString()).isEqualTo("LEASED");

		assertProblem(this.editor.postJson(leases, "{\"investorName\":\"Công ty B\",\"signedOn\":\"2024-06-01\"}"), 409,
				"lease_no_overlap", "lease_no_overlap");
		long other = post("P2", TestRegistry.square(100.105, 10.105, 0.002)).json().get("id").asLong();
		String otherLeases = "/api/plots/" + other + "/leases";
		assertProblem(this.editor.postJson(otherLeases, "{\"investorName\":\"C\",\"signedOn\":\"2024-06-01\",\"endedOn\":\"2024-01-01\"}"),
				422, "lease_ends_after_start", "lease_ends_after_start");
		assertProblem(this.editor.postJson(otherLeases, "{\"investorName\":\"C\",\"signedOn\":\"" + LocalDate.now().plusYears(1) + "\"}"),
				422, "lease_not_in_future", "future");
		assertProblem(this.editor.postJson(otherLeases, "{\"investorName\":\"\",\"signedOn\":\"2024-06-01\"}"), 400, null,
				"investorName");
		assertProblem(this.editor.postJson(otherLeases, "{\"investorName\":\"C\",\"investorCountry\":\"Korea\",\"signedOn\":\"2024-06-01\"}"),
				422, "lease_investor_country_check", "investor_country");
		assertProblem(this.editor.postJson(otherLeases, "{\"investorName\":\"C\",\"signedOn\":\"2024-13-01\"}"), 400, null,
				"Failed to read request");
		assertThat(this.jdbc.sql("SELECT count(*) FROM lease WHERE plot_id IN (:a, :b)").param("a", plot).param("b", other)
			.query(Long.class).single()).isEqualTo(1);
	}

	private Http.Response post(String code, String geometry) {
		return this.editor.postJson("/api/zones/" + this.zone + "/plots", body(code, geometry));
	}

	private static String body(String code, String geometry) {
		return "{\"code\":\"" + code + "\",\"clearedOn\":\"2023-01-01\",\"geometry\":" + geometry + "}";
	}

	private long plots() {
		return this.jdbc.sql("SELECT count(*) FROM plot WHERE zone_id = :z").param("z", this.zone).query(Long.class).single();
	}

}
