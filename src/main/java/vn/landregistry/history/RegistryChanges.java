package vn.landregistry.history;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the caches of public data (tiles, OGC API pages) what changed in the registry since they
 * last looked. Every change of a zone, plot, lease or clearance phase leaves a row in
 * change_history (a trigger: the API, SQL by hand and imports alike); the administrative units,
 * which have no history, are watched by their count and last update; and a cache may name the day
 * its content describes (statuses are today's).
 * <p>
 * Each cache keeps a {@link Watch} and calls {@link Watch#catchUp()} before it serves a request.
 * A watch looks at the database (one small query, shared by the requests that arrive while it
 * runs: {@link FreshRuns}) only when it may be behind: when it was marked dirty since its last
 * look, or while a write of this instance is in flight. It is marked dirty when PostgreSQL
 * notifies a committed change ({@link ChangeNotifications}, which also looks at once, off the
 * request path, and every registry.changes.poll even without notification: the day, a dropped
 * connection), and when this instance may have written: a write request ended ({@link #writeEnded()}),
 * a pooled connection was handed back ({@link ConnectionReturns}), {@link #touched()}:
 * this instance reads its own writes at once, others' within the poll interval, usually within
 * milliseconds. When something changed, the watch reads what in one REPEATABLE READ snapshot and
 * hands it to the cache's listener inside that snapshot.
 * <p>
 * History ids are taken when a row is written but seen when its transaction commits, so a lower id
 * can appear after a higher one: the ids missing below the last one seen are awaited until every
 * transaction that was running when they were missed has ended.
 */
@Component
public class RegistryChanges {

	/** How far back the first look awaits missing ids. */
	private static final int FIRST_LOOK_DEPTH = 10_000;

	private static final String MISSING_IDS = """
			SELECT g FROM generate_series(CAST(:after AS bigint) + 1, CAST(:upto AS bigint)) g
			EXCEPT
			SELECT id FROM change_history WHERE id > :after AND id <= :upto""";

	private final JdbcClient jdbc;

	private final TransactionTemplate snapshot;

	private final List<Watch> watches = new CopyOnWriteArrayList<>();

	/** HTTP writes of this instance that have begun and not ended. */
	private final AtomicInteger writesInFlight = new AtomicInteger();

	/** Set while a watch looks, on its thread: its own connections are no news. */
	private static final ThreadLocal<Boolean> LOOKING = new ThreadLocal<>();

	RegistryChanges(JdbcClient jdbc, PlatformTransactionManager transactions, ConnectionReturns returns) {
		returns.onReturn(this::connectionReturned);
		this.jdbc = jdbc;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
	}

	/**
	 * A watch for one cache. {@code day} is the SQL of the day the cache's content describes (a
	 * date, e.g. {@code mvt_day()}), or null when its content does not depend on the day.
	 * {@code listener} is told of the changes, in order, one call per look that found some.
	 */
	public Watch watch(String day, Consumer<Changed> listener) {
		Watch watch = new Watch(ChangeStamp.sql(day), listener);
		this.watches.add(watch);
		return watch;
	}

	/**
	 * Tells the watches that this instance committed a change: their next catch-up looks. Handing
	 * back a pooled connection does it ({@link ConnectionReturns}); call it after a commit made
	 * otherwise.
	 */
	public void touched() {
		this.watches.forEach(Watch::markDirty);
	}

	private void connectionReturned() {
		if (LOOKING.get() == null) {
			touched();
		}
	}

	/** A write request begins: until it ends, every catch-up looks (the commit may come at any time). */
	void writeStarted() {
		this.writesInFlight.incrementAndGet();
	}

	/** A write request ended: what it committed is looked for by the next catch-up of each watch. */
	void writeEnded() {
		touched();
		this.writesInFlight.decrementAndGet();
	}

	/** Marks every watch dirty and brings each up to date now (on the caller's thread); answers whether all could look. */
	boolean refresh() {
		boolean all = true;
		for (Watch watch : this.watches) {
			watch.markDirty();
			try {
				watch.catchUp();
			}
			catch (RuntimeException ex) {
				all = false;
			}
		}
		return all;
	}

	/** What one cache has seen of the registry. */
	public final class Watch {

		private final String stampSql;

		private final Consumer<Changed> listener;

		private final FreshRuns runs = new FreshRuns(this::check);

		/** What the cache reflects; replaced whole, by one check at a time. */
		private volatile Seen seen;

		/** Counts the marks: a look that began after the last mark clears it. */
		private final AtomicLong marks = new AtomicLong(1);

		/** The mark count when the last successful look began. */
		private volatile long lookedAt;

		private Watch(String stampSql, Consumer<Changed> listener) {
			this.stampSql = stampSql;
			this.listener = listener;
		}

		/**
		 * Returns once the listener was told of every change this instance committed before this
		 * call, and of those of others that were notified or polled before it (and maybe of later
		 * ones). No query unless the watch was marked dirty or a write is in flight.
		 */
		public void catchUp() {
			if (this.lookedAt == this.marks.get() && RegistryChanges.this.writesInFlight.get() == 0) {
				return;
			}
			this.runs.run();
		}

		void markDirty() {
			this.marks.incrementAndGet();
		}

		private void check() {
			long mark = this.marks.get();
			LOOKING.set(Boolean.TRUE);
			try {
				Seen current = this.seen;
				if (current == null || !current.reflects(stamp(current))) {
					this.seen = RegistryChanges.this.snapshot.execute(status -> advance(this.seen));
				}
			}
			finally {
				LOOKING.remove();
			}
			this.lookedAt = mark;
		}

		private Seen advance(Seen previous) {
			if (previous == null) {
				ChangeStamp stamp = stamp(Seen.NONE);
				this.listener.accept(new Changed(true, stamp.lastId(), stamp.lastId(), List.of()));
				Map<Long, Long> awaited = missing(Math.max(0, stamp.lastId() - FIRST_LOOK_DEPTH), stamp);
				return new Seen(stamp.lastId(), stamp.units(), stamp.day(), Map.copyOf(awaited));
			}
			ChangeStamp stamp = stamp(previous);
			if (previous.reflects(stamp)) {
				return previous;
			}
			boolean everything = !stamp.units().equals(previous.units()) || !Objects.equals(stamp.day(), previous.day())
					|| stamp.lastId() < previous.lastId();
			if (everything || stamp.lastId() > previous.lastId() || !stamp.appeared().isEmpty()) {
				this.listener.accept(new Changed(everything, previous.lastId(), Math.max(previous.lastId(), stamp.lastId()),
						stamp.appeared()));
			}
			Map<Long, Long> awaited = new HashMap<>(previous.awaited());
			stamp.appeared().forEach(awaited::remove);
			awaited.values().removeIf(xmax -> xmax <= stamp.xmin()); // their transactions ended: rolled back
			awaited.putAll(missing(previous.lastId(), stamp));
			return new Seen(stamp.lastId(), stamp.units(), stamp.day(), Map.copyOf(awaited));
		}

		private ChangeStamp stamp(Seen seen) {
			return RegistryChanges.this.jdbc.sql(this.stampSql).param("awaited", array(seen.awaited().keySet()))
				.query((rs, row) -> new ChangeStamp(rs.getLong("last_id"), rs.getString("units"),
						rs.getObject("day", LocalDate.class), longs(rs.getArray("appeared")), rs.getLong("xmin"),
						rs.getLong("xmax")))
				.single();
		}

		/** Ids after {@code after} up to the stamp's last that this snapshot does not see, with its xmax. */
		private Map<Long, Long> missing(long after, ChangeStamp stamp) {
			Map<Long, Long> missing = new HashMap<>();
			if (stamp.lastId() > after) {
				RegistryChanges.this.jdbc.sql(MISSING_IDS).param("after", after).param("upto", stamp.lastId())
					.query(Long.class).list().forEach(id -> missing.put(id, stamp.xmax()));
			}
			return missing;
		}

	}

	/**
	 * What a look found: either {@link #everything()} (the first look, the administrative units or
	 * the day changed: forget all), or the new change_history rows, {@link #ROWS} with
	 * {@link #params()}: those after {@link #after()} up to {@link #upto()}, and the awaited ones that
	 * {@link #appeared()}. Read them within the listener call (its snapshot).
	 */
	public final class Changed {

		/** SQL condition on change_history aliased {@code h}: the rows found; bind {@link #params()}. */
		public static final String ROWS = "(h.id > :after AND h.id <= :upto OR h.id = ANY (CAST(:appeared AS bigint[])))";

		private final boolean everything;

		private final long after;

		private final long upto;

		private final List<Long> appeared;

		private Set<String> tables;

		private Changed(boolean everything, long after, long upto, List<Long> appeared) {
			this.everything = everything;
			this.after = after;
			this.upto = upto;
			this.appeared = List.copyOf(appeared);
		}

		public boolean everything() {
			return this.everything;
		}

		public long after() {
			return this.after;
		}

		public long upto() {
			return this.upto;
		}

		public List<Long> appeared() {
			return this.appeared;
		}

		/** How many rows were found at most (the range and the awaited ones that appeared). */
		public long rows() {
			return this.upto - this.after + this.appeared.size();
		}

		public Map<String, Object> params() {
			return Map.of("after", this.after, "upto", this.upto, "appeared", array(this.appeared));
		}

		/** The tables the rows record changes of (zone, plot, lease, clearance_phase). */
		public Set<String> tables() {
			if (this.tables == null) {
				this.tables = new TreeSet<>(RegistryChanges.this.jdbc
					.sql("SELECT DISTINCT h.table_name FROM change_history h WHERE " + ROWS).params(params())
					.query(String.class).list());
			}
			return this.tables;
		}

	}

	private static List<Long> longs(Array array) throws SQLException {
		return Arrays.asList((Long[]) array.getArray());
	}

	private static String array(Collection<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	/**
	 * The last history id a cache reflects, the units and day it was made for, and the missing ids
	 * below the last one, each with the snapshot xmax of when it was found missing.
	 */
	private record Seen(long lastId, String units, LocalDate day, Map<Long, Long> awaited) {

		static final Seen NONE = new Seen(0, "", null, Map.of());

		boolean reflects(ChangeStamp stamp) {
			return stamp.lastId() == this.lastId && stamp.units().equals(this.units) && Objects.equals(stamp.day(), this.day)
					&& stamp.appeared().isEmpty()
					&& this.awaited.values().stream().noneMatch(xmax -> xmax <= stamp.xmin());
		}

	}

}
