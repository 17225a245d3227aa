package vn.landregistry.portal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.landregistry.support.Problems.assertProblem;

/**
 * What investors compare, through the public API: price or "on request", utilities and land term
 * marked demo, distances checked against PostGIS and drive times by the stated estimate; the
 * suggestions of an empty search; CSV/KML exports; the comparison page's limit; the preview image.
 */
class SiteFactsApiTest extends PostgisTest {

	@Test
	void aPlotCarriesPriceOrOnRequestUtilitiesLandTermAndDistances() {
		JsonNode priced = firstPlot("KCN-VIET-HAN");
		JsonNode facts = priced.get("facts");
		assertThat(facts.get("priceOnRequest").asBoolean()).isFalse();
		assertThat(facts.get("priceDemo").asBoolean()).as("a made-up price says so").isTrue();
		assertThat(priced.get("leasePriceMinUsd").decimalValue()).isPositive();
		assertThat(facts.get("utilities").get("powerMva").decimalValue()).isPositive();
		assertThat(facts.get("utilities").get("landTermUntil").asString()).matches("20[0-9]{2}-[0-9]{2}-[0-9]{2}");
		List<String> demo = new ArrayList<>();
		facts.get("utilities").get("demo").forEach(name -> demo.add(name.asString()));
		assertThat(demo).contains("powerMva", "waterM3Day", "wastewaterM3Day", "telecomFibre", "landTermUntil");

		JsonNode onRequest = firstPlot("CCN-YEN-LU");
		assertThat(onRequest.get("leasePriceMinUsd").isNull()).isTrue();
		assertThat(onRequest.get("facts").get("priceOnRequest").asBoolean()).isTrue();
		assertThat(onRequest.get("facts").get("priceDemo").asBoolean()).isFalse();

		List<String> kinds = new ArrayList<>();
		for (JsonNode place : facts.get("access")) {
			kinds.add(place.get("kind").asString());
			BigDecimal km = this.jdbc.sql("""
					SELECT round(CAST(min(ST_Distance(pl.location::geography, p.boundary::geography)) / 1000 AS numeric), 1)
					  FROM place pl, plot p WHERE pl.kind = :kind AND p.id = :id""")
				.param("kind", place.get("kind").asString()).param("id", priced.get("id").asLong()).query(BigDecimal.class).single();
			assertThat(place.get("km").decimalValue()).as(place.get("code").asString()).isEqualByComparingTo(km);
			int minutes = (int) Math.max(5, Math.ceil(km.doubleValue() * 1.3 / 50 * 60 / 5) * 5);
			assertThat(place.get("minutes").asInt()).isEqualTo(minutes);
		}
		assertThat(kinds).containsExactly("CITY", "AIRPORT", "SEAPORT", "EXPRESSWAY_EXIT");
		// the same facts in the search's answer and on the zone's profile
		assertThat(api("/api/portal/land?zone=KCN-VIET-HAN&limit=1").get("features").get(0).get("properties").get("facts"))
			.isEqualTo(facts);
		assertThat(api("/api/portal/zones/KCN-VIET-HAN").get("properties").get("demoFigures").toString()).contains("leasePrice");
	}

	@Test
	void everyPlaceSaysWhereItsPositionComesFrom() {
		List<Map<String, Object>> places = this.jdbc.sql("SELECT code, kind, source, demo, ST_X(location) AS lon, ST_Y(location) AS lat FROM place")
			.query().listOfRows();
		assertThat(places).extracting(place -> place.get("kind")).contains("CITY", "AIRPORT", "SEAPORT", "EXPRESSWAY_EXIT");
		for (Map<String, Object> place : places) {
			assertThat((String) place.get("source")).as(place.get("code").toString()).startsWith("demo");
			assertThat(place.get("demo")).isEqualTo(true);
			assertThat(((Number) place.get("lon")).doubleValue()).isBetween(105.5, 107.2);
			assertThat(((Number) place.get("lat")).doubleValue()).isBetween(20.6, 21.6);
		}
	}

	@Test
	void anEmptySearchSuggestsTheLargestPlotAndNeighbouringPlotsThatAddUp() {
		assertThat(api("/api/portal/land?minHa=10").get("numberMatched").asInt()).isZero();
		JsonNode answer = api("/api/portal/land/suggestions?minHa=10");
		BigDecimal largest = this.jdbc.sql("SELECT max(area_ha) FROM public_plot p WHERE " + OfferSql.FREE)
			.param("today", java.time.LocalDate.now()).query(BigDecimal.class).single();
		assertThat(answer.get("largestMatchesOtherFilters").asBoolean()).isTrue();
		assertThat(answer.get("largest").get("areaHa").decimalValue()).isEqualByComparingTo(largest.setScale(2, java.math.RoundingMode.HALF_UP));
		JsonNode combined = answer.get("combined");
		assertThat(combined.size()).isPositive();
		for (JsonNode group : combined) {
			Long[] ids = java.util.Arrays.stream(group.get("ids").asString().split(",")).map(Long::valueOf).toArray(Long[]::new);
			Map<String, Object> check = this.jdbc.sql("""
					SELECT count(DISTINCT z.code) AS zones, min(z.code) AS zone, round(sum(p.area_ha), 2) AS ha, count(*) AS plots,
					       bool_and(p.committed_until IS NULL OR p.committed_until <= current_date) AS free,
					       bool_and(EXISTS (SELECT 1 FROM plot q WHERE q.id = ANY (CAST(:ids AS bigint[])) AND q.id <> p.id
					                          AND ST_DWithin(q.boundary::geography, p.boundary::geography, 21))) AS neighbours
					  FROM plot p JOIN zone z ON z.id = p.zone_id WHERE p.id = ANY (CAST(:ids AS bigint[]))""")
				.param("ids", ids).query().singleRow();
			assertThat(check.get("zones")).isEqualTo(1L);
			assertThat(check.get("zone")).isEqualTo(group.get("zone").asString());
			assertThat((BigDecimal) check.get("ha")).isEqualByComparingTo(group.get("areaHa").decimalValue()).isGreaterThanOrEqualTo(BigDecimal.TEN);
			assertThat(check.get("plots")).isEqualTo((long) group.get("plots").asInt());
			assertThat(check.get("free")).isEqualTo(true);
			assertThat(check.get("neighbours")).as("each plot lies within 20 m of another of its group").isEqualTo(true);
		}
		// nothing under the other filters: the largest plot at all, said so
		JsonNode none = api("/api/portal/land/suggestions?minHa=10&zone=KCN-PHUC-SON");
		assertThat(none.get("largestMatchesOtherFilters").asBoolean()).isFalse();
		assertThat(none.get("largest").get("areaHa").decimalValue()).isEqualByComparingTo(largest.setScale(2, java.math.RoundingMode.HALF_UP));
		assertProblem(this.http.get("/api/portal/land/suggestions?minHa=-1"), 400, null, "minHa cannot be negative");
	}

	@Test
	void resultsAndShortlistsExportAsCsvAndKml() throws Exception {
		JsonNode found = api("/api/portal/land?zone=KCN-VIET-HAN&limit=200");
		int plots = found.get("numberMatched").asInt();
		Http.Download csv = this.http.download("/api/portal/land/export?format=csv&zone=KCN-VIET-HAN&lang=en");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		String[] lines = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r\n");
		assertThat(lines[0]).startsWith("id,code,zone,zoneName").contains("priceOnRequest", "powerMva", "landTermUntil",
				"haNoiKm", "airportMinutes", "seaportKm", "expresswayExit");
		assertThat(lines).hasSize(plots + 1);
		assertThat(lines[1]).contains("Viet Han Industrial Park", "/portal/plots/");

		Http.Download kml = this.http.download("/api/portal/land/export?format=kml&zone=KCN-VIET-HAN");
		assertThat(kml.status()).isEqualTo(200);
		assertThat(kml.header("Content-Type")).startsWith("application/vnd.google-earth.kml+xml");
		Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(kml.body()));
		assertThat(doc.getElementsByTagName("Placemark").getLength()).isEqualTo(plots);
		assertThat(doc.getElementsByTagName("Polygon").getLength()).isGreaterThanOrEqualTo(plots);

		String id1 = found.get("features").get(0).get("id").asString();
		String id2 = firstPlot("CCN-YEN-LU").get("id").asString();
		String shortlist = new String(this.http.bytes("/api/portal/land/export?format=csv&ids=" + id1 + "," + id2),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(shortlist.split("\r\n")).hasSize(3);
		assertThat(shortlist).contains("Cụm công nghiệp Yên Lư");

		assertProblem(this.http.get("/api/portal/land/export?format=xlsx"), 400, null, "format must be csv or kml");
		assertProblem(this.http.get("/api/portal/land/export?ids=1,x"), 400, null, "ids is a list of plot numbers");
		assertProblem(this.http.get("/api/portal/land/export?ids=" + "1,".repeat(21) + "1"), 400, null, "at most 20");
	}

	@Test
	void theComparisonTakesFourPlotsAndRefusesAFifth() {
		List<String> ids = new ArrayList<>();
		api("/api/portal/land?limit=5").get("features").forEach(feature -> ids.add(feature.get("id").asString()));
		Http.Response four = this.http.get("/portal/compare?lang=en&ids=" + String.join(",", ids.subList(0, 4)));
		assertThat(four.status()).isEqualTo(200);
		assertThat(four.body()).contains("Compare plots", "Nearest expressway exit", "Drive times are an estimate");
		assertThat(four.body().split("data-id=\"")).hasSize(1 + 4 + 4); // column heads and their remove buttons
		Http.Response gone = this.http.get("/portal/compare?lang=en&ids=" + ids.get(0) + ",999999999");
		assertThat(gone.status()).isEqualTo(200);
		assertThat(gone.body()).contains("Plot 999999999 is no longer published");
		Http.Response five = this.http.get("/portal/compare?lang=en&ids=" + String.join(",", ids));
		assertThat(five.status()).isEqualTo(400);
		assertThat(five.body()).contains("compare at most 4 plots");
	}

	@Test
	void aPlotLinkSharesAServerDrawnPreview() throws Exception {
		JsonNode plot = firstPlot("KCN-VIET-HAN");
		Http.Response page = this.http.get("/portal/plots/" + plot.get("id").asString());
		assertThat(page.body()).containsPattern("<meta property=\"og:image\" content=\"http://[^\"]+/portal/plots/"
				+ plot.get("id").asString() + "/preview.png\">");
		Http.Download png = this.http.download("/portal/plots/" + plot.get("id").asString() + "/preview.png");
		assertThat(png.status()).isEqualTo(200);
		assertThat(png.header("Content-Type")).isEqualTo("image/png");
		java.nio.file.Files.createDirectories(PortalBrowserTest.SCREENSHOTS);
		java.nio.file.Files.write(PortalBrowserTest.SCREENSHOTS.resolve("portal-plot-preview.png"), png.body()); // to look at
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
		assertThat(image.getWidth()).isEqualTo(1200);
		assertThat(image.getHeight()).isEqualTo(630);
		assertThat(green(image)).as("the plot, filled").isPositive();
		assertThat(this.http.download("/portal/plots/999999999/preview.png").status()).isEqualTo(404);

		// a zone's link too: its plots on offer filled
		assertThat(this.http.get("/portal/zones/KCN-VIET-HAN?lang=en").body())
			.containsPattern("<meta property=\"og:image\" content=\"http://[^\"]+/portal/zones/KCN-VIET-HAN/preview.png\\?lang=en\">");
		Http.Download zone = this.http.download("/portal/zones/KCN-VIET-HAN/preview.png?lang=en");
		assertThat(zone.status()).isEqualTo(200);
		assertThat(zone.header("Content-Type")).isEqualTo("image/png");
		BufferedImage zoneImage = ImageIO.read(new ByteArrayInputStream(zone.body()));
		assertThat(zoneImage.getWidth()).isEqualTo(1200);
		assertThat(zoneImage.getHeight()).isEqualTo(630);
		assertThat(green(zoneImage)).as("its plots on offer, filled (the first one above is one of them)").isPositive();
		java.nio.file.Files.write(PortalBrowserTest.SCREENSHOTS.resolve("portal-zone-preview.png"), zone.body());
		assertThat(this.http.download("/portal/zones/KCN-NOWHERE/preview.png").status()).isEqualTo(404);
	}

	@Test
	void thePriceFilterIsHiddenWhenNoZonePublishesAPrice() {
		assertThat(this.http.get("/portal").body()).contains("<div class=\"field\" id=\"maxPriceUsd-field\">");
		List<Map<String, Object>> prices = this.jdbc.sql("SELECT id, lease_price_min_usd AS lo, lease_price_max_usd AS hi FROM zone WHERE lease_price_min_usd IS NOT NULL")
			.query().listOfRows();
		try {
			this.jdbc.sql("UPDATE zone SET lease_price_max_usd = NULL, lease_price_min_usd = NULL WHERE lease_price_min_usd IS NOT NULL").update();
			assertThat(this.http.get("/portal").body()).contains("<div class=\"field\" id=\"maxPriceUsd-field\" hidden=\"hidden\">");
		}
		finally {
			prices.forEach(zone -> this.jdbc.sql("UPDATE zone SET lease_price_min_usd = :lo, lease_price_max_usd = :hi WHERE id = :id")
				.params(zone).update());
		}
	}

	/** Pixels (every third, on the map half) in the fill of the plots on offer. */
	private static int green(BufferedImage image) {
		int green = 0;
		for (int x = 0; x < 630; x += 3) {
			for (int y = 0; y < 630; y += 3) {
				green += (image.getRGB(x, y) & 0xffffff) == 0x1e8e3e ? 1 : 0;
			}
		}
		return green;
	}

	private JsonNode firstPlot(String zone) {
		return api("/api/portal/land?zone=" + zone + "&limit=1").get("features").get(0).get("properties");
	}

	private JsonNode api(String path) {
		Http.Response response = this.http.get(path);
		assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
		return response.json();
	}

}
