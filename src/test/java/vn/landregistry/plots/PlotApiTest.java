package vn.landregistry.plots;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.Problems;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the demo plots: their statuses come from the lease history and agree with the fill rates. */
class PlotApiTest extends PostgisTest {

	@Test
	void demoPlotsLieInsideTheirZonesWithoutOverlap() {
		long outside = this.jdbc.sql("""
				SELECT count(*) FROM plot p JOIN zone z ON z.id = p.zone_id
				 WHERE ST_Area(ST_Difference(p.boundary, z.boundary)::geography) > 1""").query(Long.class).single();
		long overlaps = this.jdbc.sql("""
				SELECT count(*) FROM plot a JOIN plot b ON a.zone_id = b.zone_id AND a.id < b.id
				 WHERE ST_Intersects(a.boundary, b.boundary) AND ST_Area(ST_Intersection(a.boundary, b.boundary)::geography) > 1""")
			.query(Long.class).single();
		assertThat(outside).isZero();
		assertThat(overlaps).isZero();
		assertThat(this.jdbc.sql("SELECT bool_and(demo) FROM plot").query(Boolean.class).single()).isTrue();
	}

	@Test
	void leasedPlotsOfAZoneAddUpToItsLeasedArea() {
		String zone = "KCN-QUANG-CHAU";
		double leased = 0;
		JsonNode plots = this.http.get("/api/plots?zone=" + zone + "&status=LEASED,IN_OPERATION").json().get("features");
		for (JsonNode plot : plots) {
			leased += plot.get("properties").get("areaHa").asDouble();
			assertThat(plot.get("properties").get("zone").asString()).isEqualTo(zone);
		}
		JsonNode stats = this.http.get("/api/stats/fill-rate?groupBy=zone").json().get("rows");
		double expected = 0;
		for (JsonNode row : stats) {
			if (row.get("key").asString().equals(zone)) {
				expected = row.get("leasedHa").asDouble();
			}
		}
		assertThat(plots.size()).isPositive();
		assertThat(leased).isCloseTo(expected, org.assertj.core.api.Assertions.within(0.01));
	}

	@Test
	void statusOnADayFollowsTheLeaseHistory() {
		Set<String> before = statuses("/api/plots?zone=KCN-QUANG-CHAU&asOf=2019-02-01");
		assertThat(before).containsOnly("AVAILABLE_CLEAN");
		assertThat(statuses("/api/plots?zone=KCN-QUANG-CHAU")).contains("LEASED", "IN_OPERATION");
	}

	@ParameterizedTest
	@ValueSource(strings = { "status=SOLD", "zone=KCN-NOWHERE", "bbox=1,2", "asOf=2024-02-31" })
	void badFiltersAreProblemDetails(String query) {
		Http.Response response = this.http.get("/api/plots?" + query);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("parameter").asString()).as(response.body())
			.isEqualTo(query.substring(0, query.indexOf('=')));
	}

	@Test
	void plotsComeInPagesThatLinkTheNextAndAddUpToTheWhole() {
		JsonNode whole = this.http.get("/api/plots?zone=KCN-QUANG-CHAU&asOf=2024-06-30").json();
		int total = whole.get("features").size();
		assertThat(total).isGreaterThan(5);
		assertThat(whole.get("numberReturned").asInt()).isEqualTo(total);
		assertThat(whole.get("links")).isEmpty();

		java.util.List<Long> ids = new java.util.ArrayList<>();
		String next = "/api/plots?zone=KCN-QUANG-CHAU&asOf=2024-06-30&limit=5";
		int pages = 0;
		while (next != null) {
			JsonNode page = this.http.get(next).json();
			assertThat(page.get("features").size()).isLessThanOrEqualTo(5).isEqualTo(page.get("numberReturned").asInt());
			page.get("features").forEach(f -> ids.add(f.get("id").asLong()));
			next = page.get("links").isEmpty() ? null : page.get("links").get(0).get("href").asString();
			if (next != null) {
				assertThat(next).startsWith("/api/plots?").contains("asOf=2024-06-30", "limit=5", "offset=" + ids.size());
			}
			pages++;
		}
		assertThat(pages).isEqualTo((total + 4) / 5);
		java.util.List<Long> expected = new java.util.ArrayList<>();
		whole.get("features").forEach(f -> expected.add(f.get("id").asLong()));
		assertThat(ids).containsExactlyElementsOf(expected);
	}

	@Test
	void replayingTheHistoryUpToNowGivesThePlotsAsTheyAre() {
		String differences = """
				SELECT count(*) FROM (
				  (SELECT id, code, zone_id, area_ha, published, deleted_at, ST_AsBinary(boundary) FROM plot_as_of(now())
				   EXCEPT SELECT id, code, zone_id, area_ha, published, deleted_at, ST_AsBinary(boundary) FROM plot)
				  UNION ALL
				  (SELECT id, code, zone_id, area_ha, published, deleted_at, ST_AsBinary(boundary) FROM plot
				   EXCEPT SELECT id, code, zone_id, area_ha, published, deleted_at, ST_AsBinary(boundary) FROM plot_as_of(now()))) d""";
		assertThat(this.jdbc.sql("SELECT count(*) FROM plot_as_of(now())").query(Long.class).single()).isGreaterThan(100);
		assertThat(this.jdbc.sql(differences).query(Long.class).single()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "limit=0", "limit=10001", "offset=-1", "offset=1000001" })
	void pagesAreBounded(String query) {
		JsonNode problem = Problems.assertProblem(this.http.get("/api/plots?" + query), 400, null, query.split("=")[0]);
		assertThat(problem.get("parameter").asString()).isEqualTo(query.split("=")[0]);
		assertThat(problem.toString()).doesNotContain("Exception", ".java");
	}

	@Test
	void missingPlotIs404() {
		Problems.assertProblem(this.http.get("/api/plots/999999999"), 404, null, "no plot with id 999999999");
	}

	private Set<String> statuses(String query) {
		Set<String> statuses = new HashSet<>();
		this.http.get(query).json().get("features").forEach(f -> statuses.add(f.get("properties").get("status").asString()));
		return statuses;
	}

}
