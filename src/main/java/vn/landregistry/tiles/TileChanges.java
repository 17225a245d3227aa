package vn.landregistry.tiles;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the tile cache in step with the registry. Every change of a zone, plot, lease or
 * clearance phase leaves a row in change_history (a trigger: the API, SQL by hand and imports
 * alike), so before each tile is served one cheap query tells whether rows appeared since the
 * last look; if so, the tiles their old and new geometry reach are evicted, in the layers they
 * change. A change of the administrative units or of the day (statuses are today's) empties the
 * cache.
 * <p>
 * History ids are taken when a row is written but seen when its transaction commits, so a lower
 * id can appear after a higher one: the ids missing below the last one seen are awaited until
 * every transaction that was running when they were missed has ended.
 */
@Component
class TileChanges {

	/** Beyond this many new history rows at once (an import), the whole cache goes. */
	private static final int MAX_ROWS = 5_000;

	/** How far back the first look awaits missing ids. */
	private static final int FIRST_LOOK_DEPTH = 10_000;

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
			 WHERE h.id > :after AND h.id <= :upto OR h.id = ANY (CAST(:appeared AS bigint[]))
			""";

	private static final String MISSING_IDS = """
			SELECT g FROM generate_series(CAST(:after AS bigint) + 1, CAST(:upto AS bigint)) g
			EXCEPT
			SELECT id FROM change_history WHERE id > :after AND id <= :upto""";

	private final JdbcClient jdbc;

	private final TileCache cache;

	private final TransactionTemplate snapshot;

	private final FreshRuns runs = new FreshRuns(this::check);

	/** What the cache reflects; replaced whole, by one check at a time. */
	private volatile Seen seen;

	TileChanges(JdbcClient jdbc, TileCache cache, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.cache = cache;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
	}

	/**
	 * Brings the cache up to what the database holds now (at least as of this call): one small
	 * query when nothing changed, shared by the requests that arrive while it runs.
	 */
	void catchUp() {
		this.runs.run();
	}

	private void check() {
		Seen current = this.seen;
		if (current == null || !current.reflects(stamp(current))) {
			this.seen = this.snapshot.execute(status -> advance(this.seen));
		}
	}

	private Seen advance(Seen previous) {
		if (previous == null) {
			HistoryStamp stamp = stamp(Seen.NONE);
			this.cache.clear();
			Map<Long, Long> awaited = missing(Math.max(0, stamp.lastId() - FIRST_LOOK_DEPTH), stamp);
			return new Seen(stamp.lastId(), stamp.units(), stamp.day(), Map.copyOf(awaited));
		}
		HistoryStamp stamp = stamp(previous);
		if (previous.reflects(stamp)) {
			return previous;
		}
		long newRows = stamp.lastId() - previous.lastId();
		if (!stamp.units().equals(previous.units()) || !stamp.day().equals(previous.day()) || newRows > MAX_ROWS) {
			this.cache.clear();
		}
		else if (newRows > 0 || !stamp.appeared().isEmpty()) {
			this.cache.evict(changes(previous.lastId(), stamp));
		}
		Map<Long, Long> awaited = new HashMap<>(previous.awaited());
		stamp.appeared().forEach(awaited::remove);
		awaited.values().removeIf(xmax -> xmax <= stamp.xmin()); // their transactions ended: rolled back
		awaited.putAll(missing(previous.lastId(), stamp));
		return new Seen(stamp.lastId(), stamp.units(), stamp.day(), Map.copyOf(awaited));
	}

	private HistoryStamp stamp(Seen seen) {
		return this.jdbc.sql(HistoryStamp.SQL).param("awaited", array(seen.awaited().keySet()))
			.query((rs, row) -> new HistoryStamp(rs.getLong("last_id"), rs.getString("units"),
					rs.getObject("day", LocalDate.class), longs(rs.getArray("appeared")), rs.getLong("xmin"),
					rs.getLong("xmax")))
			.single();
	}

	/** Ids after {@code after} up to the stamp's last that this snapshot does not see, with its xmax. */
	private Map<Long, Long> missing(long after, HistoryStamp stamp) {
		Map<Long, Long> missing = new HashMap<>();
		if (stamp.lastId() > after) {
			this.jdbc.sql(MISSING_IDS).param("after", after).param("upto", stamp.lastId()).query(Long.class).list()
				.forEach(id -> missing.put(id, stamp.xmax()));
		}
		return missing;
	}

	private List<TileChange> changes(long after, HistoryStamp stamp) {
		List<TileChange> changes = new ArrayList<>();
		this.jdbc.sql(CHANGED_AREAS).param("after", after).param("upto", stamp.lastId())
			.param("appeared", array(stamp.appeared())).query(rs -> {
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

	private static List<Long> longs(Array array) throws SQLException {
		return Arrays.asList((Long[]) array.getArray());
	}

	private static String array(Collection<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	/**
	 * The last history id the cache reflects, the units and day it was made for, and the missing
	 * ids below the last one, each with the snapshot xmax of when it was found missing.
	 */
	private record Seen(long lastId, String units, LocalDate day, Map<Long, Long> awaited) {

		static final Seen NONE = new Seen(0, "", null, Map.of());

		boolean reflects(HistoryStamp stamp) {
			return stamp.lastId() == this.lastId && stamp.units().equals(this.units) && stamp.day().equals(this.day)
					&& stamp.appeared().isEmpty()
					&& this.awaited.values().stream().noneMatch(xmax -> xmax <= stamp.xmin());
		}

	}

}
