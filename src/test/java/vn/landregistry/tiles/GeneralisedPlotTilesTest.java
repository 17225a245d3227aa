package vn.landregistry.tiles;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TileClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Plot tiles generalised where plots are too small to see (migrations/V22): zone outlines with their
 * fill rate, plots merged by status, then each plot; the stored merged areas give the same bytes as
 * a tile merging on the fly, and an edit drops them.
 */
class GeneralisedPlotTilesTest extends PostgisTest {

	static final String ZONE = "KCN-QUANG-CHAU";

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	GeneralisedPlots generalised;

	TileClient tiles;

	double lon;

	double lat;

	long zoneId;

	Long lease;

	@BeforeEach
	void zone() {
		this.tiles = new TileClient(this.port);
		Map<String, Object> zone = this.jdbc.sql("""
				SELECT z.id, ST_X(ST_PointOnSurface(p.boundary)) AS lon, ST_Y(ST_PointOnSurface(p.boundary)) AS lat
				  FROM zone z JOIN public_plot p ON p.zone_id = z.id WHERE z.code = :zone ORDER BY p.id LIMIT 1""")
			.param("zone", ZONE).query().singleRow();
		this.zoneId = ((Number) zone.get("id")).longValue();
		this.lon = (Double) zone.get("lon");
		this.lat = (Double) zone.get("lat");
	}

	@AfterEach
	void removeLease() {
		if (this.lease != null) {
			this.jdbc.sql("DELETE FROM lease WHERE id = :id").param("id", this.lease).update();
		}
	}

	@Test
	void zoomedOutAZoneIsOneOutlineWithItsFillRate() {
		Map<String, Object> occupancy = this.jdbc.sql("""
				SELECT CAST(o.occupancy_rate AS float8) AS rate, CAST(o.leased_ha AS float8) AS leased
				  FROM zone_occupancy(mvt_day()) o WHERE o.zone_id = :id""").param("id", this.zoneId).query().singleRow();

		for (int z = 8; z <= 12; z++) {
			List<Mvt.Feature> features = Mvt.decode(this.tiles.get(TileClient.path("plots", z, this.lon, this.lat)).body())
				.layer("plots");
			assertThat(features).as("z%s", z).allSatisfy(f -> assertThat(f.get("level")).isEqualTo("zone"));
			List<Mvt.Feature> ours = features.stream().filter(f -> ZONE.equals(f.get("zone"))).toList();
			assertThat(ours).as("one feature for the zone at z%s", z).hasSize(1);
			Mvt.Feature zone = ours.get(0);
			assertThat(zone.get("mvtId")).as("no feature id: no record").isNull();
			assertThat(zone.attributes()).containsKeys("zoneName", "boundaryAccuracy", "leaseLandHa");
			assertThat(((Number) zone.get("occupancyRate")).doubleValue()).isCloseTo((Double) occupancy.get("rate"), within(1e-6));
			assertThat(((Number) zone.get("leasedHa")).doubleValue()).isCloseTo((Double) occupancy.get("leased"), within(1e-4));
		}
	}

	@Test
	void atZoom13PlotsAreMergedByStatusAndFromZoom14DrawnOneByOne() {
		Map<String, Long> expected = this.jdbc.sql("""
				SELECT plot_status(p.id, p.cleared_on, mvt_day()) AS status, count(*) AS n
				  FROM public_plot p WHERE p.zone_id = :id GROUP BY 1""").param("id", this.zoneId)
			.query((rs, row) -> Map.entry(rs.getString("status"), rs.getLong("n"))).list().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

		List<Mvt.Feature> merged = Mvt.decode(this.tiles.get(TileClient.path("plots", 13, this.lon, this.lat)).body())
			.layer("plots");
		assertThat(merged).allSatisfy(f -> assertThat(f.get("level")).isEqualTo("status"));
		List<Mvt.Feature> ours = merged.stream().filter(f -> ZONE.equals(f.get("zone"))).toList();
		assertThat(ours).extracting(f -> (String) f.get("status")).doesNotHaveDuplicates();
		// every status of the zone whose area reaches the tile, with the zone's whole count
		assertThat(ours).isNotEmpty().allSatisfy(f -> {
			assertThat(f.get("mvtId")).isNull();
			assertThat(f.attributes()).containsKeys("zoneName", "areaHa", "boundaryAccuracy");
			assertThat(((Number) f.get("plotCount")).longValue()).isEqualTo(expected.get((String) f.get("status")));
		});

		List<Mvt.Feature> plots = Mvt.decode(this.tiles.get(TileClient.path("plots", 14, this.lon, this.lat)).body())
			.layer("plots");
		assertThat(plots).isNotEmpty().allSatisfy(f -> {
			assertThat(f.get("level")).isEqualTo("plot");
			assertThat(f.attributes()).containsKeys("mvtId", "code", "status", "zoneName", "areaHa", "landUse");
		});
	}

	@Test
	void storedMergedAreasGiveTheSameBytesAsATileMergingOnTheFly() {
		String[] tiles = { TileClient.path("plots", 10, this.lon, this.lat), TileClient.path("plots", 13, this.lon, this.lat) };
		List<byte[]> onTheFly = Arrays.stream(tiles).map(path -> this.transaction.execute(status -> {
			// the refresh cannot store anything meanwhile; rolled back after
			this.jdbc.sql("LOCK TABLE plot_zone_outline IN EXCLUSIVE MODE").update();
			this.jdbc.sql("DELETE FROM plot_zone_outline").update();
			byte[] tile = sqlTile(path);
			status.setRollbackOnly();
			return tile;
		})).toList();

		fillAll();
		assertThat(storedToday(this.zoneId)).isTrue();
		for (int i = 0; i < tiles.length; i++) {
			assertThat(onTheFly.get(i)).as(tiles[i]).isNotEmpty();
			assertThat(sqlTile(tiles[i])).as(tiles[i]).isEqualTo(onTheFly.get(i));
		}
	}

	@Test
	void aLeaseDropsTheStoredAreasOfItsZoneAndTheTileShowsTheChangeAtOnce() {
		Map<String, Object> plot = this.jdbc.sql("""
				SELECT p.id, plot_status(p.id, p.cleared_on, mvt_day()) AS status,
				       ST_X(ST_PointOnSurface(p.boundary)) AS lon, ST_Y(ST_PointOnSurface(p.boundary)) AS lat
				  FROM public_plot p
				 WHERE p.zone_id = :id AND NOT EXISTS (SELECT 1 FROM lease l WHERE l.plot_id = p.id)
				 ORDER BY p.id LIMIT 1""").param("id", this.zoneId).query().singleRow();
		String was = (String) plot.get("status");
		String path = TileClient.path("plots", 13, (Double) plot.get("lon"), (Double) plot.get("lat"));
		fillAll();
		long before = count(sqlTile(path), was);

		this.lease = this.jdbc.sql("""
				INSERT INTO lease (plot_id, investor_name, signed_on) VALUES (:plot, 'Test tenant', mvt_day() - 1) RETURNING id""")
			.param("plot", plot.get("id")).query(Long.class).single();

		assertThat(storedToday(this.zoneId)).as("the trigger dropped the zone's rows").isFalse();
		assertThat(count(sqlTile(path), was)).as("merged on the fly").isEqualTo(before - 1);
		assertThat(count(sqlTile(path), "LEASED")).isPositive();
		fillAll();
		assertThat(storedToday(this.zoneId)).isTrue();
		assertThat(count(sqlTile(path), was)).as("stored again").isEqualTo(before - 1);

		this.jdbc.sql("UPDATE zone SET name_en = name_en WHERE id = :id").param("id", this.zoneId).update();
		assertThat(storedToday(this.zoneId)).as("a zone edit drops them too").isFalse();
	}

	@Test
	void theRefreshStoresWhatIsMissingAndThenHasNothingToDo() {
		this.jdbc.sql("DELETE FROM plot_zone_outline WHERE zone_id = :id").param("id", this.zoneId).update();
		this.generalised.refresh();
		assertThat(storedToday(this.zoneId)).isTrue();
		assertThat(this.generalised.refreshBatch()).isZero();
		long stored = this.jdbc.sql("SELECT count(*) FROM plot_status_area WHERE zone_id = :id").param("id", this.zoneId)
			.query(Long.class).single();
		long statuses = this.jdbc.sql("""
				SELECT count(DISTINCT plot_status(p.id, p.cleared_on, mvt_day())) FROM public_plot p WHERE p.zone_id = :id""")
			.param("id", this.zoneId).query(Long.class).single();
		assertThat(stored).isEqualTo(statuses);
	}

	@Test
	void tileJsonStatesTheGeneralisationAsTheDatabaseDrawsIt() {
		JsonNode doc = this.http.get("/tiles/plots.json").json();
		assertThat(doc.get("minzoom").asInt()).isEqualTo(8);
		JsonNode ranges = doc.get("generalisation");
		assertThat(ranges).extracting(r -> r.get("level").asString()).containsExactly("zone", "status", "plot");
		int next = doc.get("minzoom").asInt();
		for (JsonNode range : ranges) {
			assertThat(range.get("minzoom").asInt()).isEqualTo(next);
			assertThat(range.get("content").asString()).isNotBlank();
			assertThat(range.get("fields")).extracting(JsonNode::asString).contains("level")
				.allSatisfy(field -> assertThat(doc.get("vector_layers").get(0).get("fields").has(field)).as(field).isTrue());
			for (int z = range.get("minzoom").asInt(); z <= range.get("maxzoom").asInt(); z++) {
				assertThat(this.jdbc.sql("SELECT mvt_plot_level(:z)").param("z", z).query(String.class).single())
					.as("z%s", z).isEqualTo(range.get("level").asString());
			}
			next = range.get("maxzoom").asInt() + 1;
		}
		assertThat(next - 1).isEqualTo(doc.get("maxzoom").asInt());
		assertThat(doc.get("vector_layers").get(0).get("description").asString()).contains("zone: z8–12", "status: z13",
				"plot: z14–22");

		JsonNode listed = this.http.get("/tiles").json().get("layers").get(1);
		assertThat(listed.get("id").asString()).isEqualTo("plots");
		assertThat(listed.get("generalisation")).isEqualTo(ranges);
	}

	private byte[] sqlTile(String path) {
		String[] zxy = path.replaceAll(".*/plots/", "").replace(".mvt", "").split("/");
		return this.jdbc.sql("SELECT mvt_tile('plots', :z, :x, :y)").param("z", Integer.parseInt(zxy[0]))
			.param("x", Integer.parseInt(zxy[1])).param("y", Integer.parseInt(zxy[2])).query(byte[].class).single();
	}

	/**
	 * Until no public zone lacks its rows. A refresh skips the zones another one holds (the
	 * scheduled job, or the tile pyramid's after an edit): those are waited for.
	 */
	private void fillAll() {
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
		while (this.generalised.refreshBatch() > 0 || lacking() > 0) {
			assertThat(System.nanoTime()).as("zones still lack their generalised plots").isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

	private long lacking() {
		return this.jdbc.sql("""
				SELECT count(*) FROM public_zone z
				 WHERE NOT EXISTS (SELECT 1 FROM plot_zone_outline m WHERE m.zone_id = z.id AND m.day = mvt_day())""")
			.query(Long.class).single();
	}

	private boolean storedToday(long zone) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM plot_zone_outline WHERE zone_id = :id AND day = mvt_day())")
			.param("id", zone).query(Boolean.class).single();
	}

	/** The plot count of the zone's merged area of a status in a tile; 0 when it has none. */
	private static long count(byte[] tile, String status) {
		return Mvt.decode(tile).layer("plots").stream()
			.filter(f -> ZONE.equals(f.get("zone")) && status.equals(f.get("status")))
			.mapToLong(f -> ((Number) f.get("plotCount")).longValue()).sum();
	}

}
