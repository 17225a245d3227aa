package vn.landregistry.tiles;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.landregistry.LandRegistryApplication;
import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestDatabase;
import vn.landregistry.support.TestRegistry;
import vn.landregistry.support.TileClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one database, as behind a load balancer: the test's own (A) and a
 * second one started here (B). They serve the same tiles byte for byte, B does not start cold on
 * tiles A made (the store in PostGIS), and an edit through A shows in B's tiles within the
 * staleness bound, without B being told by anything but the database.
 */
class TwoInstancesTest extends PostgisTest {

	/** The edit must show in the other instance's tiles by then (issue 16: within 2 s). */
	static final Duration BOUND = Duration.ofSeconds(2);

	static ConfigurableApplicationContext second;

	TileClient a;

	TileClient b;

	TestRegistry registry;

	long zone;

	long plot;

	@BeforeAll
	static void startSecondInstance() {
		TestDatabase db = TestDatabase.get();
		second = new SpringApplicationBuilder(LandRegistryApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.username(),
				"--spring.datasource.password=" + db.password());
	}

	@AfterAll
	static void stopSecondInstance() {
		if (second != null) {
			second.close();
		}
	}

	@BeforeEach
	void build() {
		this.a = new TileClient(this.port);
		this.b = new TileClient(Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));
		this.registry = new TestRegistry(this.jdbc).create();
		this.zone = this.registry.zone("TST-I1", "KCN", TestRegistry.district(1), 100.1, 10.1, new BigDecimal("100"));
		this.plot = this.registry.plot(this.zone, "A1", 100.1021, 10.1021, 0.002, LocalDate.parse("2020-01-01"));
		this.registry.plot(this.zone, "A2", 100.1061, 10.1061, 0.002, LocalDate.parse("2020-01-01"));
	}

	@AfterEach
	void clear() {
		this.registry.clear();
	}

	@Test
	void bothServeTheSameTilesAndTheSecondDoesNotStartCold() {
		List<String> paths = List.of(TileClient.path("plots", 16, 100.1031, 10.1031), TileClient.path("plots", 14, 100.1031, 10.1031),
				TileClient.path("zones", 12, 100.1031, 10.1031), TileClient.path("zones", 9, 106.2, 21.3),
				TileClient.path("districts", 10, 106.2, 21.3));
		for (String path : paths) {
			HttpResponse<byte[]> fromA = this.a.get(path);
			assertThat(fromA.statusCode()).as(path).isEqualTo(200);
			HttpResponse<byte[]> fromB = this.b.get(path);
			assertThat(fromB.statusCode()).as(path).isEqualTo(200);
			assertThat(fromB.body()).as(path).isEqualTo(fromA.body());
			assertThat(TileClient.header(fromB, "ETag")).as(path).isEqualTo(TileClient.header(fromA, "ETag"));
			assertThat(TileClient.header(fromB, "X-Tile-Cache")).as(path + ": made by A, kept in PostGIS").isEqualTo("STORE");
		}
	}

	@Test
	void anEditThroughOneShowsInTheOthersTilesWithinTheBound() throws InterruptedException {
		String near = TileClient.path("plots", 16, 100.1031, 10.1031);
		byte[] before = this.a.get(near).body();
		this.b.get(near);
		HttpResponse<byte[]> held = this.b.get(near);
		assertThat(TileClient.header(held, "X-Tile-Cache")).isEqualTo("HIT");
		assertThat(Mvt.decode(held.body()).feature("plots", this.plot).get("status")).isEqualTo("AVAILABLE_CLEAN");

		LocalDate nextYear = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusYears(1);
		Http.Response edit = this.editor.send("PATCH", "/api/plots/" + this.plot,
				"{\"version\":0,\"clearedOn\":\"" + nextYear + "\",\"reason\":\"two instances\"}");
		assertThat(edit.status()).as(edit.body()).isEqualTo(200);
		Instant edited = Instant.now();

		HttpResponse<byte[]> fromB = this.b.get(near);
		while (Mvt.decode(fromB.body()).feature("plots", this.plot).get("status").equals("AVAILABLE_CLEAN")
				&& Duration.between(edited, Instant.now()).compareTo(BOUND) < 0) {
			Thread.sleep(20);
			fromB = this.b.get(near);
		}
		assertThat(Mvt.decode(fromB.body()).feature("plots", this.plot).get("status"))
			.as("B's tile %s after the edit through A", BOUND).isEqualTo("AVAILABLE_NOT_CLEARED");
		HttpResponse<byte[]> fromA = this.a.get(near);
		assertThat(fromB.body()).isEqualTo(fromA.body()).isNotEqualTo(before);
	}

}
