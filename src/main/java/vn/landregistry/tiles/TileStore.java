package vn.landregistry.tiles;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tile pyramid kept in PostGIS (table tile_store, migrations/V21): non-empty tiles up to
 * {@link TileProperties#storeMaxZoom()}, each with the day it describes. Makers of tiles hold the
 * advisory lock in shared mode from before mvt_tile() until their insert commits; the deletes
 * after a change hold it exclusively. So no tile made from data older than a change survives that
 * change's delete, whichever instance made it.
 */
@Repository
class TileStore {

	/** Advisory lock of tile_store's writers. */
	static final long LOCK = 0x7469_6c65_7354_6f72L;

	private static final String UNITS = "SELECT count(*) || '/' || coalesce(CAST(max(updated_at) AS text), '') FROM admin_unit";

	private final JdbcClient jdbc;

	private final TransactionTemplate writes;

	private final int maxZoom;

	private static final long SIZE_FOR_NANOS = 5_000_000_000L;

	private volatile Size lastSize;

	private volatile long lastSizeAt;

	TileStore(JdbcClient jdbc, PlatformTransactionManager transactions, TileProperties properties) {
		this.jdbc = jdbc;
		this.writes = new TransactionTemplate(transactions);
		this.writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.maxZoom = properties.store() ? properties.storeMaxZoom() : -1;
	}

	/** Whether tiles of this zoom are kept. */
	boolean keeps(TileAddress address) {
		return address.z() <= this.maxZoom;
	}

	int maxZoom() {
		return this.maxZoom;
	}

	/** The tile as kept for today, if it is. */
	Optional<byte[]> find(TileLayer layer, TileAddress a) {
		return this.jdbc.sql("""
				SELECT tile FROM tile_store WHERE layer = :layer AND z = :z AND x = :x AND y = :y AND day = mvt_day()""")
			.param("layer", layer.id()).param("z", a.z()).param("x", a.x()).param("y", a.y()).query(byte[].class)
			.optional();
	}

	/** Makes the tile now and keeps it when it has features. */
	byte[] make(TileLayer layer, TileAddress a) {
		return this.writes.execute(status -> {
			lockShared();
			byte[] tile = this.jdbc.sql("SELECT mvt_tile(:layer, :z, :x, :y)").param("layer", layer.id())
				.param("z", a.z()).param("x", a.x()).param("y", a.y()).query(byte[].class).single();
			if (tile.length > 0) {
				this.jdbc.sql("""
						INSERT INTO tile_store (layer, z, x, y, day, tile) VALUES (:layer, :z, :x, :y, mvt_day(), :tile)
						ON CONFLICT (layer, z, x, y) DO UPDATE SET day = excluded.day, tile = excluded.tile, made_at = now()""")
					.param("layer", layer.id()).param("z", a.z()).param("x", a.x()).param("y", a.y()).param("tile", tile)
					.update();
			}
			return tile;
		});
	}

	/**
	 * Makes the tiles of one layer and zoom that are not kept for today, and keeps those with
	 * features; answers how many were kept.
	 */
	int fill(TileLayer layer, int z, Collection<int[]> tiles) {
		if (tiles.isEmpty()) {
			return 0;
		}
		Integer[] xs = tiles.stream().map(t -> t[0]).toArray(Integer[]::new);
		Integer[] ys = tiles.stream().map(t -> t[1]).toArray(Integer[]::new);
		return this.writes.execute(status -> {
			lockShared();
			return this.jdbc.sql("""
					INSERT INTO tile_store (layer, z, x, y, day, tile)
					SELECT :layer, :z, t.x, t.y, mvt_day(), m.tile
					  FROM unnest(CAST(:xs AS int[]), CAST(:ys AS int[])) AS t (x, y)
					 CROSS JOIN LATERAL (SELECT mvt_tile(:layer, :z, t.x, t.y) AS tile) m
					 WHERE length(m.tile) > 0
					   AND NOT EXISTS (SELECT 1 FROM tile_store s WHERE s.layer = :layer AND s.z = :z AND s.x = t.x
					                      AND s.y = t.y AND s.day = mvt_day())
					ON CONFLICT (layer, z, x, y) DO UPDATE SET day = excluded.day, tile = excluded.tile, made_at = now()""")
				.param("layer", layer.id()).param("z", z).param("xs", xs).param("ys", ys).update();
		});
	}

	/**
	 * The tiles of a layer at zoom z that its features meet (by their boxes) and that are not kept
	 * for today, ordered by x then y.
	 */
	List<int[]> missing(TileLayer layer, int z) {
		return this.jdbc.sql("SELECT DISTINCT c.x, c.y FROM (" + boxes(layer) + """
				) b CROSS JOIN LATERAL tile_cover(b.box, :z) c
				 WHERE NOT EXISTS (SELECT 1 FROM tile_store s WHERE s.layer = :layer AND s.z = :z AND s.x = c.x
				                      AND s.y = c.y AND s.day = mvt_day())
				 ORDER BY 1, 2""").param("layer", layer.id()).param("z", z)
			.query((rs, row) -> new int[] { rs.getInt(1), rs.getInt(2) }).list();
	}

	/** Boxes (lon/lat) of a layer's features, few and large where the features are many. */
	private static String boxes(TileLayer layer) {
		return switch (layer) {
			case ZONES -> "SELECT CAST(boundary AS box2d) AS box FROM public_zone WHERE boundary IS NOT NULL";
			// the plots of a zone and the zone itself, one box each: a million plots give a thousand boxes
			case PLOTS -> """
					SELECT CAST(ST_Extent(g) AS box2d) AS box FROM (
					  SELECT zone_id, boundary AS g FROM public_plot
					  UNION ALL
					  SELECT id, boundary FROM public_zone WHERE boundary IS NOT NULL) parts GROUP BY zone_id""";
			case CLEARANCE -> "SELECT CAST(boundary AS box2d) AS box FROM public_clearance_phase WHERE boundary IS NOT NULL";
			case DISTRICTS -> "SELECT CAST(boundary AS box2d) AS box FROM admin_unit WHERE level = 'DISTRICT' AND boundary IS NOT NULL";
		};
	}

	/**
	 * Deletes the kept tiles the changes reach (exclusive lock) and answers them, so that they can
	 * be made again. A change is applied once, by the first instance to see it: a tile made after
	 * that already shows it (tile_store_change records the changes applied).
	 */
	List<TileKey> delete(Collection<TileChange> changes) {
		if (changes.isEmpty() || this.maxZoom < 0) {
			return List.of();
		}
		Long[] ids = changes.stream().map(TileChange::historyId).distinct().toArray(Long[]::new);
		return this.writes.execute(status -> {
			lockExclusive();
			Set<Long> fresh = new HashSet<>(this.jdbc.sql("""
					INSERT INTO tile_store_change (history_id) SELECT unnest(CAST(:ids AS bigint[]))
					ON CONFLICT (history_id) DO NOTHING RETURNING history_id""").param("ids", ids).query(Long.class).list());
			Ranges ranges = new Ranges();
			changes.stream().filter(change -> fresh.contains(change.historyId())).forEach(ranges::add);
			if (ranges.layers.isEmpty()) {
				return List.<TileKey>of();
			}
			return this.jdbc.sql("""
					DELETE FROM tile_store s
					 USING unnest(CAST(:layers AS text[]), CAST(:zs AS int[]), CAST(:x0s AS int[]), CAST(:y0s AS int[]),
					              CAST(:x1s AS int[]), CAST(:y1s AS int[])) AS r (layer, z, x0, y0, x1, y1)
					 WHERE s.layer = r.layer AND s.z = r.z AND s.x BETWEEN r.x0 AND r.x1 AND s.y BETWEEN r.y0 AND r.y1
					RETURNING s.layer, s.z, s.x, s.y""")
				.params(ranges.params())
				.query((rs, row) -> new TileKey(TileLayer.find(rs.getString(1)).orElseThrow(),
						new TileAddress(rs.getInt(2), rs.getInt(3), rs.getInt(4))))
				.list();
		});
	}

	/**
	 * Deletes every kept tile (exclusive lock), which applies the changes up to {@code upto}: the
	 * last {@code recent} of them are recorded as applied, so that no other instance deletes again
	 * on their account the tiles made after this.
	 */
	void deleteAll(long upto, int recent) {
		this.writes.executeWithoutResult(status -> {
			lockExclusive();
			this.jdbc.sql("DELETE FROM tile_store").update();
			this.jdbc.sql("""
					INSERT INTO tile_store_change (history_id)
					SELECT id FROM change_history WHERE id > :upto - :recent AND id <= :upto
					ON CONFLICT (history_id) DO NOTHING""").param("upto", upto).param("recent", recent).update();
		});
	}

	/** What the table reflected when last recorded: the last history id and the units; empty at first. */
	Optional<State> state() {
		return this.jdbc.sql("SELECT last_history_id, units FROM tile_store_state WHERE id = 1")
			.query((rs, row) -> new State(rs.getLong(1), rs.getString(2))).optional();
	}

	/** The administrative units as the state records them. */
	String units() {
		return this.jdbc.sql(UNITS).query(String.class).single();
	}

	/**
	 * Records that the table reflects the changes up to {@code lastHistoryId} and the units as they
	 * are; {@code reset} records that id even when a higher one was recorded (the history went back).
	 */
	void recordState(long lastHistoryId, boolean reset) {
		this.writes.executeWithoutResult(status -> {
			this.jdbc.sql("""
					INSERT INTO tile_store_state (id, last_history_id, units) VALUES (1, :last, (%s))
					ON CONFLICT (id) DO UPDATE
					   SET last_history_id = CASE WHEN :reset THEN excluded.last_history_id
					                              ELSE greatest(tile_store_state.last_history_id, excluded.last_history_id) END,
					       units = excluded.units, updated_at = now()""".formatted(UNITS))
				.param("last", lastHistoryId).param("reset", reset).update();
			this.jdbc.sql("DELETE FROM tile_store_change WHERE applied_at < now() - interval '7 days'").update();
		});
	}

	/**
	 * Stores the generalised plots (migrations/V22) of up to {@code zones} zones lacking them for
	 * today, so that plot tiles below the plots' detail zoom are made from them and not merged on the
	 * fly; answers how many zones it stored.
	 */
	int storeGeneralisedPlots(int zones) {
		return this.jdbc.sql("SELECT refresh_plot_status_area(:zones)").param("zones", zones).query(Integer.class).single();
	}

	/** {@link #size()}, as it was at most a few seconds ago: /tiles may be asked often, a count is not free. */
	Size recentSize() {
		long now = System.nanoTime();
		Size last = this.lastSize;
		if (last == null || now - this.lastSizeAt > SIZE_FOR_NANOS) {
			last = size();
			this.lastSize = last;
			this.lastSizeAt = now;
		}
		return last;
	}

	/** The next {@link #recentSize()} counts again. */
	void forgetSize() {
		this.lastSize = null;
	}

	/** Tiles kept for today and the table's size on disk. */
	Size size() {
		return this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE day = mvt_day()), count(*), pg_total_relation_size('tile_store')
				  FROM tile_store""").query((rs, row) -> new Size(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
	}

	private void lockShared() {
		this.jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock_shared(:key)").param("key", LOCK).query(Integer.class).single();
	}

	private void lockExclusive() {
		this.jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(:key)").param("key", LOCK).query(Integer.class).single();
	}

	/** The tile ranges of changes, zoom by zoom up to the store's last, as arrays for SQL. */
	private final class Ranges {

		final List<String> layers = new ArrayList<>();

		final List<Integer> zs = new ArrayList<>();

		final List<Integer> x0s = new ArrayList<>();

		final List<Integer> y0s = new ArrayList<>();

		final List<Integer> x1s = new ArrayList<>();

		final List<Integer> y1s = new ArrayList<>();

		void add(TileChange change) {
			for (TileLayer layer : change.layers()) {
				for (int z = 0; z <= TileStore.this.maxZoom; z++) {
					int[] range = change.range(z);
					if (range[0] <= range[2] && range[1] <= range[3]) {
						this.layers.add(layer.id());
						this.zs.add(z);
						this.x0s.add(range[0]);
						this.y0s.add(range[1]);
						this.x1s.add(range[2]);
						this.y1s.add(range[3]);
					}
				}
			}
		}

		Map<String, Object> params() {
			return Map.of("layers", this.layers.toArray(String[]::new), "zs", this.zs.toArray(Integer[]::new), "x0s",
					this.x0s.toArray(Integer[]::new), "y0s", this.y0s.toArray(Integer[]::new), "x1s",
					this.x1s.toArray(Integer[]::new), "y1s", this.y1s.toArray(Integer[]::new));
		}

	}

	record State(long lastHistoryId, String units) {
	}

	/** Tiles kept for today, all rows, bytes on disk (table, index and TOAST). */
	record Size(long current, long rows, long bytes) {
	}

}
