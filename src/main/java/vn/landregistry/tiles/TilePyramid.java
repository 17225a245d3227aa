package vn.landregistry.tiles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Keeps the published tile pyramid in {@link TileStore} warm, in one background thread: seeded at
 * start and after the day changes (every layer from its first zoom to the store's last, the tiles
 * its features meet), and the tiles an edit reached made again soon after it. One instance at a
 * time seeds (a session advisory lock); the others serve meanwhile, from the store or by making
 * tiles on demand.
 */
@Component
class TilePyramid implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(TilePyramid.class);

	/** Session advisory lock of the instance that seeds. */
	private static final long SEED_LOCK = TileStore.LOCK + 1;

	/** Tiles made per transaction. */
	private static final int BATCH = 32;

	/** Zones whose generalised plots are stored per transaction. */
	private static final int GENERALISED_BATCH = 10;

	private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

	private static final List<TileLayer> ORDER = List.of(TileLayer.ZONES, TileLayer.DISTRICTS, TileLayer.CLEARANCE,
			TileLayer.PLOTS);

	private final TileStore store;

	private final DataSource dataSource;

	private final boolean seed;

	private final ExecutorService seeder = worker("tile-pyramid-seed");

	/** Apart from the seeder, so that edited tiles are made again at once, even while seeding. */
	private final ExecutorService remaker = worker("tile-pyramid-remake");

	private final AtomicBoolean seedPending = new AtomicBoolean();

	private volatile Progress progress = Progress.IDLE;

	TilePyramid(TileStore store, DataSource dataSource, TileProperties properties) {
		this.store = store;
		this.dataSource = dataSource;
		this.seed = properties.seed() && store.maxZoom() >= 0;
	}

	/** Seeds in the background (once, however often asked while a seeding waits). */
	void seedLater() {
		if (this.seed && this.seedPending.compareAndSet(false, true)) {
			this.seeder.execute(() -> {
				this.progress = this.progress.pending(); // SEEDING from now on, until it ends
				this.seedPending.set(false);
				run("seeding", this::seedOnce);
			});
		}
	}

	/** Makes these tiles again in the background (the store may have them by then: they are skipped). */
	void remakeLater(Collection<TileKey> keys) {
		if (keys.isEmpty()) {
			return;
		}
		Map<TileLayer, Map<Integer, List<int[]>>> byLayerAndZoom = keys.stream()
			.collect(Collectors.groupingBy(TileKey::layer, Collectors.groupingBy(key -> key.address().z(),
					Collectors.mapping(key -> new int[] { key.address().x(), key.address().y() }, Collectors.toList()))));
		this.remaker.execute(() -> run("remaking edited tiles", () -> {
			if (byLayerAndZoom.containsKey(TileLayer.PLOTS)) {
				storeGeneralisedPlots();
			}
			byLayerAndZoom.forEach((layer, zooms) -> zooms.forEach((z, tiles) -> this.store.fill(layer, z, tiles)));
		}));
	}

	/** Where seeding stands; SEEDING too while a seeding waits to begin. */
	Progress progress() {
		Progress now = this.progress;
		return this.seedPending.get() && now.state() != State.SEEDING ? now.pending() : now;
	}

	private void run(String what, Runnable task) {
		try {
			task.run();
		}
		catch (RuntimeException ex) {
			log.warn("Tile pyramid: {} failed; tiles are made on demand meanwhile: {}", what, ex.toString());
			if (this.progress.state() == State.SEEDING) {
				this.progress = this.progress.failed();
			}
		}
	}

	private void seedOnce() {
		try (Connection connection = this.dataSource.getConnection()) {
			if (!advisory(connection, "pg_try_advisory_lock")) {
				this.progress = Progress.IDLE.elsewhere();
				log.info("Tile pyramid: another instance is seeding it");
				return;
			}
			try {
				seedLocked();
			}
			finally {
				advisory(connection, "pg_advisory_unlock");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("no connection for the tile pyramid's lock", ex);
		}
	}

	private void seedLocked() {
		Instant started = Instant.now();
		Instant reported = started;
		this.progress = new Progress(State.SEEDING, started, null, 0, 0, null);
		log.info("Tile pyramid: seeding layers {} up to zoom {}", ORDER.stream().map(TileLayer::id).toList(),
				this.store.maxZoom());
		long kept = 0;
		long made = 0;
		for (TileLayer layer : ORDER) {
			if (layer == TileLayer.PLOTS) {
				int zones = storeGeneralisedPlots();
				log.info("Tile pyramid: generalised plots stored for {} zones ({} s)", zones,
						Duration.between(started, Instant.now()).toSeconds());
			}
			for (int z = layer.minZoom(); z <= this.store.maxZoom(); z++) {
				List<int[]> missing = this.store.missing(layer, z);
				for (int i = 0; i < missing.size(); i += BATCH) {
					List<int[]> batch = missing.subList(i, Math.min(missing.size(), i + BATCH));
					kept += this.store.fill(layer, z, batch);
					made += batch.size();
					this.progress = new Progress(State.SEEDING, started, null, made, kept, layer.id() + " z" + z);
					if (Duration.between(reported, Instant.now()).compareTo(PROGRESS_EVERY) >= 0) {
						reported = Instant.now();
						log.info("Tile pyramid: {} z{}: {} of {} tiles; {} made, {} kept so far ({} s)", layer.id(), z,
								i + batch.size(), missing.size(), made, kept,
								Duration.between(started, reported).toSeconds());
					}
				}
			}
		}
		Instant finished = Instant.now();
		this.store.forgetSize();
		this.progress = new Progress(State.READY, started, finished, made, kept, null);
		TileStore.Size size = this.store.size();
		log.info("Tile pyramid: seeded in {} s: {} tiles made, {} kept; the store holds {} tiles of today, {} bytes",
				Duration.between(started, finished).toMillis() / 1000.0, made, kept, size.current(), size.bytes());
	}

	/** The generalised plots of every zone lacking them, stored before plot tiles are made from them. */
	private int storeGeneralisedPlots() {
		int stored = 0;
		int batch;
		do {
			batch = this.store.storeGeneralisedPlots(GENERALISED_BATCH);
			stored += batch;
		}
		while (batch > 0);
		return stored;
	}

	private static boolean advisory(Connection connection, String function) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
			statement.setLong(1, SEED_LOCK);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.seeder.shutdownNow();
		this.remaker.shutdownNow();
		this.seeder.awaitTermination(5, TimeUnit.SECONDS);
		this.remaker.awaitTermination(5, TimeUnit.SECONDS);
	}

	private static ExecutorService worker(String name) {
		return Executors.newSingleThreadExecutor(runnable -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		});
	}

	enum State {
		/** Not seeded by this instance (seeding off, or not begun). */
		IDLE,
		/** Another instance holds the seeding lock. */
		ELSEWHERE, SEEDING, READY, FAILED
	}

	/** Where seeding stands: tiles made (features or not) and kept (with features), where it is now. */
	record Progress(State state, Instant started, Instant finished, long made, long kept, String at) {

		static final Progress IDLE = new Progress(State.IDLE, null, null, 0, 0, null);

		Progress elsewhere() {
			return new Progress(State.ELSEWHERE, null, null, 0, 0, null);
		}

		Progress pending() {
			return new Progress(State.SEEDING, this.started, null, 0, 0, "waiting to begin");
		}

		Progress failed() {
			return new Progress(State.FAILED, this.started, Instant.now(), this.made, this.kept, this.at);
		}

		Double seconds() {
			return this.started == null ? null
					: Duration.between(this.started, this.finished == null ? Instant.now() : this.finished).toMillis() / 1000.0;
		}

	}

}
