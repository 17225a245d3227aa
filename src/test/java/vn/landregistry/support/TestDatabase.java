package vn.landregistry.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The PostGIS every integration test uses, started once per test run: a Testcontainers
 * container when a Docker engine answers, otherwise a throw-away cluster started by the
 * project's own {@code gis/db} on a free port and deleted when the JVM exits.
 */
public final class TestDatabase {

	private static TestDatabase instance;

	private final String jdbcUrl;

	private final String username;

	private final String password;

	private final String superuser;

	private final String superuserPassword;

	private TestDatabase(String jdbcUrl, String username, String password, String superuser, String superuserPassword) {
		this.jdbcUrl = jdbcUrl;
		this.username = username;
		this.password = password;
		this.superuser = superuser;
		this.superuserPassword = superuserPassword;
	}

	public static synchronized TestDatabase get() {
		if (instance == null) {
			instance = dockerAvailable() ? startContainer() : startLocalCluster();
		}
		return instance;
	}

	public String jdbcUrl() {
		return this.jdbcUrl;
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

	/** A role that may create databases and extensions. */
	public String superuser() {
		return this.superuser;
	}

	public String superuserPassword() {
		return this.superuserPassword;
	}

	/** The JDBC URL of another database on the same server. */
	public String jdbcUrl(String database) {
		return this.jdbcUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
	}

	private static boolean dockerAvailable() {
		if (Boolean.getBoolean("registry.test.no-docker")) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	@SuppressWarnings("resource") // stopped by Testcontainers' own reaper at JVM exit
	private static TestDatabase startContainer() {
		DockerImageName image = DockerImageName.parse("postgis/postgis:15-3.4").asCompatibleSubstituteFor("postgres");
		PostgreSQLContainer container = new PostgreSQLContainer(image).withDatabaseName("registry")
			.withUsername("registry")
			.withPassword("registry");
		container.start();
		return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
				container.getUsername(), container.getPassword());
	}

	private static TestDatabase startLocalCluster() {
		try {
			int port = freePort();
			Path dataDir = Files.createTempDirectory("registry-test-pg-");
			Map<String, String> env = Map.of("REGISTRY_DB_PORT", String.valueOf(port), "REGISTRY_DB_DATA",
					dataDir.toString());
			run(env, "start");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> run(env, "destroy")));
			return new TestDatabase("jdbc:postgresql://127.0.0.1:" + port + "/registry", "registry", "", "postgres", "");
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot prepare the test database", ex);
		}
	}

	private static void run(Map<String, String> env, String command) {
		ProcessBuilder builder = new ProcessBuilder(List.of("bash", script().toString(), command)).inheritIO();
		builder.environment().putAll(env);
		try {
			Process process = builder.start();
			if (!process.waitFor(Duration.ofMinutes(5).toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("gis/db " + command + " did not finish in 5 minutes");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException("gis/db " + command + " failed with exit code " + process.exitValue());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot run gis/db " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while running gis/db " + command, ex);
		}
	}

	private static Path script() {
		Path script = Path.of("gis", "db").toAbsolutePath();
		if (!Files.isRegularFile(script)) {
			throw new IllegalStateException("gis/db not found at " + script + "; run the tests from the repository root");
		}
		return script;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
