package vn.landregistry.plans;

import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;

import static org.assertj.core.api.Assertions.assertThat;

class PlanTargetApiTest extends PostgisTest {

	@Test
	void servesTheProvincePlanTotalsFor2030WithTheirSource() {
		Http.Response response = this.http.get("/api/plan-targets");
		assertThat(response.status()).isEqualTo(200);

		JsonNode kcn = target(response.json(), "KCN", 2030, "TOTAL");
		assertThat(kcn.get("zoneCount").asInt()).isEqualTo(29);
		assertThat(kcn.get("areaHa").decimalValue()).isEqualByComparingTo("7840");
		assertThat(kcn.get("source").asString()).isEqualTo("001_a10c2ba26ad84cae.txt:31");

		JsonNode ccn = target(response.json(), "CCN", 2030, "TOTAL");
		assertThat(ccn.get("zoneCount").asInt()).isEqualTo(66);
		assertThat(ccn.get("areaHa").decimalValue()).isEqualByComparingTo("3209");

		JsonNode removed = target(response.json(), "CCN", 2030, "REMOVED");
		assertThat(removed.get("zoneCount").asInt()).isEqualTo(9);
		assertThat(removed.get("areaHa").decimalValue()).isEqualByComparingTo("372.6");

		JsonNode kcn2025 = target(response.json(), "KCN", 2025, "NEW_IN_USE");
		assertThat(kcn2025.get("comparison").asString()).isEqualTo("AT_LEAST");
		assertThat(kcn2025.get("zoneCount").asInt()).isEqualTo(5);
	}

	private static JsonNode target(JsonNode targets, String kind, int year, String metric) {
		return StreamSupport.stream(targets.spliterator(), false)
			.filter(t -> t.get("kind").asString().equals(kind) && t.get("targetYear").asInt() == year
					&& t.get("metric").asString().equals(metric))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no target " + kind + " " + year + " " + metric));
	}

}
