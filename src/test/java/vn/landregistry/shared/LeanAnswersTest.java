package vn.landregistry.shared;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;
import vn.landregistry.support.TileClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cached answers written by the first filter ({@link LeanAnswers}) are those of the normal path:
 * the same status, bytes and headers (but Date and the CSP nonce) for a tile, an empty tile (204),
 * a 304, a TileJSON document, an items page and a feature, with and without an Origin, and behind
 * the trusted proxy over TLS. A request with a session cookie goes the normal way, which is how
 * the normal path's answer of a cached entry is fetched here.
 */
class LeanAnswersTest extends PostgisTest {

	static final String NORMAL_PATH = "JSESSIONID=none";

	@Autowired
	LeanAnswers lean;

	TestRegistry registry;

	long plot;

	@BeforeEach
	void build() {
		this.registry = new TestRegistry(this.jdbc).create();
		long zone = this.registry.zone("TST-L", "KCN", TestRegistry.district(1), 100.1, 10.1, new BigDecimal("100"));
		this.plot = this.registry.plot(zone, "A1", 100.1021, 10.1021, 0.002, LocalDate.parse("2020-01-01"));
	}

	@AfterEach
	void clear() {
		this.registry.clear();
	}

	@Test
	void cachedAnswersAreThoseOfTheNormalPath() {
		String tile = TileClient.path("plots", 16, 100.1031, 10.1031);
		String empty = TileClient.path("plots", 16, 100.45, 10.45);
		String page = "/ogc/collections/plots/items?bbox=100,10,101,10.5";
		String feature = "/ogc/collections/plots/items/" + this.plot;
		TileClient direct = new TileClient("127.0.0.1", this.port);

		assertThat(same(direct, tile, "X-Tile-Cache").statusCode()).isEqualTo(200);
		assertThat(same(direct, empty, "X-Tile-Cache").statusCode()).isEqualTo(204);
		assertThat(same(direct, "/tiles/plots.json", "X-Tile-Cache").statusCode()).isEqualTo(200);
		assertThat(same(direct, page, "X-Cache").statusCode()).isEqualTo(200);
		assertThat(same(direct, feature, "X-Cache").statusCode()).isEqualTo(200);

		String tileTag = direct.get(tile).headers().firstValue("ETag").orElseThrow();
		assertThat(same(direct, tile, "X-Tile-Cache", "If-None-Match", tileTag).statusCode()).isEqualTo(304);
		String pageTag = direct.get(page).headers().firstValue("ETag").orElseThrow();
		assertThat(same(direct, page, "X-Cache", "If-None-Match", "W/" + pageTag).statusCode()).isEqualTo(304);

		HttpResponse<byte[]> cors = same(direct, tile, "X-Tile-Cache", "Origin", "https://maps.example.org");
		assertThat(cors.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(cors.headers().firstValue("Access-Control-Expose-Headers").orElse("")).contains("X-Tile-Cache");
		same(direct, page, "X-Cache", "Origin", "https://maps.example.org");

		// the trusted proxy says TLS and another host: HSTS, and the document's tile URL is theirs
		TileClient proxy = new TileClient("[::1]", this.port);
		HttpResponse<byte[]> tileJson = same(proxy, "/tiles/plots.json", "X-Tile-Cache", "X-Forwarded-Proto", "https",
				"X-Forwarded-Host", "maps.example.org");
		assertThat(tileJson.headers().firstValue("Strict-Transport-Security").orElse("")).contains("max-age=31536000");
		assertThat(new String(tileJson.body())).contains("https://maps.example.org/tiles/plots/{z}/{x}/{y}.mvt");
		same(proxy, page, "X-Cache", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "maps.example.org");
	}

	@Test
	void htmlPagesCredentialsAndMissesGoTheNormalWay() {
		TileClient direct = new TileClient("127.0.0.1", this.port);
		String html = "/ogc/collections/plots/items?bbox=100,10,101,10.5&f=html";
		direct.get(html);
		long before = this.lean.served();
		assertThat(header(direct.get(html), "X-Cache")).isEqualTo("HIT");
		String tile = TileClient.path("plots", 16, 100.1031, 10.1031);
		assertThat(header(direct.get(tile), "X-Tile-Cache")).isEqualTo("MISS");
		HttpResponse<byte[]> refused = direct.get(tile, "Authorization", "Basic bm9ib2R5Om5vdGhpbmc=");
		assertThat(refused.statusCode()).as("bad credentials are refused as before").isEqualTo(401);
		assertThat(header(refused, "X-Tile-Cache")).isNull();
		assertThat(this.lean.served()).isEqualTo(before);
		assertThat(header(direct.get(tile), "X-Tile-Cache")).isEqualTo("HIT");
		assertThat(this.lean.served()).isEqualTo(before + 1);
	}

	/**
	 * Fetches the path until it is cached, then once by the normal path and once by the lean one:
	 * the two answers must be the same; answers the lean one.
	 */
	private HttpResponse<byte[]> same(TileClient client, String path, String cacheHeader, String... headers) {
		HttpResponse<byte[]> first = client.get(path, with(headers, "Cookie", NORMAL_PATH));
		assertThat(first.statusCode()).as(path).isLessThan(400);
		HttpResponse<byte[]> normal = client.get(path, with(headers, "Cookie", NORMAL_PATH));
		assertThat(header(normal, cacheHeader)).as(path + " cached by now").isEqualTo("HIT");
		long before = this.lean.served();
		HttpResponse<byte[]> lean = client.get(path, headers);
		assertThat(this.lean.served()).as(path + " served by the lean path").isEqualTo(before + 1);
		assertThat(lean.statusCode()).as(path).isEqualTo(normal.statusCode());
		assertThat(lean.body()).as(path).isEqualTo(normal.body());
		assertThat(comparable(lean)).as(path).isEqualTo(comparable(normal));
		assertThat(comparable(lean)).as(path).containsKeys("x-content-type-options", "referrer-policy",
				"content-security-policy");
		return lean;
	}

	/** The headers but Date, with the CSP nonce blanked (a new one each time). */
	private static Map<String, List<String>> comparable(HttpResponse<?> response) {
		Map<String, List<String>> headers = new TreeMap<>();
		response.headers().map().forEach((name, values) -> {
			if (!name.equalsIgnoreCase("date")) {
				headers.put(name.toLowerCase(), values.stream().map(v -> v.replaceAll("'nonce-[^']+'", "'nonce-'")).toList());
			}
		});
		return headers;
	}

	private static String[] with(String[] headers, String name, String value) {
		List<String> all = new ArrayList<>(List.of(headers));
		all.add(name);
		all.add(value);
		return all.toArray(String[]::new);
	}

	private static String header(HttpResponse<?> response, String name) {
		return response.headers().firstValue(name).orElse(null);
	}

}
