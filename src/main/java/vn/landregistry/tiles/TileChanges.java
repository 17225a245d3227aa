package vn.landregistry.tiles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.landregistry.history.RegistryChanges;

/**
 * Keeps the tile cache in step with the registry ({@link RegistryChanges}): before each tile is
 * served the watch tells whether change_history rows appeared since the last look; if so,
 * the tiles their old and new geometry reach are evicted, in the layers they change. A change of
 * the administrative units or of the day (statuses are today's, {@code mvt_day()}) empties the
 * cache. Any change empties the TileJSON documents.
 */
@Component
class TileChanges {

	private static final Logger log = LoggerFactory.getLogger(TileChanges.class);

	/** Beyond this many new history rows at once (an import), the whole cache goes. */
	private static final int MAX_ROWS = 5_000;

	private static final Set<TileLayer> ALL = EnumSet.allOf(TileLayer.class);

	private static final String CHANGED_AREAS = """
			SELECT h.id, h.table_name, ST_XMin(o.e) AS own_w, ST_YMin(o.e) AS own_s, ST_XMax(o.e) AS own_e, ST_YMax(o.e) AS own_n,
			       ST_XMin(z.e) AS zone_w, ST_YMin(z.e) AS zone_s, ST_XMax(z.e) AS zone_e, ST_YMax(z.e) AS zone_n
			  FROM change_history h
			 CROSS JOIN LATERAL (SELECT CAST(h.old_values ->> 'plot_id' AS bigint) AS old_plot,
			                            CAST(h.new_values ->> 'plot_id' AS bigint) AS new_plot) l
			 CROSS JOIN LATERAL (
			       SELECT ST_Extent(g) AS e FROM (
			         SELECT ST_GeomFromGeoJSON(v -> 'boundary') AS g FROM (VALUES (h.old_values), (h.new_values)) AS r (v)
			          WHERE jsonb_typeof(v -> 'boundary') = 'object'
			         UNION ALL
			         SELECT p.boundary FROM plot p WHERE h.table_name = 'lease' AND p.id IN (l.old_plot, l.new_plot)) own) o
			 CROSS JOIN LATERAL (
			       SELECT ST_Extent(zo.boundary) AS e FROM zone zo
			        WHERE h.table_name IN ('plot', 'lease')
			          AND zo.id IN (SELECT CAST(v ->> 'zone_id' AS bigint) FROM (VALUES (h.old_values), (h.new_values)) AS r (v)
			                        UNION ALL
			                        SELECT p.zone_id FROM plot p WHERE h.table_name = 'lease' AND p.id IN (l.old_plot, l.new_plot))) z
			 WHERE """ + RegistryChanges.Changed.ROWS;

	/**
	 * At start, the history rows before the store's recorded last one that are looked at again:
	 * ids are taken at write and seen at commit, so a few below it may have committed after it.
	 */
	private static final int CATCH_UP_MARGIN = 1_000;

	private final JdbcClient jdbc;

	private final TileCache cache;

	private final TileStore store;

	private final TilePyramid pyramid;

	private final TileJsonCache documents;

	private final RegistryChanges.Watch watch;

	TileChanges(JdbcClient jdbc, TileCache cache, TileStore store, TilePyramid pyramid, TileJsonCache documents,
			RegistryChanges changes) {
		this.jdbc = jdbc;
		this.cache = cache;
		this.store = store;
		this.pyramid = pyramid;
		this.documents = documents;
		this.watch = changes.watch("mvt_day()", this::apply);
	}

	/**
	 * The first look at start: the store catches up with changes made while no instance ran, then
	 * the pyramid is seeded (the seeding must not come before it: the first look may empty the store).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void started() {
		try {
			catchUp();
		}
		catch (DataAccessException ex) {
			log.warn("Tiles: the first look at the registry's changes failed; the first tile request will try again: {}",
					ex.toString());
		}
	}

	/**
	 * Brings the cache up to what the database holds now (at least as of this call): no query
	 * unless a change was notified or this instance is writing (then one small query, shared by
	 * the requests that arrive while it runs).
	 */
	void catchUp() {
		this.watch.catchUp();
	}

	/**
	 * The store goes first, then memory: a request that finds a tile missing in memory after the
	 * eviction reads the store as it is after the delete. The deleted tiles are made again in the
	 * background.
	 */
	private void apply(RegistryChanges.Changed changed) {
		this.documents.clear(); // bounds and feature counts
		if (changed.everything()) {
			catchUpStore(changed.upto());
			this.cache.clear();
		}
		else if (changed.rows() > MAX_ROWS) {
			this.store.deleteAll(changed.upto(), MAX_ROWS);
			this.store.recordState(changed.upto(), false);
			this.cache.clear();
			this.pyramid.seedLater();
		}
		else {
			List<TileChange> changes = changes(changed.params());
			List<TileKey> deleted = this.store.delete(changes);
			this.store.recordState(changed.upto(), false);
			this.cache.evict(changes);
			this.pyramid.remakeLater(deleted);
		}
	}

	/**
	 * At start, after the day changed, the units changed or the history went back (a restore): the
	 * store keeps what no change since its recorded state reached, and is seeded again.
	 */
	private void catchUpStore(long upto) {
		if (this.store.maxZoom() < 0) {
			return;
		}
		Optional<TileStore.State> state = this.store.state();
		long after = state.map(s -> Math.max(0, s.lastHistoryId() - CATCH_UP_MARGIN)).orElse(0L);
		boolean unknown = state.isEmpty() || !state.get().units().equals(this.store.units())
				|| upto < state.get().lastHistoryId() || upto - after > MAX_ROWS;
		if (unknown) {
			this.store.deleteAll(upto, MAX_ROWS);
		}
		else if (upto > after) {
			this.store.delete(changes(Map.of("after", after, "upto", upto, "appeared", "{}")));
		}
		this.store.recordState(upto, unknown);
		this.pyramid.seedLater();
	}

	private List<TileChange> changes(Map<String, Object> rows) {
		List<TileChange> changes = new ArrayList<>();
		this.jdbc.sql(CHANGED_AREAS).params(rows).query(rs -> {
			long id = rs.getLong("id");
			String table = rs.getString("table_name");
			Area own = area(rs, "own");
			Area zone = area(rs, "zone");
			switch (table) {
				case "plot", "lease" -> {
					add(changes, id, EnumSet.of(TileLayer.PLOTS), own);
					add(changes, id, EnumSet.of(TileLayer.ZONES), zone); // fill rates
					// below the plots' detail zoom, plot tiles draw whole zones (outlines, areas by status)
					if (zone != null) {
						changes.add(new TileChange(id, EnumSet.of(TileLayer.PLOTS), zone, TileLayer.PLOTS.detailZoom() - 1));
					}
				}
				case "clearance_phase" -> add(changes, id, EnumSet.of(TileLayer.CLEARANCE), own);
				default -> add(changes, id, ALL, own); // a zone: its plots and phases show its code and state
			}
		});
		return changes;
	}

	private static void add(List<TileChange> changes, long id, Set<TileLayer> layers, Area area) {
		if (area != null) {
			changes.add(new TileChange(id, layers, area));
		}
	}

	private static Area area(ResultSet rs, String prefix) throws SQLException {
		double west = rs.getDouble(prefix + "_w");
		if (rs.wasNull()) {
			return null;
		}
		return new Area(west, rs.getDouble(prefix + "_s"), rs.getDouble(prefix + "_e"), rs.getDouble(prefix + "_n"));
	}

}
