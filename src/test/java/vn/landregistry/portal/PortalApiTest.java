package vn.landregistry.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.landregistry.support.Problems.assertProblem;

/** The investor portal's public API on hand-built land: filters, what never leaves, enquiries. */
class PortalApiTest extends PostgisTest {

	@Autowired
	EnquiryLimiter limiter;

	TestRegistry registry;

	long zone;

	long small;

	long big;

	long leased;

	long later;

	long draft;

	@BeforeEach
	void build() {
		this.limiter.reset();
		this.registry = new TestRegistry(this.jdbc).create();
		this.zone = this.registry.zone("TST-INV", "KCN", TestRegistry.district(1), 100.1, 10.1, new BigDecimal("100"));
		this.registry.zone("TST-CCN", "CCN", TestRegistry.district(2), 100.6, 10.1, new BigDecimal("10"));
		this.jdbc.sql("""
				UPDATE zone SET internal_note = 'SECRET-NOTE', industries = '{ELECTRONICS,MECHANICAL}',
				       lease_price_min_usd = 80, lease_price_max_usd = 95 WHERE id = :id""").param("id", this.zone).update();
		LocalDate cleared = LocalDate.parse("2023-01-01");
		this.small = this.registry.plot(this.zone, "SMALL", 100.101, 10.101, 0.001, cleared);
		this.big = this.registry.plot(this.zone, "BIG", 100.103, 10.101, 0.002, cleared);
		this.leased = this.registry.plot(this.zone, "LEASED", 100.106, 10.101, 0.002, cleared);
		this.later = this.registry.plot(this.zone, "LATER", 100.101, 10.105, 0.002, null);
		this.draft = this.registry.plot(this.zone, "DRAFT", 100.106, 10.105, 0.002, cleared);
		this.jdbc.sql("UPDATE plot SET published = false WHERE id = :id").param("id", this.draft).update();
		this.jdbc.sql("""
				INSERT INTO lease (plot_id, investor_name, investor_country, capital_amount, capital_currency, signed_on, published)
				VALUES (:p, 'Confidential Co', 'KR', 12345678, 'USD', DATE '2024-01-01', false)""")
			.param("p", this.leased).update();
		this.editor.postJson("/api/clearance", "{\"zone\":\"TST-INV\",\"code\":\"C1\",\"name\":\"c\",\"eventDate\":\"2024-01-01\","
				+ "\"targetDate\":\"2027-06-30\",\"geometry\":" + TestRegistry.square(100.1005, 10.1045, 0.003) + "}");
	}

	@AfterEach
	void clear() {
		this.registry.clear();
		this.limiter.reset();
	}

	@Test
	void onlyFreePublishedPlotsAreOfferedWithWhenTheyCanBeTaken() {
		JsonNode land = land("zone=TST-INV");

		assertThat(codes(land)).containsExactlyInAnyOrder("BIG", "SMALL", "LATER");
		assertThat(land.get("numberMatched").asInt()).isEqualTo(3);
		JsonNode later = feature(land, "LATER");
		assertThat(later.get("readyNow").asBoolean()).isFalse();
		assertThat(later.get("expectedOn").asString()).as("the clearance target over it").isEqualTo("2027-06-30");
		assertThat(feature(land, "BIG").get("readyNow").asBoolean()).isTrue();
		assertThat(codes(land("zone=TST-INV&ready=NOW"))).containsExactlyInAnyOrder("BIG", "SMALL");
		assertThat(codes(land("zone=TST-INV&ready=LATER"))).containsExactly("LATER");
	}

	@Test
	void filtersAndSortsCombine() {
		double smallHa = this.registry.plotArea(this.small).doubleValue();
		double bigHa = this.registry.plotArea(this.big).doubleValue();
		String between = "minHa=" + (smallHa + 0.01) + "&maxHa=" + (bigHa + 0.01);

		assertThat(codes(land("district=TST-1&ready=NOW&" + between))).containsExactly("BIG");
		assertThat(codes(land("district=TST-1&sort=AREA_ASC&ready=NOW"))).containsExactly("SMALL", "BIG");
		assertThat(codes(land("district=TST-1,TST-2&sort=FILL_RATE"))).as("one zone: larger plots first")
			.containsExactly("BIG", "LATER", "SMALL");
		assertThat(codes(land("district=TST-1&sort=FILL_RATE&limit=1&offset=2"))).containsExactly("SMALL");
		assertThat(codes(land("district=TST-1&industry=ELECTRONICS&ready=NOW"))).hasSize(2);
		assertThat(codes(land("district=TST-1&industry=TEXTILE_FOOTWEAR"))).isEmpty();
		assertThat(codes(land("district=TST-1&maxPriceUsd=85"))).hasSize(3);
		assertThat(codes(land("district=TST-1&maxPriceUsd=50"))).isEmpty();
		assertThat(codes(land("district=TST-1,TST-2&kind=CCN"))).isEmpty();
		JsonNode near = land("district=TST-1&near=100.1015,10.1015");
		assertThat(codes(near).get(0)).isEqualTo("SMALL");
		assertThat(near.get("features").get(0).get("properties").get("distanceKm").asDouble()).isZero();
		JsonNode page = land("district=TST-1&limit=1&offset=1&sort=AREA_ASC");
		assertThat(page.get("numberMatched").asInt()).isEqualTo(3);
		assertThat(page.get("numberReturned").asInt()).isEqualTo(1);
	}

	@Test
	void badSearchesAreClearAnswers() {
		assertProblem(this.http.get("/api/portal/land?minHa=-1"), 400, null, "negative");
		assertProblem(this.http.get("/api/portal/land?minHa=5&maxHa=1"), 400, null, "swap");
		assertProblem(this.http.get("/api/portal/land?minHa=abc"), 400, null, "not a number");
		assertProblem(this.http.get("/api/portal/land?district=NOWHERE"), 400, null, "unknown district");
		assertProblem(this.http.get("/api/portal/land?zone=KCN-NOWHERE"), 400, null, "unknown zone");
		// a NUL character never reaches PostgreSQL, an offset past int range never reaches the paging
		JsonNode nul = assertProblem(this.http.get("/api/portal/land?zone=KCN%00X"), 400, null, "NUL character");
		assertThat(nul.get("parameter").asString()).isEqualTo("zone");
		assertProblem(this.http.get("/api/zones?kind=KCN%00"), 400, null, "parameter kind holds a NUL character");
		assertProblem(this.http.get("/api/portal/land?offset=2147483600&limit=100&sort=FILL_RATE"), 400, null,
				"offset is 0 to 1000000");
		JsonNode farPage = land("offset=1000000&sort=FILL_RATE");
		assertThat(farPage.get("features")).as("the largest offset is accepted, and past the last plot").isEmpty();
		assertThat(farPage.get("numberMatched").asInt()).isEqualTo(land("sort=FILL_RATE").get("numberMatched").asInt()).isPositive();
		assertProblem(this.http.get("/api/portal/land?industry=MINING"), 400, null, "unknown industry");
		assertProblem(this.http.get("/api/portal/land?sort=DISTANCE"), 400, null, "near");
		assertProblem(this.http.get("/api/portal/land?near=200,10"), 400, null, "lon,lat");
		assertProblem(this.http.get("/api/portal/land?limit=100000"), 400, null, "limit");
		assertProblem(this.http.get("/api/portal/zones/TST-NOPE"), 404, null, "no zone TST-NOPE");
		assertProblem(this.http.get("/api/portal/plots/" + this.draft), 404, null, "no plot " + this.draft);
	}

	@Test
	void confidentialFieldsNeverLeaveThePublicEndpoints() {
		this.jdbc.sql("""
				INSERT INTO lease (plot_id, investor_name, investor_country, industry, capital_amount, capital_currency,
				                   signed_on, published)
				VALUES (:p, 'Public Co', 'JP', 'Điện tử', 99999999, 'USD', DATE '2024-02-01', true)""")
			.param("p", this.small).update();
		List<String> bodies = List.of(this.http.get("/api/portal/land?district=TST-1").body(),
				this.http.get("/api/portal/zones/TST-INV").body(), this.http.get("/api/portal/plots/" + this.big).body(),
				this.http.get("/api/portal/plots/" + this.leased).body(), this.http.get("/api/zones?district=TST-1").body(),
				this.http.get("/api/plots?zone=TST-INV").body());

		for (String body : bodies) {
			assertThat(body).doesNotContain("SECRET-NOTE", "Confidential Co", "12345678", "99999999", "DRAFT",
					"internal", "capital");
		}
		JsonNode tenants = this.http.get("/api/portal/zones/TST-INV").json().get("properties").get("tenants");
		assertThat(tenants).hasSize(1);
		assertThat(tenants.get(0).get("name").asString()).isEqualTo("Public Co");
	}

	/** Tenants are the published leases signed and in force today: not a reservation, an ended lease or one to come. */
	@Test
	void tenantsAreTheSignedLeasesInForceToday() {
		LocalDate today = this.jdbc.sql("SELECT registry_today()").query(LocalDate.class).single();
		lease(this.small, "Reserving Co", today.minusDays(10), null, null);
		lease(this.big, "Ended Co", null, today.minusYears(2), today);
		lease(this.big, "Coming Co", null, today.plusDays(1), null);
		lease(this.later, "Signed Co", today.minusDays(20), today, null);

		JsonNode tenants = this.http.get("/api/portal/zones/TST-INV").json().get("properties").get("tenants");
		assertThat(tenants).extracting(t -> t.get("name").asString()).containsExactly("Signed Co");
	}

	private void lease(long plot, String investor, LocalDate reservedOn, LocalDate signedOn, LocalDate endedOn) {
		this.jdbc.sql("""
				INSERT INTO lease (plot_id, investor_name, reserved_on, signed_on, ended_on, published)
				VALUES (:p, :name, :reserved, :signed, :ended, true)""")
			.param("p", plot).param("name", investor).param("reserved", reservedOn).param("signed", signedOn)
			.param("ended", endedOn).update();
	}

	@Test
	void enquiriesAreValidatedStoredAsWrittenAndReachOnlyTheInbox() {
		String script = "<script>alert('x')</script> We need 3 ha";
		Http.Response ok = enquire("{\"plotId\":" + this.big + ",\"name\":\"Kim\",\"email\":\"kim@example.kr\","
				+ "\"country\":\"kr\",\"message\":\"" + script.replace("'", "\\u0027") + "\",\"language\":\"en\"}");

		assertThat(ok.status()).as(ok.body()).isEqualTo(202);
		JsonNode inbox = this.editor.get("/api/enquiries?status=NEW").json();
		JsonNode mine = inbox.get(0);
		assertThat(mine.get("message").asString()).isEqualTo(script);
		assertThat(mine.get("zone").asString()).isEqualTo("TST-INV");
		assertThat(mine.get("country").asString()).isEqualTo("KR");
		assertThat(this.http.get("/api/enquiries").status()).as("the public cannot read the inbox").isEqualTo(401);
		assertThat(this.officer.get("/api/enquiries").status()).isEqualTo(403);

		assertProblem(enquire("{\"zone\":\"TST-INV\",\"name\":\"A\",\"email\":\"not-an-address\",\"message\":\"m\"}"), 400, null,
				"not an e-mail");
		assertProblem(enquire("{\"zone\":\"TST-INV\",\"name\":\"A\",\"email\":\"a@b.co\",\"message\":\"" + "x".repeat(4001) + "\"}"),
				400, null, "too long");
		assertProblem(enquire("{\"zone\":\"TST-INV\",\"email\":\"a@b.co\",\"message\":\"m\"}"), 400, null, "name is required");
		this.limiter.reset(); // every attempt counts against the limit, bad ones too
		assertProblem(enquire("{\"zone\":\"TST-NOPE\",\"name\":\"A\",\"email\":\"a@b.co\",\"message\":\"m\"}"), 400, null,
				"unknown zone");
		assertProblem(enquire("{\"plotId\":" + this.draft + ",\"name\":\"A\",\"email\":\"a@b.co\",\"message\":\"m\"}"), 400, null,
				"unknown plot");
		long stored = enquiries();
		Http.Response bot = enquire("{\"zone\":\"TST-INV\",\"name\":\"Bot\",\"email\":\"b@b.co\",\"message\":\"buy\",\"website\":\"http://spam\"}");
		assertThat(bot.status()).as("a bot is not told").isEqualTo(202);
		assertThat(enquiries()).as("but nothing is stored").isEqualTo(stored);

		long id = mine.get("id").asLong();
		assertThat(this.editor.send("PATCH", "/api/enquiries/" + id, "{\"version\":0,\"status\":\"ANSWERED\",\"answerNote\":\"sent\"}")
			.status()).isEqualTo(204);
		assertThat(this.editor.get("/api/enquiries?status=ANSWERED").body()).contains("kim@example.kr");
		assertProblem(this.editor.send("PATCH", "/api/enquiries/" + id, "{\"version\":0,\"status\":\"CLOSED\"}"), 409,
				"stale_version", "changed by someone else");
		assertThat(this.jdbc.sql("SELECT status FROM enquiry WHERE id = :id").param("id", id).query(String.class).single())
			.as("the stale change is not applied").isEqualTo("ANSWERED");
	}

	@Test
	void aFloodOfEnquiriesFromOneAddressIsSlowedDown() {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			statuses.add(enquire("{\"zone\":\"TST-INV\",\"name\":\"N" + i + "\",\"email\":\"n@b.co\",\"message\":\"m\"}").status());
		}

		assertThat(statuses).containsExactly(202, 202, 202, 202, 202, 429, 429);
		Http.Response limited = enquire("{\"zone\":\"TST-INV\",\"name\":\"N\",\"email\":\"n@b.co\",\"message\":\"m\"}");
		assertThat(limited.contentType()).startsWith("application/problem+json");
		assertThat(enquiries()).isEqualTo(5);
	}

	private Http.Response enquire(String json) {
		return this.http.postJson("/api/portal/enquiries", json);
	}

	private long enquiries() {
		return this.jdbc.sql("SELECT count(*) FROM enquiry WHERE zone_id = :z").param("z", this.zone).query(Long.class).single();
	}

	private JsonNode land(String query) {
		Http.Response response = this.http.get("/api/portal/land?" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<String> codes(JsonNode land) {
		List<String> codes = new ArrayList<>();
		land.get("features").forEach(f -> codes.add(f.get("properties").get("code").asString()));
		return codes;
	}

	private static JsonNode feature(JsonNode land, String code) {
		for (JsonNode f : land.get("features")) {
			if (f.get("properties").get("code").asString().equals(code)) {
				return f.get("properties");
			}
		}
		throw new AssertionError("no " + code);
	}

}
