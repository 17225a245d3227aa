import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP load generator and result checker for bench/fill-rate. Java 17, single-file source, JDK
 * HttpClient only; talks to 127.0.0.1 (or localhost) and nothing else.
 *
 * <pre>
 * bench/run-java LoadGen run --base http://127.0.0.1:8181 \
 *     --endpoint 'province=/api/stats/fill-rate?groupBy=province&asOf={day}' \
 *     --endpoint 'district=/api/stats/fill-rate?groupBy=district&asOf={day}' \
 *     --from 2021-01-01 --to 2025-12-31 --requests 2000 --warmup 200 --concurrency 4 \
 *     --limit-seconds 60 --seed 1 --out results.tsv [--hook 'some-command']
 *
 * bench/run-java LoadGen check --base http://127.0.0.1:8181 \
 *     --path '/api/stats/fill-rate?groupBy=province&asOf=2023-05-17' --expect 'SYN=0.333166,TOTAL=0.333166'
 * bench/run-java LoadGen check --base http://127.0.0.1:8181 --file checks.tsv   # lines: path TAB expect
 * </pre>
 *
 * {@code run} first warms every endpoint with {@code --warmup} requests (not measured, at most
 * 20 s each), then measures the endpoints one after the other: {@code --requests} requests sent by
 * {@code --concurrency} threads, each waiting for the whole body. It stops issuing requests after
 * {@code --limit-seconds}; a request still running then gets 10 s more before it counts as a
 * timeout. Placeholders in a path: {day} is a random day in [from, to]; {from} a random day such
 * that {to} = {from} + 80 % of the period still lies in it. The dates come from {@code --seed}, so
 * two runs send the same requests. A non-2xx status, a timeout or an I/O error is an error, and its
 * latency still counts in the percentiles. Around each measurement it runs
 * {@code HOOK before NAME} and {@code HOOK after NAME} (bench/fill-rate resets and reads
 * pg_stat_statements and CPU counters there). Per endpoint it appends one tab-separated line to
 * {@code --out}: name, requests, errors, seconds, req/s, p50, p95, p99, max (ms), mean body bytes,
 * error summary, whether the time limit cut the run short, CPU ms of this client per request.
 *
 * {@code check} fetches URLs and compares the {@code occupancyRate} of every JSON object that has
 * a {@code key} (or a {@code date}) with the expected values; a missing or extra group is a
 * mismatch too. Exit status 1 on any mismatch.
 */
public class LoadGen {

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			usage();
		}
		Map<String, String> opts = options(Arrays.copyOfRange(args, 1, args.length));
		switch (args[0]) {
			case "run" -> System.exit(run(opts));
			case "check" -> System.exit(check(opts));
			default -> usage();
		}
	}

	private static void usage() {
		System.err.println("usage: bench/run-java LoadGen run|check --base http://127.0.0.1:PORT [options] (see the comment at the top)");
		System.exit(2);
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> opts = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				System.err.println("LoadGen: bad argument " + args[i]);
				usage();
			}
			opts.merge(args[i].substring(2), args[++i], (a, b) -> a + "\n" + b);
		}
		return opts;
	}

	private static String required(Map<String, String> opts, String name) {
		String value = opts.get(name);
		if (value == null) {
			System.err.println("LoadGen: --" + name + " is required");
			usage();
		}
		return value;
	}

	/** Only the loopback interface: this tool must never load anything else. */
	private static URI base(Map<String, String> opts) {
		URI base = URI.create(required(opts, "base"));
		String host = base.getHost();
		if (!"http".equals(base.getScheme()) || !("127.0.0.1".equals(host) || "localhost".equals(host))) {
			System.err.println("LoadGen: refusing " + base + ": only http://127.0.0.1 or http://localhost");
			System.exit(2);
		}
		return base;
	}

	private static HttpClient client() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	// ---------------------------------------------------------------- run

	private static int run(Map<String, String> opts) throws Exception {
		URI base = base(opts);
		Map<String, String> endpoints = new LinkedHashMap<>();
		for (String spec : required(opts, "endpoint").split("\n")) {
			int eq = spec.indexOf('=');
			if (eq <= 0) {
				System.err.println("LoadGen: --endpoint wants NAME=PATH, got " + spec);
				return 2;
			}
			endpoints.put(spec.substring(0, eq), spec.substring(eq + 1));
		}
		LocalDate from = LocalDate.parse(required(opts, "from"));
		LocalDate to = LocalDate.parse(required(opts, "to"));
		int requests = Integer.parseInt(opts.getOrDefault("requests", "2000"));
		int warmup = Integer.parseInt(opts.getOrDefault("warmup", "200"));
		int concurrency = Integer.parseInt(opts.getOrDefault("concurrency", "4"));
		long limitNanos = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("limit-seconds", "60"))).toNanos();
		long seed = Long.parseLong(opts.getOrDefault("seed", "1"));
		Path out = Path.of(required(opts, "out"));
		String hook = opts.get("hook");
		HttpClient client = client();

		// Warm every endpoint first (the JIT of the application and of this client), then measure.
		for (Map.Entry<String, String> e : endpoints.entrySet()) {
			List<URI> warmupUris = uris(base, e.getValue(), from, to, warmup, seed ^ 0x5DEECE66DL);
			Phase warm = new Phase(client, warmupUris, concurrency, Duration.ofSeconds(20).toNanos());
			warm.execute();
			System.err.printf(Locale.ROOT, "  %-9s warm-up: %d requests in %.1f s, %d errors%s%n", e.getKey(),
					warm.done.get(), warm.elapsedNanos / 1e9, warm.errors.get(),
					warm.errors.get() > 0 ? " (" + warm.errorSummary() + "; " + warm.firstError + ")" : "");
		}
		for (Map.Entry<String, String> e : endpoints.entrySet()) {
			String name = e.getKey();
			List<URI> uris = uris(base, e.getValue(), from, to, requests, seed);
			if (hook != null && !hook(hook, "before", name)) {
				return 1;
			}
			long cpu0 = processCpuNanos();
			Phase phase = new Phase(client, uris, concurrency, limitNanos);
			phase.execute();
			long cpu = processCpuNanos() - cpu0;
			int done = phase.done.get();
			long[] latencies = Arrays.copyOf(phase.latencies, done);
			Arrays.sort(latencies);
			double seconds = phase.elapsedNanos / 1e9;
			String line = String.join("\t", name, Integer.toString(done), Integer.toString(phase.errors.get()),
					fmt(seconds, 2), fmt(done / seconds, 1), ms(percentile(latencies, 50)),
					ms(percentile(latencies, 95)), ms(percentile(latencies, 99)),
					ms(done == 0 ? -1 : latencies[done - 1]), Long.toString(done == 0 ? 0 : phase.bytes.get() / done),
					phase.errorSummary(), phase.cutShort ? "time-limit" : "-",
					done == 0 || cpu < 0 ? "-" : fmt(cpu / 1e6 / done, 2));
			Files.writeString(out, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
			System.err.printf(Locale.ROOT, "  %-9s %d requests in %.1f s, %d errors, e.g. %s%n", name, done, seconds,
					phase.errors.get(), uris.isEmpty() ? "-" : uris.get(0));
			if (phase.firstError != null) {
				System.err.printf(Locale.ROOT, "  %-9s first error: %s%n", name, phase.firstError);
			}
			if (hook != null && !hook(hook, "after", name)) {
				return 1;
			}
		}
		return 0;
	}

	/** Runs {@code hook before|after NAME}; false when it fails. */
	private static boolean hook(String hook, String when, String name) throws IOException, InterruptedException {
		int rc = new ProcessBuilder("bash", "-c", hook + " " + when + " " + name).inheritIO().start().waitFor();
		if (rc != 0) {
			System.err.println("LoadGen: hook '" + hook + " " + when + " " + name + "' failed with status " + rc);
		}
		return rc == 0;
	}

	/** CPU time of this JVM (all threads, HttpClient's included); -1 when the platform does not say. */
	private static long processCpuNanos() {
		if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
				instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return -1;
	}

	private static List<URI> uris(URI base, String template, LocalDate from, LocalDate to, int count, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		long days = ChronoUnit.DAYS.between(from, to);
		long span = days * 4 / 5;
		List<URI> uris = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			LocalDate day = from.plusDays(random.nextLong(days + 1));
			LocalDate start = from.plusDays(random.nextLong(days - span + 1));
			String p = template.replace("{day}", day.toString())
				.replace("{from}", start.toString())
				.replace("{to}", start.plusDays(span).toString());
			uris.add(base.resolve(p));
		}
		return uris;
	}

	/** How long a request still running at the deadline may take before it counts as a timeout. */
	static final long GRACE_NANOS = Duration.ofSeconds(10).toNanos();

	/** A fixed list of requests sent by a few threads, stopped at a deadline. */
	static final class Phase {

		final HttpClient client;

		final List<URI> uris;

		final int concurrency;

		final long limitNanos;

		final long[] latencies;

		final AtomicInteger next = new AtomicInteger();

		final AtomicInteger done = new AtomicInteger();

		final AtomicInteger errors = new AtomicInteger();

		final AtomicLong bytes = new AtomicLong();

		final Map<String, Integer> errorKinds = new TreeMap<>();

		volatile String firstError;

		volatile boolean cutShort;

		long elapsedNanos;

		Phase(HttpClient client, List<URI> uris, int concurrency, long limitNanos) {
			this.client = client;
			this.uris = uris;
			this.concurrency = concurrency;
			this.limitNanos = limitNanos;
			this.latencies = new long[uris.size()];
		}

		void execute() throws InterruptedException {
			long start = System.nanoTime();
			long deadline = start + this.limitNanos;
			List<Thread> threads = new ArrayList<>();
			for (int t = 0; t < this.concurrency; t++) {
				Thread thread = new Thread(() -> work(deadline), "loadgen-" + t);
				thread.start();
				threads.add(thread);
			}
			for (Thread thread : threads) {
				thread.join();
			}
			this.elapsedNanos = System.nanoTime() - start;
		}

		private void work(long deadline) {
			while (true) {
				long now = System.nanoTime();
				if (now >= deadline) {
					if (this.next.get() < this.uris.size()) {
						this.cutShort = true;
					}
					return;
				}
				int i = this.next.getAndIncrement();
				if (i >= this.uris.size()) {
					return;
				}
				URI uri = this.uris.get(i);
				HttpRequest request = HttpRequest.newBuilder(uri)
					.header("Accept", "application/json")
					.timeout(Duration.ofNanos(deadline - now + GRACE_NANOS))
					.GET()
					.build();
				long t0 = System.nanoTime();
				String error = null;
				try {
					HttpResponse<byte[]> response = this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
					this.bytes.addAndGet(response.body().length);
					if (response.statusCode() / 100 != 2) {
						error = "HTTP " + response.statusCode();
						if (this.firstError == null) {
							String body = new String(response.body(), StandardCharsets.UTF_8);
							this.firstError = error + " for " + uri + ": "
									+ (body.length() > 300 ? body.substring(0, 300) + "..." : body);
						}
					}
				}
				catch (HttpTimeoutException ex) {
					error = "timeout";
				}
				catch (IOException ex) {
					error = ex.getClass().getSimpleName();
					if (this.firstError == null) {
						this.firstError = error + " for " + uri + ": " + ex.getMessage();
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				long latency = System.nanoTime() - t0;
				int slot = this.done.getAndIncrement();
				this.latencies[slot] = latency;
				if (error != null) {
					this.errors.incrementAndGet();
					synchronized (this.errorKinds) {
						this.errorKinds.merge(error, 1, Integer::sum);
					}
				}
			}
		}

		String errorSummary() {
			synchronized (this.errorKinds) {
				if (this.errorKinds.isEmpty()) {
					return "-";
				}
				StringBuilder sb = new StringBuilder();
				this.errorKinds.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(k).append(" x").append(v));
				return sb.toString();
			}
		}

	}

	/** Nearest-rank percentile of sorted values; -1 when empty. */
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

	// ---------------------------------------------------------------- check

	private static int check(Map<String, String> opts) throws Exception {
		URI base = base(opts);
		double tolerance = Double.parseDouble(opts.getOrDefault("tolerance", "0.0000011"));
		HttpClient client = client();
		if (opts.containsKey("file")) {
			int failed = 0;
			int total = 0;
			for (String line : Files.readAllLines(Path.of(opts.get("file")))) {
				if (line.isBlank()) {
					continue;
				}
				String[] parts = line.split("\t", 2);
				total++;
				failed += checkOne(client, base.resolve(parts[0]), parts.length > 1 ? parts[1] : "", tolerance);
			}
			System.err.printf(Locale.ROOT, "  %d of %d responses match the SQL%n", total - failed, total);
			return failed == 0 ? 0 : 1;
		}
		return checkOne(client, base.resolve(required(opts, "path")), required(opts, "expect"), tolerance);
	}

	private static int checkOne(HttpClient client, URI uri, String expect, double tolerance) throws Exception {
		Map<String, String> expected = new LinkedHashMap<>();
		for (String pair : expect.split(",")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.lastIndexOf('=');
			expected.put(pair.substring(0, eq), pair.substring(eq + 1));
		}
		PrintStream err = System.err;
		HttpResponse<String> response;
		try {
			response = client.send(HttpRequest.newBuilder(uri)
				.header("Accept", "application/json")
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			err.printf("    MISMATCH %s: %s%n", uri, ex);
			return 1;
		}
		if (response.statusCode() != 200) {
			err.printf("    MISMATCH %s: HTTP %d %s%n", uri, response.statusCode(), abbreviate(response.body()));
			return 1;
		}
		Map<String, Object> found = new LinkedHashMap<>();
		try {
			collect(new Json(response.body()).parse(), found);
		}
		catch (RuntimeException ex) {
			err.printf("    MISMATCH %s: not JSON (%s): %s%n", uri, ex.getMessage(), abbreviate(response.body()));
			return 1;
		}
		int bad = 0;
		for (Map.Entry<String, String> e : expected.entrySet()) {
			Object actual = found.get(e.getKey());
			boolean ok;
			if (e.getValue().isEmpty() || "null".equals(e.getValue())) {
				ok = found.containsKey(e.getKey()) && actual == null;
			}
			else {
				ok = actual instanceof Number n
						&& Math.abs(n.doubleValue() - Double.parseDouble(e.getValue())) <= tolerance;
			}
			if (!ok) {
				bad++;
				if (bad <= 5) {
					err.printf("    MISMATCH %s: %s expected %s, API says %s%n", uri, e.getKey(), e.getValue(),
							found.containsKey(e.getKey()) ? actual : "(absent)");
				}
			}
		}
		int extra = 0;
		for (String key : found.keySet()) {
			if (!expected.containsKey(key)) {
				extra++;
			}
		}
		if (bad > 0 || extra > 0) {
			err.printf("    %s: %d of %d expected figures wrong, %d groups the SQL does not have%n", uri, bad,
					expected.size(), extra);
			return 1;
		}
		return 0;
	}

	/** occupancyRate of every object with a key (table rows, series) or a date (series points). */
	@SuppressWarnings("unchecked")
	private static void collect(Object node, Map<String, Object> found) {
		if (node instanceof Map<?, ?> map) {
			Object key = map.containsKey("key") ? map.get("key") : map.get("date");
			if (key != null && map.containsKey("occupancyRate")) {
				found.put(key.toString(), map.get("occupancyRate"));
			}
			for (Object value : map.values()) {
				collect(value, found);
			}
		}
		else if (node instanceof List<?> list) {
			for (Object value : list) {
				collect(value, found);
			}
		}
	}

	private static String abbreviate(String s) {
		return s.length() > 300 ? s.substring(0, 300) + "..." : s;
	}

}
