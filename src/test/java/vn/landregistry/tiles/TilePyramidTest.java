package vn.landregistry.tiles;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;
import vn.landregistry.support.TileClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published pyramid is seeded into PostGIS in the background, served from there when memory
 * does not hold a tile, and an edit deletes the kept tiles it reaches, which are made again soon.
 * The store's last zoom is 14 here, to keep the seeding short on the demo data.
 */
@TestPropertySource(properties = { "registry.tiles.seed=true", "registry.tiles.store-max-zoom=14" })
class TilePyramidTest extends PostgisTest {

	static final int MAX_ZOOM = 14;

	TileClient tiles;

	TestRegistry registry;

	@BeforeEach
	void seeded() throws InterruptedException {
		this.tiles = new TileClient(this.port);
		this.registry = new TestRegistry(this.jdbc);
		// a tile request takes in what changed since the last (units of other tests: the store is seeded again)
		this.tiles.get("/tiles/zones/0/0/0.mvt");
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		JsonNode pyramid = this.http.get("/tiles").json().get("pyramid");
		while (!"READY".equals(pyramid.get("state").asString()) && Instant.now().isBefore(deadline)) {
			assertThat(pyramid.get("state").asString()).isIn("IDLE", "SEEDING");
			Thread.sleep(500);
			pyramid = this.http.get("/tiles").json().get("pyramid");
		}
		assertThat(pyramid.get("state").asString()).as(pyramid.toString()).isEqualTo("READY");
	}

	@AfterEach
	void clear() {
		this.registry.clear();
	}

	@Test
	void everyLayerIsKeptWhereItsFeaturesAreAsMvtTileMakesItToday() {
		for (TileLayer layer : TileLayer.values()) {
			Integer[] zooms = this.jdbc.sql("SELECT DISTINCT z FROM tile_store WHERE layer = :layer AND day = mvt_day() ORDER BY 1")
				.param("layer", layer.id()).query(Integer.class).list().toArray(Integer[]::new);
			assertThat(zooms).as(layer.id()).isNotEmpty();
			assertThat(zooms[zooms.length - 1]).as(layer.id()).isEqualTo(MAX_ZOOM);
		}
		// at every zoom, the tile holding a point of each public zone is kept where it has features,
		// and at the store's last zoom the tile holding a point of each public plot
		String uncovered = """
				SELECT count(*) FROM (
				  SELECT zz AS z, floor((ST_X(pt) + 180) / 360 * 2 ^ zz) AS x,
				         floor((1 - ln(tan(radians(ST_Y(pt))) + 1 / cos(radians(ST_Y(pt)))) / pi()) / 2 * 2 ^ zz) AS y
				    FROM (SELECT ST_PointOnSurface(boundary) AS pt FROM %s) f CROSS JOIN generate_series(:from, :max) zz) t
				 WHERE length(mvt_tile(:layer, t.z, CAST(t.x AS int), CAST(t.y AS int))) > 0
				   AND NOT EXISTS (SELECT 1 FROM tile_store s WHERE s.layer = :layer AND s.z = t.z AND s.x = t.x AND s.y = t.y
				                      AND s.day = mvt_day())""";
		assertThat(this.jdbc.sql(uncovered.formatted("public_zone WHERE boundary IS NOT NULL")).param("layer", "zones")
			.param("from", 0).param("max", MAX_ZOOM).query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql(uncovered.formatted("public_plot")).param("layer", "plots").param("from", MAX_ZOOM)
			.param("max", MAX_ZOOM).query(Long.class).single()).isZero();
		long keptZones = this.jdbc.sql("SELECT count(*) FROM tile_store WHERE layer = 'zones' AND day = mvt_day()")
			.query(Long.class).single();
		assertThat(keptZones).as("zones kept at several zooms").isGreaterThan(MAX_ZOOM);
		long differing = this.jdbc.sql("SELECT count(*) FROM tile_store WHERE tile IS DISTINCT FROM mvt_tile(layer, z, x, y)")
			.query(Long.class).single();
		assertThat(differing).isZero();
		long empty = this.jdbc.sql("SELECT count(*) FROM tile_store WHERE length(tile) = 0").query(Long.class).single();
		assertThat(empty).isZero();

		JsonNode pyramid = this.http.get("/tiles").json().get("pyramid");
		long kept = this.jdbc.sql("SELECT count(*) FROM tile_store WHERE day = mvt_day()").query(Long.class).single();
		assertThat(pyramid.get("storedTiles").asLong()).isEqualTo(kept);
		assertThat(pyramid.get("storedBytes").asLong()).isPositive();
		assertThat(pyramid.get("storeMaxZoom").asInt()).isEqualTo(MAX_ZOOM);
	}

	@Test
	void aKeptTileIsServedFromTheStoreThenFromMemory() {
		int[] kept = this.jdbc.sql("""
				SELECT z, x, y FROM tile_store WHERE layer = 'zones' AND z = 12 AND day = mvt_day() ORDER BY length(tile) DESC LIMIT 1""")
			.query((rs, row) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3) }).single();
		String path = "/tiles/zones/" + kept[0] + "/" + kept[1] + "/" + kept[2] + ".mvt";
		byte[] stored = this.jdbc.sql("SELECT tile FROM tile_store WHERE layer = 'zones' AND z = :z AND x = :x AND y = :y")
			.param("z", kept[0]).param("x", kept[1]).param("y", kept[2]).query(byte[].class).single();

		HttpResponse<byte[]> first = this.tiles.get(path);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(TileClient.header(first, "X-Tile-Cache")).isEqualTo("STORE");
		assertThat(first.body()).isEqualTo(stored);
		HttpResponse<byte[]> second = this.tiles.get(path);
		assertThat(TileClient.header(second, "X-Tile-Cache")).isEqualTo("HIT");
		assertThat(TileClient.header(second, "ETag")).isEqualTo(TileClient.header(first, "ETag"));
	}

	@Test
	void anEditDeletesTheKeptTilesItReachesOnlyAndTheyAreMadeAgain() throws InterruptedException {
		this.registry.create();
		long zone = this.registry.zone("TST-P1", "KCN", TestRegistry.district(1), 100.1, 10.1, new BigDecimal("100"));
		long farZone = this.registry.zone("TST-P2", "KCN", TestRegistry.district(2), 100.8, 10.3, new BigDecimal("100"));
		LocalDate cleared = LocalDate.parse("2020-01-01");
		long plot = this.registry.plot(zone, "A1", 100.1021, 10.1021, 0.002, cleared);
		this.registry.plot(farZone, "B1", 100.8021, 10.3021, 0.002, cleared);
		String near = TileClient.path("plots", MAX_ZOOM, 100.1031, 10.1031);
		String far = TileClient.path("plots", MAX_ZOOM, 100.8031, 10.3031);
		assertThat(Mvt.decode(this.tiles.get(near).body()).feature("plots", plot)).isNotNull();
		this.tiles.get(far);
		Instant farMade = madeAt(far);
		assertThat(stored(near)).as("a tile made on demand is kept").isNotNull();

		LocalDate nextYear = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusYears(1);
		Http.Response edit = this.editor.send("PATCH", "/api/plots/" + plot,
				"{\"version\":0,\"clearedOn\":\"" + nextYear + "\",\"reason\":\"pyramid\"}");
		assertThat(edit.status()).as(edit.body()).isEqualTo(200);

		HttpResponse<byte[]> after = this.tiles.get(near);
		assertThat(TileClient.header(after, "X-Tile-Cache")).isNotEqualTo("HIT");
		assertThat(Mvt.decode(after.body()).feature("plots", plot).get("status")).isEqualTo("AVAILABLE_NOT_CLEARED");
		// made again in the background within 2 s, as it is now
		Instant deadline = Instant.now().plusSeconds(2);
		while (!Arrays.equals(stored(near), after.body()) && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}
		assertThat(stored(near)).isEqualTo(after.body());
		assertThat(madeAt(far)).as("a tile the edit does not reach stays as it was").isEqualTo(farMade);
	}

	private byte[] stored(String path) {
		String[] p = path.replace(".mvt", "").split("/");
		return this.jdbc.sql("SELECT tile FROM tile_store WHERE layer = :layer AND z = :z AND x = :x AND y = :y")
			.param("layer", p[2]).param("z", Integer.parseInt(p[3])).param("x", Integer.parseInt(p[4]))
			.param("y", Integer.parseInt(p[5])).query(byte[].class).optional().orElse(null);
	}

	private Instant madeAt(String path) {
		String[] p = path.replace(".mvt", "").split("/");
		return this.jdbc.sql("SELECT made_at FROM tile_store WHERE layer = :layer AND z = :z AND x = :x AND y = :y")
			.param("layer", p[2]).param("z", Integer.parseInt(p[3])).param("x", Integer.parseInt(p[4]))
			.param("y", Integer.parseInt(p[5])).query(java.sql.Timestamp.class).single().toInstant();
	}

}
