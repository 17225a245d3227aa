import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator of bench/map-services: replays a fixed list of requests against an HTTP server
 * (MapServer behind lighttpd, or the application) or of tiles against PostgreSQL over JDBC (the raw
 * SQL floor), with a few concurrent clients, and reports throughput and latency. Java 17,
 * single-file source; the HTTP side is a minimal blocking HTTP/1.1 client with one keep-alive
 * connection per client thread (cheaper than the JDK HttpClient, so that the client takes as little
 * of the shared CPUs as possible), talking to 127.0.0.1 only.
 *
 * <pre>
 * bench/run-java MapLoad http --name NAME --base http://127.0.0.1:PORT --list FILE [--warmup-list FILE]
 *     [--expect-type application/vnd.mapbox-vector-tile] [--count-header X-Tile-Cache]
 *     [--concurrency 4] [--rounds 1] [--min-seconds 0] [--limit-seconds 60]
 *     --out results.tsv [--tags-out tags.tsv] [--hook 'command']
 * java -cp postgresql.jar bench/MapLoad.java sql --name NAME --jdbc jdbc:postgresql://127.0.0.1:5544/registry
 *     --user registry --sql "SELECT mvt_tile('plots', ?, ?, ?)" --list FILE [same options]
 * bench/run-java MapLoad mvt FILE...     # feature count of every layer of each tile
 * bench/run-java MapLoad json FILE...    # numberMatched, numberReturned and the features of each page
 * </pre>
 *
 * A list holds one request a line, {@code TAG<TAB>TARGET}: TARGET is a path (http) or {@code z x y}
 * (sql, bound to the three ? of --sql); TAG groups the latencies in --tags-out (the zoom level, say).
 * The warm-up list is sent first, not measured. A pass sends the list in order, --rounds times, and
 * more rounds while under --min-seconds; it stops issuing requests after --limit-seconds (a request
 * still running then gets 10 s more). A status other than 200/204, a Content-Type that does not start
 * with --expect-type (MapServer reports its errors as 200 text/html), a timeout or an I/O error is an
 * error; its latency still counts. A 200 with an empty body is counted apart (empty). Around the pass
 * it runs {@code HOOK before NAME} and {@code HOOK after NAME}. It appends one line to --out: name,
 * requests, errors, seconds, req/s, p50, p95, p99, max (ms), mean body bytes, error summary,
 * time-limit cut, client CPU ms per request, empty bodies, values of --count-header, rounds.
 */
public class MapLoad {

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			usage();
		}
		switch (args[0]) {
			case "http", "sql" -> System.exit(pass(args[0], options(Arrays.copyOfRange(args, 1, args.length))));
			case "mvt" -> System.exit(mvt(Arrays.copyOfRange(args, 1, args.length)));
			case "json" -> System.exit(json(Arrays.copyOfRange(args, 1, args.length)));
			default -> usage();
		}
	}

	private static void usage() {
		System.err.println("usage: bench/run-java MapLoad http|sql|mvt|json ... (see the comment at the top)");
		System.exit(2);
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> opts = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				System.err.println("MapLoad: bad argument " + args[i]);
				usage();
			}
			opts.put(args[i].substring(2), args[++i]);
		}
		return opts;
	}

	private static String required(Map<String, String> opts, String name) {
		String value = opts.get(name);
		if (value == null) {
			System.err.println("MapLoad: --" + name + " is required");
			usage();
		}
		return value;
	}

	record Request(String tag, String target) {
	}

	static List<Request> list(String file) throws IOException {
		List<Request> requests = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of(file))) {
			if (line.isBlank()) {
				continue;
			}
			int tab = line.indexOf('\t');
			requests.add(tab < 0 ? new Request("-", line) : new Request(line.substring(0, tab), line.substring(tab + 1)));
		}
		return requests;
	}

	// ---------------------------------------------------------------- a pass

	private static int pass(String kind, Map<String, String> opts) throws Exception {
		String name = required(opts, "name");
		List<Request> requests = list(required(opts, "list"));
		List<Request> warmup = opts.containsKey("warmup-list") ? list(opts.get("warmup-list")) : List.of();
		int concurrency = Integer.parseInt(opts.getOrDefault("concurrency", "4"));
		int rounds = Integer.parseInt(opts.getOrDefault("rounds", "1"));
		long minNanos = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("min-seconds", "0"))).toNanos();
		long limitNanos = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("limit-seconds", "60"))).toNanos();
		Path out = Path.of(required(opts, "out"));
		String hook = opts.get("hook");
		Target target = kind.equals("http")
				? new HttpTarget(URI.create(required(opts, "base")), opts.get("expect-type"), opts.get("count-header"))
				: new SqlTarget(required(opts, "jdbc"), opts.getOrDefault("user", "registry"), required(opts, "sql"));

		if (!warmup.isEmpty()) {
			Pass warm = new Pass(target, warmup, concurrency, 1, 0, Duration.ofSeconds(60).toNanos());
			warm.execute();
			System.err.printf(Locale.ROOT, "  %-22s warm-up: %d requests in %.1f s, %d errors%s%n", name, warm.done.get(),
					warm.elapsedNanos / 1e9, warm.errors.get(), warm.firstError != null ? " (" + warm.firstError + ")" : "");
		}
		if (hook != null && !hook(hook, "before", name)) {
			return 1;
		}
		long cpu0 = processCpuNanos();
		Pass pass = new Pass(target, requests, concurrency, rounds, minNanos, limitNanos);
		pass.execute();
		long cpu = processCpuNanos() - cpu0;
		if (hook != null && !hook(hook, "after", name)) {
			return 1;
		}
		target.close();

		int done = pass.done.get();
		long[] latencies = Arrays.copyOf(pass.latencies, done);
		Arrays.sort(latencies);
		double seconds = pass.elapsedNanos / 1e9;
		String line = String.join("\t", name, Integer.toString(done), Integer.toString(pass.errors.get()), fmt(seconds, 2),
				fmt(done / seconds, 1), ms(percentile(latencies, 50)), ms(percentile(latencies, 95)),
				ms(percentile(latencies, 99)), ms(done == 0 ? -1 : latencies[done - 1]),
				Long.toString(done == 0 ? 0 : pass.bytes.get() / done), summary(pass.errorKinds),
				pass.cutShort ? "time-limit" : "-", done == 0 || cpu < 0 ? "-" : fmt(cpu / 1e6 / done, 2),
				Integer.toString(pass.empty.get()), summary(pass.headerValues), Integer.toString(pass.roundsStarted.get()));
		Files.writeString(out, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		if (opts.containsKey("tags-out")) {
			StringBuilder sb = new StringBuilder();
			pass.byTag().forEach((tag, values) -> {
				long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
				sb.append(String.join("\t", name, tag, Integer.toString(v.length), ms(percentile(v, 50)), ms(percentile(v, 95)))).append('\n');
			});
			Files.writeString(Path.of(opts.get("tags-out")), sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		System.err.printf(Locale.ROOT, "  %-22s %d requests in %.1f s (%d round%s), %d errors, %d empty%s%n", name, done,
				seconds, pass.roundsStarted.get(), pass.roundsStarted.get() == 1 ? "" : "s", pass.errors.get(), pass.empty.get(),
				pass.headerValues.isEmpty() ? "" : ", " + opts.get("count-header") + ": " + summary(pass.headerValues));
		if (pass.firstError != null) {
			System.err.printf(Locale.ROOT, "  %-22s first error: %s%n", name, pass.firstError);
		}
		return 0;
	}

	/** Runs {@code hook before|after NAME}; false when it fails. */
	private static boolean hook(String hook, String when, String name) throws IOException, InterruptedException {
		int rc = new ProcessBuilder("bash", "-c", hook + " " + when + " " + name).inheritIO().start().waitFor();
		if (rc != 0) {
			System.err.println("MapLoad: hook '" + hook + " " + when + " " + name + "' failed with status " + rc);
		}
		return rc == 0;
	}

	private static long processCpuNanos() {
		if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
				instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return -1;
	}

	private static String summary(Map<String, Integer> counts) {
		synchronized (counts) {
			if (counts.isEmpty()) {
				return "-";
			}
			StringBuilder sb = new StringBuilder();
			counts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(k).append(" x").append(v));
			return sb.toString();
		}
	}

	/** What one request gave: its body size, and an error (null when none). */
	record Outcome(long bytes, String error, String detail, String header) {
	}

	/** Where requests go; one {@link Client} per thread. */
	interface Target {

		Client client() throws Exception;

		default void close() {
		}

	}

	interface Client extends AutoCloseable {

		Outcome send(String target, long timeoutNanos) throws Exception;

		@Override
		void close();

	}

	/** A list of requests sent by a few threads, a number of rounds, stopped at a deadline. */
	static final class Pass {

		final Target target;

		final List<Request> requests;

		final int concurrency;

		final int rounds;

		final long minNanos;

		final long limitNanos;

		long[] latencies;

		int[] tags;

		final AtomicLong next = new AtomicLong();

		final AtomicInteger done = new AtomicInteger();

		final AtomicInteger errors = new AtomicInteger();

		final AtomicInteger empty = new AtomicInteger();

		final AtomicInteger roundsStarted = new AtomicInteger();

		final AtomicLong bytes = new AtomicLong();

		final Map<String, Integer> errorKinds = new TreeMap<>();

		final Map<String, Integer> headerValues = new TreeMap<>();

		volatile String firstError;

		volatile boolean cutShort;

		long elapsedNanos;

		long start;

		Pass(Target target, List<Request> requests, int concurrency, int rounds, long minNanos, long limitNanos) {
			this.target = target;
			this.requests = requests;
			this.concurrency = concurrency;
			this.rounds = Math.max(1, rounds);
			this.minNanos = minNanos;
			this.limitNanos = limitNanos;
			this.latencies = new long[requests.size() * this.rounds];
			this.tags = new int[this.latencies.length];
		}

		void execute() throws InterruptedException {
			this.start = System.nanoTime();
			long deadline = this.start + this.limitNanos;
			List<Thread> threads = new ArrayList<>();
			for (int t = 0; t < this.concurrency; t++) {
				Thread thread = new Thread(() -> work(deadline), "mapload-" + t);
				thread.start();
				threads.add(thread);
			}
			for (Thread thread : threads) {
				thread.join();
			}
			this.elapsedNanos = System.nanoTime() - this.start;
		}

		/** The index of the next request, or -1 when the pass is over (rounds done, or the deadline). */
		private long take(long now, long deadline) {
			long i = this.next.getAndIncrement();
			int n = this.requests.size();
			if (n == 0) {
				return -1;
			}
			long round = i / n;
			boolean more = round < this.rounds || now - this.start < this.minNanos;
			if (!more) {
				return -1;
			}
			if (now >= deadline) {
				this.cutShort = true;
				return -1;
			}
			if (i % n == 0) {
				this.roundsStarted.incrementAndGet();
			}
			return i;
		}

		private void work(long deadline) {
			Client client = null;
			try {
				client = this.target.client();
				while (true) {
					long now = System.nanoTime();
					long i = take(now, deadline);
					if (i < 0) {
						return;
					}
					Request request = this.requests.get((int) (i % this.requests.size()));
					long t0 = System.nanoTime();
					Outcome outcome;
					try {
						outcome = client.send(request.target(), Math.max(deadline - t0, 0) + GRACE_NANOS);
					}
					catch (SocketTimeoutException ex) {
						outcome = new Outcome(0, "timeout", request.target(), null);
						client.close();
						client = this.target.client();
					}
					catch (IOException | SQLException ex) {
						outcome = new Outcome(0, ex.getClass().getSimpleName(), request.target() + ": " + ex.getMessage(), null);
						client.close();
						client = this.target.client();
					}
					record(request, System.nanoTime() - t0, outcome);
				}
			}
			catch (Exception ex) {
				this.firstError = this.firstError == null ? "client failed: " + ex : this.firstError;
				synchronized (this.errorKinds) {
					this.errorKinds.merge("client " + ex.getClass().getSimpleName(), 1, Integer::sum);
				}
				this.errors.incrementAndGet();
			}
			finally {
				if (client != null) {
					client.close();
				}
			}
		}

		private final Map<String, Integer> tagIds = new HashMap<>();

		private final List<String> tagNames = new ArrayList<>();

		private synchronized void record(Request request, long latency, Outcome outcome) {
			int slot = this.done.getAndIncrement();
			if (slot >= this.latencies.length) {
				this.latencies = Arrays.copyOf(this.latencies, this.latencies.length * 2);
				this.tags = Arrays.copyOf(this.tags, this.tags.length * 2);
			}
			this.latencies[slot] = latency;
			this.tags[slot] = this.tagIds.computeIfAbsent(request.tag(), t -> {
				this.tagNames.add(t);
				return this.tagNames.size() - 1;
			});
			this.bytes.addAndGet(outcome.bytes());
			if (outcome.error() != null) {
				this.errors.incrementAndGet();
				this.errorKinds.merge(outcome.error(), 1, Integer::sum);
				if (this.firstError == null) {
					this.firstError = outcome.error() + " for " + outcome.detail();
				}
			}
			else if (outcome.bytes() == 0) {
				this.empty.incrementAndGet();
			}
			if (outcome.header() != null) {
				this.headerValues.merge(outcome.header(), 1, Integer::sum);
			}
		}

		synchronized Map<String, List<Long>> byTag() {
			Map<String, List<Long>> map = new TreeMap<>((a, b) -> {
				boolean na = a.matches("z\\d+"), nb = b.matches("z\\d+");
				return na && nb ? Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1))) : a.compareTo(b);
			});
			for (int i = 0; i < this.done.get(); i++) {
				map.computeIfAbsent(this.tagNames.get(this.tags[i]), t -> new ArrayList<>()).add(this.latencies[i]);
			}
			return map;
		}

	}

	static final long GRACE_NANOS = Duration.ofSeconds(10).toNanos();

	static long percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return -1;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	static String ms(long nanos) {
		return nanos < 0 ? "-" : fmt(nanos / 1e6, 1);
	}

	static String fmt(double value, int decimals) {
		return String.format(Locale.ROOT, "%." + decimals + "f", value);
	}

	// ---------------------------------------------------------------- HTTP

	/** GET over one keep-alive HTTP/1.1 connection per thread, to 127.0.0.1 only. */
	static final class HttpTarget implements Target {

		final String host;

		final int port;

		final String prefix;

		final String expectType;

		final String countHeader;

		HttpTarget(URI base, String expectType, String countHeader) {
			String h = base.getHost();
			if (!"http".equals(base.getScheme()) || !("127.0.0.1".equals(h) || "localhost".equals(h))) {
				throw new IllegalArgumentException("only http://127.0.0.1 or http://localhost, not " + base);
			}
			this.host = h;
			this.port = base.getPort() < 0 ? 80 : base.getPort();
			String path = base.getRawPath() == null ? "" : base.getRawPath();
			this.prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
			this.expectType = expectType;
			this.countHeader = countHeader == null ? null : countHeader.toLowerCase(Locale.ROOT);
		}

		@Override
		public Client client() {
			return new HttpClient11(this);
		}

	}

	static final class HttpClient11 implements Client {

		final HttpTarget target;

		Socket socket;

		InputStream in;

		OutputStream out;

		HttpClient11(HttpTarget target) {
			this.target = target;
		}

		@Override
		public Outcome send(String path, long timeoutNanos) throws IOException {
			if (this.socket == null) {
				this.socket = new Socket();
				this.socket.setTcpNoDelay(true);
				this.socket.connect(new InetSocketAddress(this.target.host, this.target.port), 5000);
				this.in = new BufferedInputStream(this.socket.getInputStream(), 65536);
				this.out = this.socket.getOutputStream();
			}
			this.socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeoutNanos / 1_000_000)));
			String request = "GET " + this.target.prefix + path + " HTTP/1.1\r\nHost: " + this.target.host + ":"
					+ this.target.port + "\r\nUser-Agent: bench-MapLoad\r\nAccept: */*\r\n\r\n";
			this.out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			this.out.flush();
			String status = line();
			if (status == null) {
				throw new EOFException("connection closed before the status line");
			}
			String[] parts = status.split(" ", 3);
			int code = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
			long length = -1;
			boolean chunked = false;
			boolean close = status.startsWith("HTTP/1.0");
			String type = null;
			String counted = null;
			for (String h = line(); h != null && !h.isEmpty(); h = line()) {
				int colon = h.indexOf(':');
				if (colon < 0) {
					continue;
				}
				String key = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
				String value = h.substring(colon + 1).trim();
				switch (key) {
					case "content-length" -> length = Long.parseLong(value);
					case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
					case "connection" -> close = value.equalsIgnoreCase("close") || (close && !value.equalsIgnoreCase("keep-alive"));
					case "content-type" -> type = value;
					default -> {
					}
				}
				if (key.equals(this.target.countHeader)) {
					counted = value;
				}
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			if (code == 204 || code == 304 || (code >= 100 && code < 200)) {
				// no body
			}
			else if (chunked) {
				while (true) {
					String size = line();
					if (size == null) {
						throw new EOFException("connection closed in a chunk header");
					}
					int semi = size.indexOf(';');
					long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
					if (n == 0) {
						for (String t = line(); t != null && !t.isEmpty(); t = line()) {
							// trailers
						}
						break;
					}
					copy(n, body);
					line();
				}
			}
			else if (length >= 0) {
				copy(length, body);
			}
			else {
				this.in.transferTo(body);
				close = true;
			}
			if (close) {
				close();
			}
			String error = null;
			if (code != 200 && code != 204) {
				error = "HTTP " + code;
			}
			else if (this.target.expectType != null && code == 200 && body.size() > 0
					&& (type == null || !type.startsWith(this.target.expectType))) {
				error = "HTTP 200 but " + (type == null ? "no Content-Type" : type);
			}
			String detail = null;
			if (error != null) {
				String text = body.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
				detail = path + ": " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
			}
			return new Outcome(body.size(), error, detail, counted);
		}

		private void copy(long n, ByteArrayOutputStream body) throws IOException {
			byte[] buffer = new byte[16384];
			while (n > 0) {
				int r = this.in.read(buffer, 0, (int) Math.min(buffer.length, n));
				if (r < 0) {
					throw new EOFException("connection closed in a body");
				}
				body.write(buffer, 0, r);
				n -= r;
			}
		}

		/** One line without its CR LF, or null at the end of the stream. */
		private String line() throws IOException {
			StringBuilder sb = new StringBuilder();
			int c;
			while ((c = this.in.read()) >= 0) {
				if (c == '\n') {
					int len = sb.length();
					return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
				}
				sb.append((char) c);
			}
			return sb.length() == 0 ? null : sb.toString();
		}

		@Override
		public void close() {
			if (this.socket != null) {
				try {
					this.socket.close();
				}
				catch (IOException ex) {
					// closing anyway
				}
			}
			this.socket = null;
		}

	}

	// ---------------------------------------------------------------- SQL

	/** One connection and prepared statement per thread; a list line "z x y" binds the three parameters. */
	static final class SqlTarget implements Target {

		final String url;

		final String user;

		final String sql;

		SqlTarget(String url, String user, String sql) {
			if (!url.startsWith("jdbc:postgresql://127.0.0.1:") && !url.startsWith("jdbc:postgresql://localhost:")) {
				throw new IllegalArgumentException("only a database on 127.0.0.1, not " + url);
			}
			this.url = url;
			this.user = user;
			this.sql = sql;
		}

		@Override
		public Client client() throws SQLException {
			Connection connection = DriverManager.getConnection(this.url, this.user, "");
			PreparedStatement statement = connection.prepareStatement(this.sql);
			return new Client() {

				@Override
				public Outcome send(String target, long timeoutNanos) throws SQLException {
					String[] zxy = target.trim().split("\\s+");
					statement.setQueryTimeout((int) Math.max(1, timeoutNanos / 1_000_000_000L));
					for (int i = 0; i < zxy.length; i++) {
						statement.setInt(i + 1, Integer.parseInt(zxy[i]));
					}
					try (ResultSet rs = statement.executeQuery()) {
						long bytes = 0;
						while (rs.next()) {
							byte[] b = rs.getBytes(1);
							bytes += b == null ? 0 : b.length;
						}
						return new Outcome(bytes, null, null, null);
					}
				}

				@Override
				public void close() {
					try {
						connection.close();
					}
					catch (SQLException ex) {
						// closing anyway
					}
				}

			};
		}

	}

	// ---------------------------------------------------------------- content checks

	/** Prints "FILE layer=count ..." for each tile file: the features of each layer (a minimal MVT reader). */
	private static int mvt(String[] files) throws IOException {
		int bad = 0;
		for (String file : files) {
			byte[] data = Files.readAllBytes(Path.of(file));
			try {
				Map<String, Integer> layers = Mvt.layers(data);
				StringBuilder sb = new StringBuilder(file);
				layers.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
				if (layers.isEmpty()) {
					sb.append(" (no layer)");
				}
				System.out.println(sb);
			}
			catch (RuntimeException ex) {
				System.out.println(file + " not-a-tile (" + ex.getMessage() + ")");
				bad++;
			}
		}
		return bad == 0 ? 0 : 1;
	}

	/** Mapbox Vector Tile 2.1: Tile.layers = 3; Layer.name = 1, Layer.features = 2. */
	static final class Mvt {

		static Map<String, Integer> layers(byte[] data) {
			Map<String, Integer> layers = new LinkedHashMap<>();
			Reader tile = new Reader(data, 0, data.length);
			while (tile.more()) {
				long key = tile.varint();
				if ((key >>> 3) == 3 && (key & 7) == 2) {
					int len = (int) tile.varint();
					Reader layer = new Reader(data, tile.pos, tile.pos + len);
					tile.pos += len;
					String name = null;
					int features = 0;
					while (layer.more()) {
						long k = layer.varint();
						if ((k >>> 3) == 1 && (k & 7) == 2) {
							int n = (int) layer.varint();
							name = new String(data, layer.pos, n, StandardCharsets.UTF_8);
							layer.pos += n;
						}
						else {
							if ((k >>> 3) == 2 && (k & 7) == 2) {
								features++;
							}
							layer.skip(k & 7);
						}
					}
					layers.merge(name == null ? "?" : name, features, Integer::sum);
				}
				else {
					tile.skip(key & 7);
				}
			}
			return layers;
		}

		static final class Reader {

			final byte[] data;

			int pos;

			final int end;

			Reader(byte[] data, int pos, int end) {
				if (end > data.length) {
					throw new IllegalArgumentException("truncated");
				}
				this.data = data;
				this.pos = pos;
				this.end = end;
			}

			boolean more() {
				return this.pos < this.end;
			}

			long varint() {
				long result = 0;
				for (int shift = 0; shift < 64; shift += 7) {
					if (this.pos >= this.end) {
						throw new IllegalArgumentException("truncated varint");
					}
					byte b = this.data[this.pos++];
					result |= (long) (b & 0x7f) << shift;
					if ((b & 0x80) == 0) {
						return result;
					}
				}
				throw new IllegalArgumentException("bad varint");
			}

			void skip(long wireType) {
				switch ((int) wireType) {
					case 0 -> varint();
					case 1 -> this.pos += 8;
					case 2 -> {
						int n = (int) varint();  // read before adding: "pos += varint()" would add to the old pos
						this.pos += n;
					}
					case 5 -> this.pos += 4;
					default -> throw new IllegalArgumentException("wire type " + wireType);
				}
				if (this.pos > this.end) {
					throw new IllegalArgumentException("truncated field");
				}
			}

		}

	}

	/** Prints "FILE matched=N returned=N features=N" for each GeoJSON page. */
	private static int json(String[] files) throws IOException {
		int bad = 0;
		for (String file : files) {
			String text = Files.readString(Path.of(file));
			try {
				Object doc = new Json(text).parse();
				if (!(doc instanceof Map<?, ?> map) || !(map.get("features") instanceof List<?> features)) {
					System.out.println(file + " not-a-feature-collection");
					bad++;
					continue;
				}
				System.out.println(file + " matched=" + number(map.get("numberMatched")) + " returned="
						+ number(map.get("numberReturned")) + " features=" + features.size());
			}
			catch (RuntimeException ex) {
				System.out.println(file + " not-json (" + ex.getMessage() + ")");
				bad++;
			}
		}
		return bad == 0 ? 0 : 1;
	}

	private static String number(Object value) {
		return value instanceof Double d ? Long.toString(d.longValue()) : "-";
	}

}
