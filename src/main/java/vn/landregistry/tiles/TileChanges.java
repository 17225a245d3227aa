package vn.landregistry.tiles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.landregistry.shared.RegistryChanges;

/**
 * Keeps the tile cache in step with the registry ({@link RegistryChanges}): before each tile is
 * served the watch tells whether change_history rows appeared since the last look; if so,
 * the tiles their old and new geometry reach are evicted, in the layers they change. A change of
 * the administrative units or of the day (statuses are today's, {@code mvt_day()}) empties the
 * cache. Any change empties the TileJSON documents.
 */
@Component
class TileChanges {

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

	private final JdbcClient jdbc;

	private final TileCache cache;

	private final TileJsonCache documents;

	private final RegistryChanges.Watch watch;

	TileChanges(JdbcClient jdbc, TileCache cache, TileJsonCache documents, RegistryChanges changes) {
		this.jdbc = jdbc;
		this.cache = cache;
		this.documents = documents;
		this.watch = changes.watch("mvt_day()", this::apply);
	}

	/**
	 * Brings the cache up to what the database holds now (at least as of this call): no query
	 * unless a change was notified or this instance is writing (then one small query, shared by
	 * the requests that arrive while it runs).
	 */
	void catchUp() {
		this.watch.catchUp();
	}

	private void apply(RegistryChanges.Changed changed) {
		this.documents.clear(); // bounds and feature counts
		if (changed.everything() || changed.rows() > MAX_ROWS) {
			this.cache.clear();
		}
		else {
			this.cache.evict(changes(changed));
		}
	}

	private List<TileChange> changes(RegistryChanges.Changed changed) {
		List<TileChange> changes = new ArrayList<>();
		this.jdbc.sql(CHANGED_AREAS).params(changed.params()).query(rs -> {
			String table = rs.getString("table_name");
			Area own = area(rs, "own");
			Area zone = area(rs, "zone");
			switch (table) {
				case "plot", "lease" -> {
					add(changes, EnumSet.of(TileLayer.PLOTS), own);
					add(changes, EnumSet.of(TileLayer.ZONES), zone); // fill rates
				}
				case "clearance_phase" -> add(changes, EnumSet.of(TileLayer.CLEARANCE), own);
				default -> add(changes, ALL, own); // a zone: its plots and phases show its code and state
			}
		});
		return changes;
	}

	private static void add(List<TileChange> changes, Set<TileLayer> layers, Area area) {
		if (area != null) {
			changes.add(new TileChange(layers, area));
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
