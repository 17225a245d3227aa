package vn.landregistry.ogc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;
import vn.landregistry.ogc.OgcClient.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache of items pages and features: a repeated request is served from it, byte for byte
 * what was made; an edit, through the API or by SQL, is seen by the very next request; an edit
 * evicts only the collections that read its table; ETags answer 304.
 */
class OgcCacheTest extends PostgisTest {

	static final String PLOTS = "/ogc/collections/plots/items?bbox=100,10,101,10.5";

	static final String ZONES = "/ogc/collections/zones/items?bbox=100,10,101,10.5";

	static final String CLEARANCE = "/ogc/collections/clearance/items?zone=TST-O";

	OgcClient client;

	TestRegistry registry;

	long plot;

	@BeforeEach
	void build() {
		this.client = new OgcClient(this.port);
		this.registry = new TestRegistry(this.jdbc).create();
		long zone = this.registry.zone("TST-O", "KCN", TestRegistry.district(1), 100.1, 10.1, new BigDecimal("100"));
		this.plot = this.registry.plot(zone, "A1", 100.1021, 10.1021, 0.002, LocalDate.parse("2020-01-01"));
		this.registry.plot(zone, "A2", 100.1061, 10.1061, 0.002, LocalDate.parse("2020-01-01"));
	}

	@AfterEach
	void clear() {
		this.registry.clear();
	}

	@Test
	void aRepeatedRequestIsServedFromTheCacheByteForByte() {
		for (String path : new String[] { PLOTS, PLOTS + "&f=html", PLOTS + "&crs=http://www.opengis.net/def/crs/EPSG/0/9214",
				"/ogc/collections/plots/items/" + this.plot, "/ogc/collections/plots/items/" + this.plot + "?f=html" }) {
			Answer made = get(path);
			assertThat(made.status()).as(path).isEqualTo(200);
			assertThat(made.cache()).as(path).isEqualTo("MISS");
			Answer kept = get(path);
			assertThat(kept.cache()).as(path).isEqualTo("HIT");
			assertThat(kept.body()).as(path).isEqualTo(made.body());
			assertThat(kept.header("ETag")).as(path).isEqualTo(made.header("ETag")).startsWith("\"");
			assertThat(kept.header("Content-Type")).as(path).isEqualTo(made.header("Content-Type"));
			assertThat(kept.header("Content-Crs")).as(path).isEqualTo(made.header("Content-Crs"));
		}
		// the same request, its parameters in another order: the same page
		assertThat(get("/ogc/collections/plots/items?limit=100&bbox=100,10,101,10.5&offset=0").cache()).isEqualTo("HIT");
		// another page, another key
		assertThat(get(PLOTS + "&limit=1").cache()).isEqualTo("MISS");
		assertThat(codes(get(PLOTS + "&limit=1"))).containsExactly("A1");
	}

	@Test
	void anEditThroughTheApiIsSeenByTheNextRequest() {
		cached(PLOTS);
		cached("/ogc/collections/plots/items/" + this.plot);

		Http.Response edit = this.editor.send("PATCH", "/api/plots/" + this.plot,
				"{\"version\":0,\"clearedOn\":\"2021-06-30\",\"reason\":\"ogc cache\"}");
		assertThat(edit.status()).as(edit.body()).isEqualTo(200);

		Answer page = get(PLOTS);
		assertThat(page.cache()).isEqualTo("MISS");
		assertThat(feature(page, this.plot).get("properties").get("clearedOn").asString()).isEqualTo("2021-06-30");
		Answer one = get("/ogc/collections/plots/items/" + this.plot);
		assertThat(one.cache()).isEqualTo("MISS");
		assertThat(one.json().get("properties").get("clearedOn").asString()).isEqualTo("2021-06-30");
		assertThat(get(PLOTS).cache()).isEqualTo("HIT");
	}

	@Test
	void anEditBySqlIsSeenByTheNextRequest() {
		Answer before = cached(PLOTS);
		Answer zones = cached(ZONES);

		this.jdbc.sql("UPDATE plot SET code = 'A9' WHERE id = :id").param("id", this.plot).update();

		Answer after = get(PLOTS);
		assertThat(after.cache()).isEqualTo("MISS");
		assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
		assertThat(codes(after)).containsExactly("A9", "A2");
		assertThat(get(ZONES).cache()).as("zones do not show plots").isEqualTo("HIT");
		assertThat(get(ZONES).body()).isEqualTo(zones.body());

		// a zone's code shows in its plots' properties
		this.jdbc.sql("UPDATE zone SET code = 'TST-P' WHERE code = 'TST-O'").update();
		assertThat(get(ZONES).cache()).isEqualTo("MISS");
		Answer renamed = get(PLOTS);
		assertThat(renamed.cache()).isEqualTo("MISS");
		assertThat(feature(renamed, this.plot).get("properties").get("zone").asString()).isEqualTo("TST-P");
	}

	@Test
	void anEditEvictsOnlyTheCollectionsThatReadItsTable() {
		Answer zones = cached(ZONES);
		Answer plots = cached(PLOTS);
		assertThat(get(CLEARANCE).json().get("numberMatched").asLong()).isZero();

		Http.Response registered = this.editor.postJson("/api/clearance", """
				{"zone":"TST-O","code":"G1","name":"Phase G1","author":"test","geometry":%s}"""
			.formatted(TestRegistry.square(100.101, 10.101, 0.004)));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		long phase = registered.json().get("id").asLong();
		Answer listed = get(CLEARANCE);
		assertThat(listed.cache()).isEqualTo("MISS");
		assertThat(feature(listed, phase).get("properties").get("status").asString()).isEqualTo("NOT_STARTED");
		cached(CLEARANCE);

		Http.Response stepped = this.editor.postJson("/api/clearance/" + phase + "/events",
				"{\"version\":0,\"author\":\"officer\",\"status\":\"INVENTORY\",\"eventDate\":\""
						+ LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")) + "\"}");
		assertThat(stepped.status()).as(stepped.body()).isEqualTo(201);
		Answer after = get(CLEARANCE);
		assertThat(after.cache()).isEqualTo("MISS");
		assertThat(feature(after, phase).get("properties").get("status").asString()).isEqualTo("INVENTORY");

		// a lease shows in no collection
		this.registry.lease(this.plot, LocalDate.parse("2021-01-01"), null);
		assertThat(get(ZONES)).satisfies(a -> {
			assertThat(a.cache()).as("zones after the clearance edits and a lease").isEqualTo("HIT");
			assertThat(a.body()).isEqualTo(zones.body());
		});
		assertThat(get(PLOTS)).satisfies(a -> {
			assertThat(a.cache()).as("plots after the clearance edits and a lease").isEqualTo("HIT");
			assertThat(a.body()).isEqualTo(plots.body());
		});
	}

	@Test
	void anEtagAnswers304UntilTheDataChanges() {
		Answer page = get(PLOTS);
		String etag = page.header("ETag");
		assertThat(page.header("Cache-Control")).contains("no-cache").doesNotContain("no-store");

		Answer same = get(PLOTS, "If-None-Match", etag);
		assertThat(same.status()).isEqualTo(304);
		assertThat(same.body()).isEmpty();
		assertThat(same.header("ETag")).isEqualTo(etag);
		assertThat(get(PLOTS, "If-None-Match", "W/" + etag).status()).isEqualTo(304);

		this.jdbc.sql("UPDATE plot SET land_use = 'LOGISTICS' WHERE id = :id").param("id", this.plot).update();
		Answer changed = get(PLOTS, "If-None-Match", etag);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(feature(changed, this.plot).get("properties").get("landUse").asString()).isEqualTo("LOGISTICS");
	}

	/** Asks twice: the second answer comes from the cache, the same bytes. */
	private Answer cached(String path) {
		Answer first = get(path);
		assertThat(first.status()).as(path).isEqualTo(200);
		Answer second = get(path);
		assertThat(second.cache()).as(path).isEqualTo("HIT");
		assertThat(second.body()).as(path).isEqualTo(first.body());
		return second;
	}

	private static JsonNode feature(Answer page, long id) {
		for (JsonNode feature : page.json().get("features")) {
			if (feature.get("id").asLong() == id) {
				return feature;
			}
		}
		throw new AssertionError("no feature " + id + " in " + page.text());
	}

	private static java.util.List<String> codes(Answer page) {
		java.util.List<String> codes = new java.util.ArrayList<>();
		page.json().get("features").forEach(f -> codes.add(f.get("properties").get("code").asString()));
		return codes;
	}

	private Answer get(String path, String... headers) {
		return this.client.get(path, headers);
	}

}
