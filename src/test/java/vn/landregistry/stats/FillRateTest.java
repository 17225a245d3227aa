package vn.landregistry.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The fill-rate definition on hand-built zones: leased area ÷ land for lease per zone, weighted by
 * area in groups, zones without land for lease excluded, and the state on any day from the lease
 * history.
 */
class FillRateTest extends PostgisTest {

	static final LocalDate CLEARED = LocalDate.of(2020, 1, 1);

	TestRegistry registry;

	// Zone A (KCN, 20 ha for lease): big plot A1 leased from 2023-01-01, small plot A2 free.
	// Zone B (CCN, 5 ha for lease): small plot B1 leased from 2023-06-01, big plot B2 free.
	// Zone C (KCN, no land for lease recorded): a leased plot, which must not count anywhere.
	// Zone D (CCN, 4 ha, district 2): D1 leased 2022-01-01 until 2024-01-01.
	long a1;

	long b1;

	long d1;

	@BeforeEach
	void build() {
		this.registry = new TestRegistry(this.jdbc).create();
		long a = this.registry.zone("TST-A", "KCN", TestRegistry.district(1), 100.1, 10.1, new BigDecimal("20"));
		long b = this.registry.zone("TST-B", "CCN", TestRegistry.district(1), 100.2, 10.1, new BigDecimal("5"));
		long c = this.registry.zone("TST-C", "KCN", TestRegistry.district(1), 100.3, 10.1, null);
		long d = this.registry.zone("TST-D", "CCN", TestRegistry.district(2), 100.6, 10.1, new BigDecimal("4"));
		this.a1 = this.registry.plot(a, "A1", 100.101, 10.101, 0.004, CLEARED);
		this.registry.plot(a, "A2", 100.106, 10.101, 0.001, CLEARED);
		this.b1 = this.registry.plot(b, "B1", 100.201, 10.101, 0.001, CLEARED);
		this.registry.plot(b, "B2", 100.203, 10.101, 0.004, CLEARED);
		long c1 = this.registry.plot(c, "C1", 100.301, 10.101, 0.004, CLEARED);
		this.d1 = this.registry.plot(d, "D1", 100.601, 10.101, 0.001, CLEARED);
		this.registry.lease(this.a1, LocalDate.of(2023, 1, 1), null);
		this.registry.lease(this.b1, LocalDate.of(2023, 6, 1), null);
		this.registry.lease(c1, LocalDate.of(2021, 1, 1), null);
		this.registry.lease(this.d1, LocalDate.of(2022, 1, 1), LocalDate.of(2024, 1, 1));
	}

	@AfterEach
	void clear() {
		this.registry.clear();
	}

	@Test
	void zoneRateIsLeasedAreaOverLandForLease() {
		JsonNode a = row(fillRate("zone", "2024-01-01"), "TST-A");
		BigDecimal a1Area = this.registry.plotArea(this.a1);
		assertThat(a.get("leasedHa").decimalValue()).isEqualByComparingTo(a1Area);
		assertThat(a.get("leaseLandHa").decimalValue()).isEqualByComparingTo("20");
		assertThat(a.get("occupancyRate").asDouble()).isCloseTo(a1Area.doubleValue() / 20, within(1e-6));
	}

	@Test
	void groupsAreWeightedByAreaNotAveraged() {
		JsonNode district = row(fillRate("district", "2024-01-01"), TestRegistry.district(1));
		double leased = this.registry.plotArea(this.a1).add(this.registry.plotArea(this.b1)).doubleValue();
		double weighted = leased / 25;
		double meanOfRates = (this.registry.plotArea(this.a1).doubleValue() / 20
				+ this.registry.plotArea(this.b1).doubleValue() / 5) / 2;

		assertThat(district.get("occupancyRate").asDouble()).isCloseTo(weighted, within(1e-6));
		assertThat(Math.abs(weighted - meanOfRates)).as("the case tells the two apart").isGreaterThan(0.01);
		assertThat(district.get("leaseLandHa").decimalValue()).isEqualByComparingTo("25");
	}

	@Test
	void zonesWithoutLandForLeaseAreExcludedNotCountedAsZero() {
		JsonNode zones = fillRate("zone", "2024-01-01");
		assertThat(StreamSupport.stream(zones.get("rows").spliterator(), false).map(r -> r.get("key").asString()))
			.contains("TST-A", "TST-B")
			.doesNotContain("TST-C");
		JsonNode district = row(fillRate("district", "2024-01-01"), TestRegistry.district(1));
		assertThat(district.get("zones").asInt()).isEqualTo(2);
		assertThat(district.get("excludedZones").asInt()).isEqualTo(1);
	}

	@Test
	void asOfAnswersFromTheLeaseHistory() {
		BigDecimal a1Area = this.registry.plotArea(this.a1);
		// Before B1 was leased, only A1 counts.
		assertThat(row(fillRate("district", "2023-03-01"), TestRegistry.district(1)).get("leasedHa").decimalValue())
			.isEqualByComparingTo(a1Area);
		// Before any lease of district 1.
		assertThat(row(fillRate("district", "2022-12-31"), TestRegistry.district(1)).get("leasedHa").decimalValue())
			.isEqualByComparingTo("0");
		// D1 was leased in 2023 and no longer after 2024-01-01.
		JsonNode during = row(fillRate("district", "2023-06-01"), TestRegistry.district(2));
		assertThat(during.get("leasedHa").decimalValue()).isEqualByComparingTo(this.registry.plotArea(this.d1));
		assertThat(row(fillRate("district", "2024-01-01"), TestRegistry.district(2)).get("leasedHa").decimalValue())
			.isEqualByComparingTo("0");
	}

	@Test
	void provinceAndKindGroupsAddUpTheirZones() {
		JsonNode province = row(fillRate("province", "2023-06-01"), TestRegistry.PROVINCE);
		BigDecimal leased = this.registry.plotArea(this.a1).add(this.registry.plotArea(this.b1))
			.add(this.registry.plotArea(this.d1));
		assertThat(province.get("leasedHa").decimalValue()).isEqualByComparingTo(leased);
		assertThat(province.get("leaseLandHa").decimalValue()).isEqualByComparingTo("29");
		assertThat(province.get("occupancyRate").decimalValue())
			.isEqualByComparingTo(leased.divide(new BigDecimal("29"), new MathContext(6)));

		JsonNode kinds = this.http.get("/api/stats/fill-rate?groupBy=kind&district=TST-1,TST-2&asOf=2023-06-01").json();
		assertThat(row(kinds, "CCN").get("leasedHa").decimalValue())
			.isEqualByComparingTo(this.registry.plotArea(this.b1).add(this.registry.plotArea(this.d1)));
		assertThat(kinds.get("total").get("leasedHa").decimalValue()).isEqualByComparingTo(leased);
	}

	@Test
	void seriesPointsEqualTheRateOnTheirDay() {
		JsonNode series = this.http
			.get("/api/stats/fill-rate/series?groupBy=district&district=TST-2&from=2021-11-15&to=2024-03-15&step=quarter")
			.json();
		assertThat(series.get("dates").get(0).asString()).isEqualTo("2021-12-31");
		assertThat(series.get("dates").get(series.get("dates").size() - 1).asString()).isEqualTo("2024-03-15");
		JsonNode points = series.get("series").get(0).get("points");
		assertThat(points.size()).isEqualTo(series.get("dates").size());
		for (JsonNode point : points) {
			JsonNode same = row(fillRate("district", point.get("date").asString()), TestRegistry.district(2));
			assertThat(point.get("leasedHa").decimalValue()).as(point.get("date").asString())
				.isEqualByComparingTo(same.get("leasedHa").decimalValue());
		}
		assertThat(points.get(0).get("leasedHa").decimalValue()).isEqualByComparingTo("0");
		assertThat(points.get(1).get("leasedHa").decimalValue()).isPositive();
	}

	@Test
	void endingALeaseOrResizingAPlotUpdatesTheFigures() {
		this.jdbc.sql("UPDATE lease SET ended_on = DATE '2023-09-01' WHERE plot_id = :id").param("id", this.b1).update();
		assertThat(row(fillRate("zone", "2024-01-01"), "TST-B").get("leasedHa").decimalValue()).isEqualByComparingTo("0");

		this.jdbc.sql("UPDATE plot SET boundary = ST_Multi(ST_MakeEnvelope(100.101, 10.101, 100.103, 10.103, 4326)) WHERE id = :id")
			.param("id", this.a1).update();
		assertThat(row(fillRate("zone", "2024-01-01"), "TST-A").get("leasedHa").decimalValue())
			.isEqualByComparingTo(this.registry.plotArea(this.a1));
	}

	@Test
	void zoneFeaturesCarryTheSameFigures() {
		JsonNode feature = StreamSupport.stream(this.http.get("/api/zones?district=TST-1").json().get("features").spliterator(), false)
			.filter(f -> f.get("properties").get("code").asString().equals("TST-A"))
			.findFirst().orElseThrow().get("properties");
		JsonNode stats = row(fillRate("zone", LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString()), "TST-A");
		assertThat(feature.get("occupancyRate").decimalValue()).isEqualByComparingTo(stats.get("occupancyRate").decimalValue());
		assertThat(feature.get("leasedHa").decimalValue()).isEqualByComparingTo(stats.get("leasedHa").decimalValue());
		// A2 is cleared and not leased.
		assertThat(feature.get("availableCleanHa").decimalValue()).isPositive();
	}

	private JsonNode fillRate(String groupBy, String asOf) {
		Http.Response response = this.http.get("/api/stats/fill-rate?groupBy=" + groupBy + "&asOf=" + asOf);
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode row(JsonNode table, String key) {
		return StreamSupport.stream(table.get("rows").spliterator(), false)
			.filter(r -> r.get("key").asString().equals(key))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row " + key + " in " + table));
	}

}
