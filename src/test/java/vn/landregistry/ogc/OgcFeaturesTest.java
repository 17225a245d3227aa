package vn.landregistry.ogc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.Problems;

import static org.assertj.core.api.Assertions.assertThat;

/** The OGC API – Features assertions of Part 1 that matter to clients, and GDAL reading every layer. */
class OgcFeaturesTest extends PostgisTest {

	static final List<String> COLLECTIONS = List.of("zones", "plots", "clearance", "districts");

	@Test
	void theLandingPageLinksEverythingAClientNeeds() {
		Http.Response landing = this.http.get("/ogc");

		assertThat(landing.status()).isEqualTo(200);
		assertThat(landing.contentType()).startsWith("application/json");
		List<String> rels = new ArrayList<>();
		landing.json().get("links").forEach(l -> rels.add(l.get("rel").asString()));
		assertThat(rels).contains("self", "alternate", "service-desc", "conformance", "data");
		assertThat(landing.json().get("links")).allSatisfy(l -> assertThat(l.has("type") && l.has("href")).isTrue());
		assertThat(this.http.get("/ogc?f=html").contentType()).startsWith("text/html");
		assertThat(this.http.send("GET", "/ogc/conformance", null, "Accept", "text/html").contentType()).startsWith("text/html");
		JsonNode conformance = this.http.get("/ogc/conformance").json().get("conformsTo");
		assertThat(conformance.toString()).contains("conf/core", "conf/geojson", "conf/html", "conf/oas30");
		assertThat(this.http.get("/v3/api-docs").json().get("openapi").asString()).startsWith("3.0");
		JsonNode collections = this.http.get("/ogc/collections").json().get("collections");
		assertThat(collections).extracting(c -> c.get("id").asString()).containsExactlyElementsOf(COLLECTIONS);
		assertThat(collections.get(0).get("extent").get("spatial").get("bbox").get(0)).hasSize(4);
		Http.Response html = this.http.get("/ogc/collections?f=html");
		assertThat(html.contentType()).startsWith("text/html");
		assertThat(html.body()).contains("<h1>Collections</h1>");
	}

	/** What ets-ogcapi-features10 checks of /collections, /collections/{id} and a page of items. */
	@Test
	void collectionsAndPagesHaveTheStructureOfPart1() {
		for (JsonNode collection : this.http.get("/ogc/collections").json().get("collections")) {
			String id = collection.get("id").asString();
			assertThat(collection.get("title").asString()).isNotBlank();
			assertThat(collection.get("itemType").asString()).isEqualTo("feature");
			JsonNode bbox = collection.get("extent").get("spatial").get("bbox").get(0);
			assertThat(bbox.get(0).asDouble()).isBetween(105.0, bbox.get(2).asDouble());
			assertThat(bbox.get(1).asDouble()).isBetween(20.0, bbox.get(3).asDouble());
			assertThat(rels(collection.get("links"))).contains("self", "alternate", "items");
			assertThat(collection.get("links")).anySatisfy(l -> {
				assertThat(l.get("rel").asString()).isEqualTo("items");
				assertThat(l.get("type").asString()).isEqualTo("application/geo+json");
			});
			Http.Response one = this.http.get("/ogc/collections/" + id);
			assertThat(one.contentType()).startsWith("application/json");
			assertThat(one.json().get("id").asString()).isEqualTo(id);

			JsonNode first = this.http.get("/ogc/collections/" + id + "/items?limit=2").json();
			assertThat(first.get("type").asString()).isEqualTo("FeatureCollection");
			assertThat(first.get("numberReturned").asInt()).isEqualTo(first.get("features").size()).isLessThanOrEqualTo(2);
			assertThat(java.time.Instant.parse(first.get("timeStamp").asString())).as("when the page was made: in this run")
				.isBetween(java.time.Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()),
						java.time.Instant.now().plusSeconds(5));
			assertThat(rels(first.get("links"))).contains("self", "alternate").doesNotContain("prev");
			assertThat(first.get("features")).allSatisfy(f -> {
				assertThat(f.get("type").asString()).isEqualTo("Feature");
				assertThat(f.has("id") && f.has("geometry") && f.has("properties")).isTrue();
			});
			if (first.get("numberMatched").asLong() > 2) {
				assertThat(rels(first.get("links"))).contains("next");
				JsonNode second = this.http.get("/ogc/collections/" + id + "/items?limit=2&offset=2").json();
				assertThat(rels(second.get("links"))).contains("self", "prev");
			}
		}
	}

	/** The API definition declares limit, bbox and datetime as Part 1 requires (the suite reads them from it). */
	@Test
	void theApiDefinitionDeclaresTheItemsParameters() {
		JsonNode items = this.http.get("/v3/api-docs").json().get("paths").get("/ogc/collections/{id}/items").get("get");
		java.util.Map<String, JsonNode> parameters = new java.util.HashMap<>();
		items.get("parameters").forEach(p -> parameters.put(p.get("name").asString(), p));
		assertThat(parameters).containsKeys("limit", "bbox", "datetime", "crs", "bbox-crs", "offset", "f").doesNotContainKey("query");
		JsonNode limit = parameters.get("limit");
		assertThat(limit.get("in").asString()).isEqualTo("query");
		assertThat(limit.path("required").asBoolean(false)).isFalse();
		assertThat(limit.get("style").asString()).isEqualTo("form");
		assertThat(limit.path("explode").asBoolean(false)).as("explode (a scalar: left out)").isFalse();
		assertThat(limit.get("schema").get("type").asString()).isEqualTo("integer");
		assertThat(limit.get("schema").get("minimum").asInt()).isEqualTo(1);
		assertThat(limit.get("schema").get("maximum").asInt()).isEqualTo(OgcRequest.MAX_LIMIT);
		assertThat(limit.get("schema").get("default").asInt()).isEqualTo(OgcRequest.DEFAULT_LIMIT);
		JsonNode bbox = parameters.get("bbox").get("schema");
		assertThat(bbox.get("type").asString()).isEqualTo("array");
		assertThat(bbox.get("minItems").asInt()).isEqualTo(4);
		assertThat(bbox.get("maxItems").asInt()).isEqualTo(6);
		assertThat(bbox.get("items").get("type").asString()).isEqualTo("number");
		assertThat(parameters.get("bbox").get("explode").asBoolean()).isFalse();
		assertThat(parameters.get("datetime").get("schema").get("type").asString()).isEqualTo("string");
	}

	@Test
	void pagingOverAWholeCollectionReturnsEveryFeatureExactlyOnce() {
		for (String collection : COLLECTIONS) {
			long expected = this.http.get("/ogc/collections/" + collection + "/items?limit=1").json().get("numberMatched").asLong();
			Set<String> seen = new HashSet<>();
			String next = "/ogc/collections/" + collection + "/items?limit=7";
			int pages = 0;
			while (next != null) {
				Http.Response page = this.http.get(next);
				assertThat(page.status()).isEqualTo(200);
				assertThat(page.contentType()).startsWith("application/geo+json");
				JsonNode body = page.json();
				assertThat(body.get("numberReturned").asInt()).isEqualTo(body.get("features").size());
				for (JsonNode feature : body.get("features")) {
					assertThat(seen.add(feature.get("id").asString())).as("%s feature %s once", collection, feature.get("id")).isTrue();
				}
				next = null;
				for (JsonNode link : body.get("links")) {
					if (link.get("rel").asString().equals("next")) {
						next = link.get("href").asString().replaceFirst("^http://[^/]+", "");
					}
				}
				assertThat(++pages).isLessThan(1000);
			}
			assertThat(seen).as(collection).hasSize((int) expected);
			assertThat(expected).as(collection).isPositive();
		}
	}

	@Test
	void aPagePastTheLastFeatureStillSaysHowManyMatch() {
		long matched = this.http.get("/ogc/collections/zones/items?limit=1").json().get("numberMatched").asLong();
		JsonNode past = this.http.get("/ogc/collections/zones/items?limit=3&offset=" + (matched + 5)).json();
		assertThat(past.get("numberMatched").asLong()).isEqualTo(matched);
		assertThat(past.get("numberReturned").asInt()).isZero();
		assertThat(past.get("features")).isEmpty();
		assertThat(rels(past.get("links"))).contains("prev").doesNotContain("next");
		JsonNode last = this.http.get("/ogc/collections/zones/items?limit=3&offset=" + (matched - 1)).json();
		assertThat(last.get("numberMatched").asLong()).isEqualTo(matched);
		assertThat(last.get("numberReturned").asInt()).isEqualTo(1);
		assertThat(rels(last.get("links"))).doesNotContain("next");
	}

	@Test
	void filtersBoundingBoxesAndSingleFeatures() {
		JsonNode kcn = this.http.get("/ogc/collections/zones/items?kind=KCN&limit=1000").json();
		assertThat(kcn.get("features")).allSatisfy(f -> assertThat(f.get("properties").get("kind").asString()).isEqualTo("KCN"));
		JsonNode box = this.http.get("/ogc/collections/zones/items?bbox=106.0,21.2,106.3,21.4&limit=1000").json();
		assertThat(box.get("numberMatched").asLong()).isPositive().isLessThan(this.http.get("/ogc/collections/zones/items")
			.json().get("numberMatched").asLong());
		String id = kcn.get("features").get(0).get("id").asString();
		Http.Response one = this.http.get("/ogc/collections/zones/items/" + id);
		assertThat(one.contentType()).startsWith("application/geo+json");
		assertThat(one.json().get("type").asString()).isEqualTo("Feature");
		assertThat(this.http.get("/ogc/collections/zones/items/" + id + "?f=html").body()).contains("<table>");
		// an interval is replayed at its end: an open end is now, the same as no datetime
		Http.Response open = this.http.get("/ogc/collections/zones/items?datetime=2000-01-01T00:00:00Z/..&limit=1000");
		assertThat(open.status()).as(open.body()).isEqualTo(200);
		JsonNode now = this.http.get("/ogc/collections/zones/items?limit=1000").json();
		assertThat(open.json().get("numberMatched").asLong()).isEqualTo(now.get("numberMatched").asLong()).isPositive();
		assertThat(open.json().get("features")).extracting(f -> f.get("id").asString())
			.containsExactlyElementsOf(ids(now.get("features")));
	}

	/** Each bad parameter is a 400 problem detail that names it and the value given. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "bbox=106,21,105,20 | bbox | 106,21,105,20", "limit=0 | limit | 0",
			"limit=1000000000 | limit | 1000000000", "datetime=yesterday | datetime | yesterday", "colour=red | colour | red",
			"f=xml | f | xml", "bbox=1,2,3 | bbox | 1,2,3", "bbox=106,21,x,22 | bbox | 106,21,x,22",
			"bbox=106,21,181,22 | bbox | 106,21,181,22", "offset=-1 | offset | -1", "datetime=2025-13-01 | datetime | 2025-13-01" })
	void badRequestsAre400ProblemDetails(String query, String parameter, String value) {
		Http.Response response = this.http.get("/ogc/collections/zones/items?" + query);

		JsonNode problem = Problems.assertProblem(response, 400, null, "");
		assertThat(problem.get("parameter").asString()).as(query).isEqualTo(parameter);
		assertThat(problem.get("value").asString()).as(query).isEqualTo(value);
		assertThat(problem.get("detail").asString()).as(query).contains(parameter);
	}

	@Test
	void aBadParameterOfOneFeatureIsA400ProblemDetail() {
		JsonNode problem = Problems.assertProblem(this.http.get("/ogc/collections/zones/items/1?datetime=soon"), 400, null,
				"soon");
		assertThat(problem.get("parameter").asString()).isEqualTo("datetime");
	}

	@Test
	void unknownCollectionsAndFeaturesAre404() {
		Problems.assertProblem(this.http.get("/ogc/collections/roads"), 404, null, "roads");
		Problems.assertProblem(this.http.get("/ogc/collections/roads/items"), 404, null, "roads");
		Problems.assertProblem(this.http.get("/ogc/collections/zones/items/999999999"), 404, null, "999999999");
		Http.Response notAnId = this.http.get("/ogc/collections/zones/items/abc");
		assertThat(notAnId.status()).isEqualTo(404);
		assertThat(notAnId.contentType()).startsWith("application/problem+json");
	}

	private static List<String> ids(JsonNode features) {
		List<String> ids = new ArrayList<>();
		features.forEach(f -> ids.add(f.get("id").asString()));
		return ids;
	}

	private static List<String> rels(JsonNode links) {
		List<String> rels = new ArrayList<>();
		links.forEach(l -> rels.add(l.get("rel").asString()));
		return rels;
	}

	@Test
	void gdalReadsEveryCollection() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ogrinfo")),
				"gdal-bin is not installed (bin/test installs it): skipping the GDAL check");
		for (String collection : COLLECTIONS) {
			Process ogrinfo = new ProcessBuilder("/usr/bin/ogrinfo", "-ro", "-so", "-al",
					"OAPIF:http://127.0.0.1:" + this.port + "/ogc/collections/" + collection)
				.redirectErrorStream(true).start();
			String output = new String(ogrinfo.getInputStream().readAllBytes());
			assertThat(ogrinfo.waitFor(60, TimeUnit.SECONDS)).isTrue();
			long expected = this.http.get("/ogc/collections/" + collection + "/items?limit=1").json().get("numberMatched").asLong();
			assertThat(ogrinfo.exitValue()).as(output).isZero();
			assertThat(output).as(collection).contains("Layer name: " + collection).contains("Feature Count: " + expected);
		}
	}

}
