package vn.landregistry.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A PostGIS cluster of a test's own, started by {@code gis/db} on a free port with its data in a
 * new directory under /var/tmp, for tests that stop, restore or otherwise break their database:
 * never the shared {@link TestDatabase}, which every other test uses. Deleted by {@link #destroy()}
 * or, at the latest, when the JVM exits.
 */
public final class ThrowAwayCluster {

	private final int port;

	private final Path dataDir;

	private volatile boolean destroyed;

	private ThrowAwayCluster(int port, Path dataDir) {
		this.port = port;
		this.dataDir = dataDir;
	}

	/** A new cluster, started, with the registry database and PostGIS in it. */
	public static ThrowAwayCluster start(String name) {
		try {
			Path parent = Path.of("/var/tmp");
			Path dataDir = Files.isDirectory(parent) ? Files.createTempDirectory(parent, "registry-" + name + "-pg-")
					: Files.createTempDirectory("registry-" + name + "-pg-");
			ThrowAwayCluster cluster = new ThrowAwayCluster(freePort(), dataDir);
			Runtime.getRuntime().addShutdownHook(new Thread(cluster::destroy));
			cluster.gisDb("start").requireSuccess();
			return cluster;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot prepare a throw-away cluster", ex);
		}
	}

	public int port() {
		return this.port;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/registry";
	}

	/** The registry role (trusted on loopback: no password). */
	public String username() {
		return "registry";
	}

	public Path dataDir() {
		return this.dataDir;
	}

	public void stop() {
		gisDb("stop").requireSuccess();
	}

	public void restart() {
		gisDb("start").requireSuccess();
	}

	public synchronized void destroy() {
		if (!this.destroyed) {
			this.destroyed = true;
			gisDb("destroy");
		}
	}

	/** Runs {@code gis/db ARGS...} on this cluster; its exit status and output (stdout and stderr). */
	public Result gisDb(String... args) {
		List<String> command = new ArrayList<>(List.of("bash", Path.of("gis", "db").toAbsolutePath().toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(Map.of("REGISTRY_DB_PORT", String.valueOf(this.port), "REGISTRY_DB_DATA",
				this.dataDir.toString()));
		try {
			Process process = builder.start();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("gis/db " + String.join(" ", args) + " did not finish in 5 minutes");
			}
			Result result = new Result(command, process.exitValue(), new String(output, StandardCharsets.UTF_8));
			System.out.print(result.output());
			return result;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot run gis/db", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Result(List<String> command, int status, String output) {

		public Result requireSuccess() {
			if (this.status != 0) {
				throw new IllegalStateException(String.join(" ", this.command) + " failed (" + this.status + "): " + this.output);
			}
			return this;
		}

	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
