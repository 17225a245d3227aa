package vn.landregistry.tiles;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;
import vn.landregistry.support.TileClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tile cache follows edits: the API's, SQL by hand, a transaction that commits late. Only the
 * tiles an edit reaches are made again; a tile far away stays cached with its ETag.
 */
class TileCacheInvalidationTest extends PostgisTest {

	static final int Z = 16;

	@Autowired
	DataSource dataSource;

	TestRegistry registry;

	TileClient tiles;

	long zone;

	long plot;

	long farPlot;

	String near;

	String far;

	@BeforeEach
	void build() {
		this.tiles = new TileClient(this.port);
		this.registry = new TestRegistry(this.jdbc).create();
		this.zone = this.registry.zone("TST-T1", "KCN", TestRegistry.district(1), 100.1, 10.1, new BigDecimal("100"));
		long farZone = this.registry.zone("TST-T2", "KCN", TestRegistry.district(2), 100.8, 10.3, new BigDecimal("100"));
		LocalDate cleared = LocalDate.parse("2020-01-01");
		this.plot = this.registry.plot(this.zone, "A1", 100.1021, 10.1021, 0.002, cleared);
		this.registry.plot(this.zone, "A2", 100.1061, 10.1061, 0.002, cleared);
		this.farPlot = this.registry.plot(farZone, "B1", 100.8021, 10.3021, 0.002, cleared);
		this.near = TileClient.path("plots", Z, 100.1031, 10.1031);
		this.far = TileClient.path("plots", Z, 100.8031, 10.3031);
	}

	@AfterEach
	void clear() {
		this.registry.clear();
	}

	@Test
	void anEditThroughTheApiRemakesTheTilesItTouchesAndOnlyThose() {
		HttpResponse<byte[]> before = cached(this.near);
		HttpResponse<byte[]> farBefore = cached(this.far);
		assertThat(Mvt.decode(before.body()).feature("plots", this.plot).get("status")).isEqualTo("AVAILABLE_CLEAN");

		// a smaller plot, cleared only next year: not cleared today
		String smaller = "{\"type\":\"Polygon\",\"coordinates\":[[[100.1021,10.1021],[100.1031,10.1021],[100.1031,10.1031],"
				+ "[100.1021,10.1031],[100.1021,10.1021]]]}";
		LocalDate nextYear = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusYears(1);
		Http.Response edit = this.editor.send("PATCH", "/api/plots/" + this.plot,
				"{\"version\":0,\"geometry\":" + smaller + ",\"clearedOn\":\"" + nextYear + "\",\"reason\":\"tiles\"}");
		assertThat(edit.status()).as(edit.body()).isEqualTo(200);

		HttpResponse<byte[]> after = this.tiles.get(this.near);
		assertThat(TileClient.header(after, "X-Tile-Cache")).as("not from memory").isNotEqualTo("HIT");
		assertThat(TileClient.header(after, "ETag")).isNotEqualTo(TileClient.header(before, "ETag"));
		Mvt.Feature edited = Mvt.decode(after.body()).feature("plots", this.plot);
		assertThat(edited.get("status")).isEqualTo("AVAILABLE_NOT_CLEARED");
		assertThat(edited.geometry().getArea()).isLessThan(
				Mvt.decode(before.body()).feature("plots", this.plot).geometry().getArea() / 2);

		HttpResponse<byte[]> farAfter = this.tiles.get(this.far);
		assertThat(TileClient.header(farAfter, "X-Tile-Cache")).isEqualTo("HIT");
		assertThat(TileClient.header(farAfter, "ETag")).isEqualTo(TileClient.header(farBefore, "ETag"));
	}

	@Test
	void deletingAndRestoringAPlotRemovesItFromItsTilesAndBringsItBack() {
		cached(this.near);

		Http.Response deleted = this.editor.send("DELETE", "/api/plots/" + this.plot + "?version=0&reason=drawn%20twice", null);
		assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
		HttpResponse<byte[]> hidden = this.tiles.get(this.near);
		assertThat(TileClient.header(hidden, "X-Tile-Cache")).as("not from memory").isNotEqualTo("HIT");
		assertThat(Mvt.decode(hidden.body()).feature("plots", this.plot)).isNull();

		long created = this.editor.get("/api/plots/" + this.plot + "/history").json().get(0).get("id").asLong();
		Http.Response restored = this.editor.postJson("/api/plots/" + this.plot + "/restore",
				"{\"changeId\":" + created + ",\"version\":1,\"reason\":\"deleted by mistake\"}");
		assertThat(restored.status()).as(restored.body()).isEqualTo(200);
		assertThat(Mvt.decode(this.tiles.get(this.near).body()).feature("plots", this.plot)).isNotNull();
	}

	@Test
	void anEditBySqlIsSeenByTheNextRequest() {
		cached(this.near);
		HttpResponse<byte[]> farBefore = cached(this.far);

		this.registry.lease(this.plot, LocalDate.parse("2021-01-01"), null);

		HttpResponse<byte[]> after = this.tiles.get(this.near);
		assertThat(TileClient.header(after, "X-Tile-Cache")).as("not from memory").isNotEqualTo("HIT");
		assertThat(Mvt.decode(after.body()).feature("plots", this.plot).get("status")).isEqualTo("LEASED");
		assertThat(TileClient.header(this.tiles.get(this.far), "ETag")).isEqualTo(TileClient.header(farBefore, "ETag"));
		// the zone's fill rate changed too
		Mvt.Feature zone = Mvt.decode(this.tiles.get(TileClient.path("zones", 14, 100.105, 10.105)).body()).layer("zones").get(0);
		assertThat(((Number) zone.get("leasedHa")).doubleValue()).isPositive();
	}

	@Test
	void aLeaseChangesTheGeneralisedPlotTilesOfTheWholeZone() {
		// z13 draws the zone's plots merged by status, with counts for the whole zone: a tile of the
		// zone that the leased plot does not reach changes too (the zone spans two z13 columns here)
		this.registry.plot(this.zone, "A3", 100.1085, 10.1021, 0.001, LocalDate.parse("2020-01-01"));
		String east = TileClient.path("plots", 13, 100.109, 10.103);
		assertThat(east).isNotEqualTo(TileClient.path("plots", 13, 100.1031, 10.1031));
		assertThat(cleanCount(cached(east))).isEqualTo(3);

		this.registry.lease(this.plot, LocalDate.parse("2021-01-01"), null);

		HttpResponse<byte[]> after = this.tiles.get(east);
		assertThat(TileClient.header(after, "X-Tile-Cache")).as("not from memory").isNotEqualTo("HIT");
		assertThat(cleanCount(after)).isEqualTo(2);
	}

	private static long cleanCount(HttpResponse<byte[]> tile) {
		return Mvt.decode(tile.body()).layer("plots").stream().filter(f -> "AVAILABLE_CLEAN".equals(f.get("status")))
			.mapToLong(f -> ((Number) f.get("plotCount")).longValue()).sum();
	}

	@Test
	void aChangeCommittedAfterALaterOneIsStillSeen() throws Exception {
		cached(this.near);
		try (Connection slow = this.dataSource.getConnection()) {
			slow.setAutoCommit(false);
			try (PreparedStatement update = slow.prepareStatement("UPDATE plot SET cleared_on = NULL WHERE id = ?")) {
				update.setLong(1, this.plot);
				assertThat(update.executeUpdate()).isEqualTo(1); // its history row takes an id now...
			}
			// ...a later change commits first, and a tile request takes it in
			this.jdbc.sql("UPDATE plot SET note = 'later' WHERE id = :id").param("id", this.farPlot).update();
			assertThat(Mvt.decode(this.tiles.get(this.near).body()).feature("plots", this.plot).get("status"))
				.isEqualTo("AVAILABLE_CLEAN");
			slow.commit();
		}

		HttpResponse<byte[]> after = this.tiles.get(this.near);
		assertThat(TileClient.header(after, "X-Tile-Cache")).as("not from memory").isNotEqualTo("HIT");
		assertThat(Mvt.decode(after.body()).feature("plots", this.plot).get("status")).isEqualTo("AVAILABLE_NOT_CLEARED");
	}

	/** Fetches a tile twice: the second answer comes from the cache. */
	private HttpResponse<byte[]> cached(String path) {
		HttpResponse<byte[]> first = this.tiles.get(path);
		assertThat(first.statusCode()).isEqualTo(200);
		HttpResponse<byte[]> second = this.tiles.get(path);
		assertThat(TileClient.header(second, "X-Tile-Cache")).isEqualTo("HIT");
		assertThat(TileClient.header(second, "ETag")).isEqualTo(TileClient.header(first, "ETag"));
		return second;
	}

}
