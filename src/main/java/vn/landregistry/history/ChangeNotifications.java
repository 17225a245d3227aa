package vn.landregistry.history;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on the channel registry_changes (the history trigger notifies it when a change commits,
 * migrations/V20) over a connection of its own, outside the pool, on a daemon thread: on each
 * notification every cache's watch is marked dirty and brought up to date at once, off the
 * request path. It also does so every registry.changes.poll without notification, which bounds
 * how stale a cache may be when a notification is lost (the connection dropped, another
 * database) and notices the day changing. A dropped connection is opened again with back-off;
 * an outage is logged once.
 */
@Component
class ChangeNotifications implements SmartLifecycle {

	static final String CHANNEL = "registry_changes";

	/** Its connections' application_name, to tell them apart in pg_stat_activity. */
	static final String APPLICATION_NAME = "registry-change-listener";

	private static final Logger log = LoggerFactory.getLogger(ChangeNotifications.class);

	private static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);

	private final RegistryChanges changes;

	private final JdbcConnectionDetails database;

	private final long pollMillis;

	private volatile boolean running;

	private volatile Thread thread;

	private volatile Connection connection;

	/** The listening connection's server process (0: none). */
	private volatile int backendPid;

	private final AtomicLong notifications = new AtomicLong();

	ChangeNotifications(RegistryChanges changes, JdbcConnectionDetails database,
			@Value("${registry.changes.poll:1s}") Duration poll) {
		this.changes = changes;
		this.database = database;
		this.pollMillis = Math.max(1, poll.toMillis());
	}

	@Override
	public void start() {
		this.running = true;
		Thread listener = new Thread(this::listen, "registry-changes");
		listener.setDaemon(true);
		this.thread = listener;
		listener.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread listener = this.thread;
		if (listener == null) {
			return;
		}
		listener.interrupt();
		close(); // ends a wait on the socket
		try {
			listener.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.thread = null;
	}

	/** Notifications received so far. */
	long notifications() {
		return this.notifications.get();
	}

	int backendPid() {
		return this.backendPid;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		Outage outage = new Outage();
		while (this.running) {
			try {
				if (this.connection == null && outage.mayRetry()) {
					this.connection = connect();
					outage.ended();
				}
				if (this.connection != null) {
					waitForNotifications();
				}
				else {
					Thread.sleep(Math.min(this.pollMillis, outage.untilRetry()));
				}
			}
			catch (SQLException ex) {
				close();
				if (!this.running) {
					break;
				}
				outage.began(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (RuntimeException ex) {
				log.warn("change listener: {}", ex.toString());
			}
			if (this.running) {
				this.changes.refresh();
			}
		}
		close();
	}

	/** Returns on a notification or after the poll interval; throws when the connection is gone. */
	private void waitForNotifications() throws SQLException {
		PGNotification[] received = this.connection.unwrap(PGConnection.class).getNotifications((int) this.pollMillis);
		if (received != null && received.length > 0) {
			this.notifications.addAndGet(received.length);
		}
		else if (!this.connection.isValid(2)) {
			throw new SQLException("the listening connection no longer answers");
		}
	}

	private Connection connect() throws SQLException {
		Properties properties = new Properties();
		if (this.database.getUsername() != null) {
			properties.setProperty("user", this.database.getUsername());
		}
		if (this.database.getPassword() != null) {
			properties.setProperty("password", this.database.getPassword());
		}
		properties.setProperty("ApplicationName", APPLICATION_NAME);
		properties.setProperty("tcpKeepAlive", "true");
		properties.setProperty("connectTimeout", "5");
		Connection opened = DriverManager.getConnection(this.database.getJdbcUrl(), properties);
		try (Statement listen = opened.createStatement()) {
			listen.execute("LISTEN " + CHANNEL);
			this.backendPid = opened.unwrap(PGConnection.class).getBackendPID();
		}
		catch (SQLException ex) {
			opened.close();
			throw ex;
		}
		return opened;
	}

	private void close() {
		Connection open = this.connection;
		this.connection = null;
		this.backendPid = 0;
		if (open != null) {
			try {
				open.close();
			}
			catch (SQLException ex) {
				// gone already
			}
		}
	}

	/** When to try connecting again, and whether the outage was logged. */
	private static final class Outage {

		private long backOffMillis;

		private long retryAt;

		private boolean logged;

		boolean mayRetry() {
			return System.currentTimeMillis() >= this.retryAt;
		}

		long untilRetry() {
			return Math.max(1, this.retryAt - System.currentTimeMillis());
		}

		void began(SQLException ex) {
			this.backOffMillis = Math.min(MAX_BACK_OFF.toMillis(), Math.max(250, this.backOffMillis * 2));
			this.retryAt = System.currentTimeMillis() + this.backOffMillis;
			if (!this.logged) {
				log.warn("change notifications lost ({}); the caches look at the database every registry.changes.poll "
						+ "until the listening connection is back", ex.getMessage());
				this.logged = true;
			}
		}

		void ended() {
			if (this.logged) {
				log.info("change notifications are back");
			}
			this.backOffMillis = 0;
			this.retryAt = 0;
			this.logged = false;
		}

	}

}
