package vn.landregistry.shared;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.landregistry.support.ThrowAwayCluster;
import vn.landregistry.support.TileClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostGIS stops while the application serves: health says DOWN (503), the API answers 503
 * "Database unavailable" problem details within a few seconds (not after 30 s, not a 500 with a
 * stack trace), and everything works again once PostGIS is back, without a restart. On a
 * cluster of its own ({@link ThrowAwayCluster}) and a context of its own: the shared test
 * database is never stopped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.flyway.locations=classpath:db/migration", "registry.tiles.cache-size=0",
				"registry.ogc.cache-size=0" })
@DirtiesContext
class DatabaseOutageTest {

	static final ThrowAwayCluster DB = ThrowAwayCluster.start("outage");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** connection-timeout (5 s) and some room for a loaded machine. */
	private static final Duration FAST_ENOUGH = Duration.ofSeconds(12);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	/** This database has the migrations but no data: a tile has no feature (204), the rest answer 200. */
	private static int expected(String path) {
		return path.startsWith("/tiles/") ? 204 : 200;
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", DB::jdbcUrl);
		registry.add("spring.datasource.username", DB::username);
		registry.add("spring.datasource.password", () -> "");
	}

	@AfterAll
	static void destroy() {
		DB.destroy();
	}

	@Test
	void databaseDownIs503AndTheApplicationRecoversWithoutARestart() throws Exception {
		String[] reads = { "/api/zones", "/api/portal/land?minHa=1", "/ogc/collections/zones/items",
				TileClient.path("zones", 10, 106.2, 21.3), "/api/stats/fill-rate?groupBy=province" };
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
		for (String path : reads) {
			assertThat(get(path).statusCode()).as(path).isEqualTo(expected(path));
		}

		DB.stop();

		long t0 = System.nanoTime();
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(JSON.readTree(health.body()).get("status").asString()).isEqualTo("DOWN");
		assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(FAST_ENOUGH);

		// all at once: each waits for the pool's connection timeout (5 s)
		long start = System.nanoTime();
		Map<String, CompletableFuture<HttpResponse<String>>> answers = new LinkedHashMap<>();
		for (String path : reads) {
			answers.put(path, this.client.sendAsync(request(path), HttpResponse.BodyHandlers.ofString()));
		}
		// a write with HTTP Basic: the user cannot be read either, which is no wrong password (401)
		answers.put("PATCH /api/zones/1 as an editor", this.client.sendAsync(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/zones/1"))
					.timeout(Duration.ofSeconds(60))
					.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("editor:secret".getBytes()))
					.header("Content-Type", "application/json")
					.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"nameVi\":\"x\",\"version\":0}"))
					.build(), HttpResponse.BodyHandlers.ofString()));
		for (Map.Entry<String, CompletableFuture<HttpResponse<String>>> answer : answers.entrySet()) {
			String path = answer.getKey();
			HttpResponse<String> response = answer.getValue().get();
			assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(503);
			assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path)
				.startsWith("application/problem+json");
			assertThat(response.headers().firstValue("Retry-After")).as(path).hasValue("5");
			JsonNode problem = JSON.readTree(response.body());
			assertThat(problem.get("status").asInt()).isEqualTo(503);
			assertThat(problem.get("title").asString()).isEqualTo("Database unavailable");
			assertThat(problem.get("type").asString()).isEqualTo("urn:problem:database-unavailable");
			assertThat(response.body()).as(path).doesNotContain("Exception", "trace", "at org.", "jdbc:");
		}
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(took).as("answered in " + took.toMillis() + " ms").isLessThan(FAST_ENOUGH);

		DB.restart();

		// Hikari opens new connections on the next request: no restart, no waiting for a timer.
		long back = System.nanoTime();
		int status = 0;
		while (System.nanoTime() - back < Duration.ofSeconds(30).toNanos()) {
			status = get("/actuator/health").statusCode();
			if (status == 200) {
				break;
			}
			Thread.sleep(200);
		}
		assertThat(status).as("health once PostGIS is back").isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - back)).isLessThan(FAST_ENOUGH);
		for (String path : reads) {
			assertThat(get(path).statusCode()).as(path + " once PostGIS is back").isEqualTo(expected(path));
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.client.send(request(path), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.GET()
			.build();
	}

}
