package vn.landregistry.stats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Statistics on the Bắc Giang demo data: the reported rates, exports, plan progress and bad input. */
class StatsApiTest extends PostgisTest {

	@Test
	void demoDataReproducesTheReportedFillRatesWithinOnePoint() {
		JsonNode reported = this.http.get("/api/stats/reported").json().get("rows");
		List<JsonNode> rates = StreamSupport.stream(reported.spliterator(), false)
			.filter(r -> r.get("metric").asString().equals("OCCUPANCY_RATE"))
			.toList();
		assertThat(rates).extracting(r -> r.get("kind").asString()).containsExactlyInAnyOrder("KCN", "CCN");
		for (JsonNode rate : rates) {
			assertThat(rate.get("source").asString()).isEqualTo("002_618431115684171d.txt:69");
			assertThat(rate.get("computed").asDouble()).as(rate.get("kind").asString())
				.isCloseTo(rate.get("reported").asDouble(), within(0.01));
			assertThat(rate.get("difference").asDouble())
				.isCloseTo(rate.get("computed").asDouble() - rate.get("reported").asDouble(), within(1e-9));
			// The same figure from the fill-rate endpoint on the report's day.
			JsonNode kind = row(this.http.get("/api/stats/fill-rate?groupBy=kind&asOf=" + rate.get("asOf").asString())
				.json(), rate.get("kind").asString());
			assertThat(kind.get("occupancyRate").decimalValue()).isEqualByComparingTo(rate.get("computed").decimalValue());
		}
		assertThat(StreamSupport.stream(reported.spliterator(), false).map(r -> r.get("metric").asString()))
			.contains("ZONE_COUNT", "OPERATING_AREA_HA", "WORKERS");
	}

	@Test
	void kindsAddUpToTheProvince() {
		JsonNode kinds = this.http.get("/api/stats/fill-rate?groupBy=kind").json();
		JsonNode province = this.http.get("/api/stats/fill-rate?groupBy=province").json().get("rows").get(0);
		BigDecimal land = BigDecimal.ZERO;
		BigDecimal leased = BigDecimal.ZERO;
		for (JsonNode row : kinds.get("rows")) {
			land = land.add(row.get("leaseLandHa").decimalValue());
			leased = leased.add(row.get("leasedHa").decimalValue());
		}
		assertThat(province.get("leaseLandHa").decimalValue()).isEqualByComparingTo(land);
		assertThat(province.get("leasedHa").decimalValue()).isEqualByComparingTo(leased);
		assertThat(kinds.get("total").get("occupancyRate").decimalValue())
			.isEqualByComparingTo(province.get("occupancyRate").decimalValue());
	}

	@Test
	void csvHoldsTheSameRowsAsJson() {
		JsonNode json = this.http.get("/api/stats/fill-rate?groupBy=zone").json();
		Http.Response csv = this.http.get("/api/stats/fill-rate?groupBy=zone&format=csv");

		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		List<String> lines = csv.body().replace("\uFEFF", "").lines().toList();
		assertThat(lines.get(0)).isEqualTo(
				"key,name,nameEn,zoneId,kind,unit,level,zones,excludedZones,leaseLandHa,leasedHa,occupancyRate,demo");
		assertThat(lines).hasSize(json.get("rows").size() + 2); // header and total
		JsonNode first = json.get("rows").get(0);
		assertThat(lines.get(1)).startsWith(first.get("key").asString() + "," + first.get("name").asString() + ",")
			.endsWith("," + first.get("occupancyRate").decimalValue().toPlainString() + "," + first.get("demo").asBoolean());
		assertThat(lines.get(lines.size() - 1)).startsWith("TOTAL,");
	}

	@Test
	void xlsxIsARealSpreadsheetWithTheSameFigures() throws IOException {
		JsonNode json = this.http.get("/api/stats/fill-rate?groupBy=district").json();
		byte[] xlsx = this.http.bytes("/api/stats/fill-rate?groupBy=district&format=xlsx");

		List<Row> rows = new ArrayList<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getFirstSheet();
			try (var stream = sheet.openStream()) {
				stream.forEach(rows::add);
			}
		}
		assertThat(rows.get(0).getCellText(0)).isEqualTo("key");
		assertThat(rows).hasSize(json.get("rows").size() + 2);
		JsonNode first = json.get("rows").get(0);
		assertThat(rows.get(1).getCellText(0)).isEqualTo(first.get("key").asString());
		assertThat(rows.get(1).getCellText(1)).isEqualTo(first.get("name").asString());
		assertThat(new BigDecimal(rows.get(1).getCellRawValue(9).orElseThrow()))
			.isEqualByComparingTo(first.get("leaseLandHa").decimalValue());
	}

	@Test
	void everyTableExportsToCsvAndXlsx() {
		for (String table : List.of("fill-rate?groupBy=kind", "fill-rate/series?groupBy=kind&step=year", "plan-progress?x=1",
				"reported?x=1")) {
			Http.Response csv = this.http.get("/api/stats/" + table + "&format=csv");
			assertThat(csv.status()).as(table).isEqualTo(200);
			assertThat(csv.body().lines().count()).as(table).isGreaterThan(1);
			byte[] xlsx = this.http.bytes("/api/stats/" + table + "&format=xlsx");
			assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).as("zip signature").isEqualTo("PK");
		}
	}

	/**
	 * The demo rows against the targets of 001_a10c2ba26ad84cae.txt:31. KCN: 3 existing zones (Hòa Phú,
	 * Quang Châu, Việt Hàn), their 3 expansion areas (one zone each with its parent, 3 zones expanded)
	 * and 11 new ones: 14 zones toward the 29 of 2030. CCN: 24 zones, none new, and the 2 expanded ones
	 * (Nghĩa Hòa, Tân Mỹ) were expanded in 2016–2020 (001:185–187), not under the 2021–2030 plan.
	 */
	@Test
	void planProgressCountsTheRegistryAgainstTheTargets() {
		JsonNode rows = this.http.get("/api/stats/plan-progress").json().get("rows");
		Map<String, Integer> counts = new TreeMap<>();
		for (JsonNode row : rows) {
			counts.put(row.get("kind").asString() + " " + row.get("targetYear").asInt() + " " + row.get("metric").asString(),
					row.get("registryCount").asInt());
		}
		assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("KCN 2030 TOTAL", 14),
				Map.entry("KCN 2030 NEW", 11), Map.entry("KCN 2030 EXPANDED", 3), Map.entry("KCN 2030 MERGED_INTO_KCN", 0),
				Map.entry("KCN 2030 ADDED", 14), Map.entry("KCN 2025 NEW_IN_USE", 0), Map.entry("CCN 2030 TOTAL", 24),
				Map.entry("CCN 2030 NEW", 0), Map.entry("CCN 2030 EXPANDED", 0), Map.entry("CCN 2030 ADDED", 0),
				Map.entry("CCN 2030 REMOVED", 0), Map.entry("CCN 2025 NEW_IN_USE", 0)));
		JsonNode kcn2030 = StreamSupport.stream(rows.spliterator(), false)
			.filter(r -> r.get("kind").asString().equals("KCN") && r.get("targetYear").asInt() == 2030
					&& r.get("metric").asString().equals("TOTAL"))
			.findFirst().orElseThrow();
		assertThat(kcn2030.get("targetCount").asInt()).isEqualTo(29);
		assertThat(kcn2030.get("countProgress").asDouble()).isCloseTo(14 / 29.0, within(1e-4));
	}

	/**
	 * The demo zones reproduce the fill rates reported for mid-2024 (002_618431115684171d.txt:69: KCN
	 * about 66.75 %, CCN about 40.5 %) on the report's day, within half a point, through the endpoint
	 * and in SQL; the districts of Bắc Giang keep the test province's zones out.
	 */
	@Test
	void demoZonesFillAsReportedOnTheReportDay() {
		String districts = String.join(",", this.jdbc.sql("""
				SELECT d.code FROM admin_unit d JOIN admin_unit p ON p.id = d.parent_id WHERE p.code = 'BG' ORDER BY d.code""")
			.query(String.class).list());
		JsonNode table = this.http.get("/api/stats/fill-rate?groupBy=kind&asOf=2024-06-30&district=" + districts).json();
		assertThat(row(table, "KCN").get("occupancyRate").asDouble()).isCloseTo(0.6675, within(0.005));
		assertThat(row(table, "CCN").get("occupancyRate").asDouble()).isCloseTo(0.405, within(0.005));
		Map<String, Double> sql = new TreeMap<>();
		this.jdbc.sql("""
				SELECT z.kind, sum(o.leased_ha) / sum(o.lease_land_ha) AS rate
				  FROM zone_occupancy(DATE '2024-06-30') o
				  JOIN zone z ON z.id = o.zone_id JOIN admin_unit d ON d.id = z.district_id JOIN admin_unit p ON p.id = d.parent_id
				 WHERE p.code = 'BG' AND o.lease_land_ha > 0 AND z.published AND z.deleted_at IS NULL
				 GROUP BY z.kind""").query((rs, i) -> sql.put(rs.getString("kind"), rs.getDouble("rate"))).list();
		assertThat(sql.get("KCN")).isCloseTo(0.6675, within(0.005));
		assertThat(sql.get("CCN")).isCloseTo(0.405, within(0.005));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "fill-rate?groupBy=county|groupBy", "fill-rate?groupBy=zone,district|groupBy",
			"fill-rate?asOf=2024-02-30|asOf", "fill-rate?asOf=yesterday|asOf", "fill-rate?kind=KCX|kind",
			"fill-rate?district=BG-XX|district", "fill-rate?format=pdf|format",
			"fill-rate/series?from=2024-05-01&to=2024-01-01|from", "fill-rate/series?step=week|step",
			"fill-rate/series?from=0001-01-01&to=2024-01-01&step=month|step", "fill-rate/series?to=2024-99-01|to" })
	void badInputIsAProblemDetail(String query, String parameter) {
		Http.Response response = this.http.get("/api/stats/" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).isNotBlank();
		assertThat(response.json().get("parameter").asString()).isEqualTo(parameter);
	}

	private static JsonNode row(JsonNode table, String key) {
		return StreamSupport.stream(table.get("rows").spliterator(), false)
			.filter(r -> r.get("key").asString().equals(key))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row " + key));
	}

}
