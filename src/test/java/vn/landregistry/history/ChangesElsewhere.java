package vn.landregistry.history;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestDatabase;
import vn.landregistry.support.TestRegistry;
import vn.landregistry.support.TileClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Changes made by SQL on a connection of their own, not through the application, and what a
 * cached tile and items page show of them: {@link NotifiedChangesTest}, {@link PolledChangesTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ChangesElsewhere {

	static final Duration SOON = Duration.ofSeconds(1);

	static final Duration GIVE_UP = Duration.ofSeconds(2);

	static final String PAGE = "/ogc/collections/plots/items?bbox=100,10,101,10.5";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ChangeNotifications notifications;

	@Autowired
	MeterRegistry meters;

	final HttpClient client = HttpClient.newHttpClient();

	TestRegistry registry;

	long plot;

	String tile;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgisTest.database(registry);
	}

	@BeforeEach
	void build() throws Exception {
		this.registry = new TestRegistry(this.jdbc).create();
		long zone = this.registry.zone("TST-N", "KCN", TestRegistry.district(1), 100.1, 10.1, new BigDecimal("100"));
		this.plot = this.registry.plot(zone, "A1", 100.1021, 10.1021, 0.002, LocalDate.parse("2020-01-01"));
		this.tile = TileClient.path("plots", 16, 100.1031, 10.1031);
		awaitListening();
	}

	@AfterEach
	void clear() {
		this.registry.clear();
	}

	void cacheBoth() throws Exception {
		get(this.tile);
		get(PAGE);
		double served = leanServed();
		assertThat(cache(get(this.tile), "X-Tile-Cache")).isEqualTo("HIT");
		assertThat(cache(get(PAGE), "X-Cache")).isEqualTo("HIT");
		// both from memory, by the lean path: these requests make the application look at nothing
		assertThat(leanServed()).isEqualTo(served + 2);
	}

	/**
	 * Asks for the tile and the page until they no longer come from memory (the tile may come from
	 * the store, made again after the change), each within a second.
	 */
	void assertChangedSoon() throws Exception {
		long t0 = System.nanoTime();
		Duration tileSeen = null;
		Duration pageSeen = null;
		while (tileSeen == null || pageSeen == null) {
			Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
			if (elapsed.compareTo(GIVE_UP) > 0) {
				fail("the change did not show within " + GIVE_UP + " (tile: " + tileSeen + ", page: " + pageSeen + ")");
			}
			if (tileSeen == null && !"HIT".equals(cache(get(this.tile), "X-Tile-Cache"))) {
				tileSeen = elapsed;
			}
			if (pageSeen == null) {
				HttpResponse<String> page = get(PAGE);
				if ("MISS".equals(cache(page, "X-Cache"))) {
					assertThat(page.body()).contains("LOGISTICS");
					pageSeen = elapsed;
				}
			}
			Thread.sleep(10);
		}
		assertThat(tileSeen).isLessThanOrEqualTo(SOON);
		assertThat(pageSeen).isLessThanOrEqualTo(SOON);
	}

	void awaitListening() throws InterruptedException {
		awaitListening(0);
	}

	/** Waits for a listening connection other than {@code not}'s. */
	void awaitListening(int not) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (this.notifications.backendPid() == 0 || this.notifications.backendPid() == not) {
			if (System.nanoTime() > deadline) {
				fail("the change listener did not connect");
			}
			Thread.sleep(20);
		}
	}

	/** Runs SQL on a connection of its own, not the application's. */
	static void elsewhere(String sql) throws SQLException {
		TestDatabase db = TestDatabase.get();
		try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	HttpResponse<String> get(String path) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	static String cache(HttpResponse<?> response, String header) {
		return response.headers().firstValue(header).orElse(null);
	}

	/** Answers written from memory by the first filter (shared.LeanAnswers), as its metric counts them. */
	private double leanServed() {
		return this.meters.get("registry.cached.answers").functionCounter().count();
	}

}
