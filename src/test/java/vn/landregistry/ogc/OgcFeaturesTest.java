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
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;

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
		assertThat(rels).contains("self", "service-desc", "conformance", "data");
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
		assertThat(this.http.get("/ogc/collections/zones/items?datetime=2000-01-01T00:00:00Z/..").status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/ogc/collections/zones/items?bbox=106,21,105,20", "/ogc/collections/zones/items?limit=0",
			"/ogc/collections/zones/items?limit=1000000000", "/ogc/collections/zones/items?datetime=yesterday",
			"/ogc/collections/zones/items?colour=red", "/ogc/collections/zones/items?f=xml" })
	void badRequestsAre400ProblemDetails(String path) {
		Http.Response response = this.http.get(path);
		assertThat(response.status()).as(path).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void unknownCollectionsAndFeaturesAre404() {
		assertThat(this.http.get("/ogc/collections/roads").status()).isEqualTo(404);
		assertThat(this.http.get("/ogc/collections/roads/items").status()).isEqualTo(404);
		assertThat(this.http.get("/ogc/collections/zones/items/999999999").status()).isEqualTo(404);
		assertThat(this.http.get("/ogc/collections/zones/items/abc").status()).isEqualTo(404);
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
