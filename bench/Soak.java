import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load and soak of bench/soak: public readers (vector tiles, /api/zones, the portal's land search,
 * OGC items) and editors (GET then PATCH of zones and plots with If-Match, as HTTP Basic users)
 * at the same time for a duration; every 30 s the application's heap after a full GC (jcmd GC.run,
 * then GC.heap_info), and once more at the end.
 * Java 17, single file, JDK HttpClient; talks to 127.0.0.1 only.
 *
 * <pre>
 * bench/run-java Soak --base http://127.0.0.1:8620 --seconds 600 --readers 4 --editors 2 \
 *     --user soak-editor --password ... --zones 1,2,3 --plots 4,5,6 --pid APP_PID [--gc-log FILE] --out DIR
 * </pre>
 *
 * A 409 or 412 of an edit is a conflict between editors: the editor reads again and retries (not
 * an error). A 5xx, an unexpected 4xx, a timeout or an I/O error is an error. It writes
 * DIR/accepted.tsv (table, id, edits answered 2xx) for the lost-update check, DIR/heap.tsv (seconds,
 * heap used after GC in MB) and prints the summary.
 */
public class Soak {

	static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

	/** The application's GC log line of a full GC that jcmd GC.run asked for: used before -> after. */
	static final Pattern FULL_GC = Pattern.compile("Pause Full \\((?:Diagnostic Command|System.gc\\(\\))\\) (\\d+)M->(\\d+)M");

	static Path gcLog;

	static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

	public static void main(String[] args) throws Exception {
		Map<String, String> o = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		URI base = URI.create(o.get("base"));
		if (!"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost())) {
			throw new IllegalArgumentException("only 127.0.0.1 or localhost");
		}
		long seconds = Long.parseLong(o.getOrDefault("seconds", "600"));
		int readers = Integer.parseInt(o.getOrDefault("readers", "4"));
		int editors = Integer.parseInt(o.getOrDefault("editors", "2"));
		String auth = "Basic " + Base64.getEncoder()
			.encodeToString((o.get("user") + ":" + o.get("password")).getBytes(StandardCharsets.UTF_8));
		long[] zones = ids(o.get("zones"));
		long[] plots = ids(o.get("plots"));
		Path out = Path.of(o.get("out"));
		String pid = o.get("pid");
		gcLog = o.containsKey("gc-log") ? Path.of(o.get("gc-log")) : null;
		Soak soak = new Soak(base, auth, zones, plots);

		long start = System.nanoTime();
		long end = start + Duration.ofSeconds(seconds).toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < readers; i++) {
			long seed = i;
			threads.add(started(new Thread(() -> soak.read(end, new SplittableRandom(seed)), "reader-" + i)));
		}
		for (int i = 0; i < editors; i++) {
			long seed = 1000 + i;
			int n = i;
			threads.add(started(new Thread(() -> soak.edit(end, n, new SplittableRandom(seed)), "editor-" + i)));
		}
		// heap used after a full GC every 30 s (the first after 30 s of load: JIT and caches warm) and at the end
		List<String> heap = new ArrayList<>();
		long nextSample = start + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < end) {
			if (System.nanoTime() >= nextSample && pid != null) {
				long mb = heapAfterGc(pid);
				long at = (System.nanoTime() - start) / 1_000_000_000L;
				heap.add(at + "\t" + mb);
				System.err.printf(Locale.ROOT, "  %4d s  heap used after GC %d MB; requests so far %d%n", at, mb,
						soak.total.get());
				nextSample += Duration.ofSeconds(30).toNanos();
			}
			Thread.sleep(200);
		}
		for (Thread t : threads) {
			t.join();
		}
		if (pid != null) {
			heap.add((System.nanoTime() - start) / 1_000_000_000L + "\t" + heapAfterGc(pid));
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		Files.createDirectories(out);
		Files.write(out.resolve("heap.tsv"), heap);
		List<String> accepted = new ArrayList<>();
		soak.accepted.forEach((k, v) -> accepted.add(k + "\t" + v.get()));
		Files.write(out.resolve("accepted.tsv"), accepted);
		soak.report(elapsed, heap);
	}

	static Thread started(Thread thread) {
		thread.start();
		return thread;
	}

	static long[] ids(String list) {
		return list == null || list.isBlank() ? new long[0]
				: Arrays.stream(list.split(",")).mapToLong(Long::parseLong).toArray();
	}

	/**
	 * Heap used just after a full GC: from the application's GC log when given (the line of the GC
	 * that GC.run triggered), else GC.heap_info read just after (which already counts what was
	 * allocated since: a few MB to tens of MB under load).
	 */
	static long heapAfterGc(String pid) {
		try {
			run("jcmd", pid, "GC.run");
			if (gcLog != null && Files.isReadable(gcLog)) {
				Matcher full = FULL_GC.matcher(Files.readString(gcLog));
				String after = null;
				while (full.find()) {
					after = full.group(2);
				}
				if (after != null) {
					return Long.parseLong(after);
				}
			}
			Matcher m = HEAP_USED.matcher(run("jcmd", pid, "GC.heap_info"));
			return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	static String run(String... command) throws IOException {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			p.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return text;
	}

	// ------------------------------------------------------------------------------------------

	final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();

	final URI base;

	final String auth;

	final long[] zones;

	final long[] plots;

	final AtomicLong total = new AtomicLong();

	/** latencies (ns) per route group */
	final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();

	final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();

	final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();

	final Map<String, AtomicLong> accepted = new ConcurrentHashMap<>();

	final AtomicLong conflicts = new AtomicLong();

	Soak(URI base, String auth, long[] zones, long[] plots) {
		this.base = base;
		this.auth = auth;
		this.zones = zones;
		this.plots = plots;
	}

	/** Public traffic over Bắc Giang: tiles z8–15, zones, the portal search, OGC items. */
	void read(long end, SplittableRandom r) {
		while (System.nanoTime() < end) {
			double lon = 106.0 + r.nextDouble() * 0.8;
			double lat = 21.1 + r.nextDouble() * 0.45;
			int pick = r.nextInt(10);
			String group;
			String path;
			if (pick < 4) {
				int z = 8 + r.nextInt(8);
				double n = Math.pow(2, z);
				long x = (long) ((lon + 180) / 360 * n);
				double rad = Math.toRadians(lat);
				long y = (long) ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * n);
				String layer = new String[] { "zones", "plots", "clearance", "districts" }[r.nextInt(4)];
				group = "tiles";
				path = "/tiles/" + layer + "/" + z + "/" + x + "/" + y + ".mvt";
			}
			else if (pick < 6) {
				group = "zones";
				path = r.nextBoolean() ? "/api/zones"
						: String.format(Locale.ROOT, "/api/zones?bbox=%.4f,%.4f,%.4f,%.4f", lon - 0.1, lat - 0.1, lon + 0.1, lat + 0.1);
			}
			else if (pick < 8) {
				group = "portal-search";
				path = new String[] { "/api/portal/land?minHa=0.5&ready=NOW&limit=20",
						"/api/portal/land?sort=AREA_DESC&limit=20",
						String.format(Locale.ROOT, "/api/portal/land?sort=DISTANCE&near=%.4f,%.4f&limit=20", lon, lat),
						"/api/portal/land?kind=KCN&sort=FILL_RATE&limit=20" }[r.nextInt(4)];
			}
			else {
				group = "ogc-items";
				path = String.format(Locale.ROOT, "/ogc/collections/%s/items?limit=100&bbox=%.4f,%.4f,%.4f,%.4f",
						r.nextBoolean() ? "zones" : "plots", lon - 0.05, lat - 0.05, lon + 0.05, lat + 0.05);
			}
			send(group, HttpRequest.newBuilder(this.base.resolve(path)).GET(), false);
		}
	}

	/** An editor: read a zone or plot (ETag), change its note with If-Match; on 409/412 read again and retry. */
	void edit(long end, int editor, SplittableRandom r) {
		int n = 0;
		while (System.nanoTime() < end) {
			boolean zone = this.plots.length == 0 || (this.zones.length > 0 && r.nextBoolean());
			long id = zone ? this.zones[r.nextInt(this.zones.length)] : this.plots[r.nextInt(this.plots.length)];
			String table = zone ? "zone" : "plot";
			String path = "/api/" + (zone ? "zones/" : "plots/") + id;
			for (int attempt = 0; attempt < 10 && System.nanoTime() < end; attempt++) {
				HttpResponse<String> read = send("edit-read", HttpRequest.newBuilder(this.base.resolve(path))
					.header("Authorization", this.auth).GET(), false);
				// zones answer their version as ETag; a plot's GET has none, its version is in the body
				String etag = read == null ? null : read.headers().firstValue("ETag").orElse(null);
				if (etag == null && read != null) {
					Matcher version = VERSION.matcher(read.body());
					etag = version.find() ? "\"" + version.group(1) + "\"" : null;
				}
				if (etag == null) {
					this.errorKinds.computeIfAbsent("edit-read without a version", k -> new AtomicLong()).incrementAndGet();
					break;
				}
				String body = "{\"note\":\"soak editor " + editor + " change " + (++n) + "\",\"reason\":\"bench/soak\"}";
				HttpResponse<String> write = send("edit-write", HttpRequest.newBuilder(this.base.resolve(path))
					.header("Authorization", this.auth).header("If-Match", etag).header("Content-Type", "application/json")
					.method("PATCH", HttpRequest.BodyPublishers.ofString(body)), true);
				if (write == null) {
					break;
				}
				if (write.statusCode() / 100 == 2) {
					this.accepted.computeIfAbsent(table + "\t" + id, k -> new AtomicLong()).incrementAndGet();
					break;
				}
				if (write.statusCode() != 409 && write.statusCode() != 412) {
					break;
				}
				this.conflicts.incrementAndGet();
			}
		}
	}

	/** Sends, times and classifies a request; null on an I/O error or timeout. */
	HttpResponse<String> send(String group, HttpRequest.Builder request, boolean conflictsExpected) {
		long t0 = System.nanoTime();
		HttpResponse<String> response = null;
		String error = null;
		try {
			response = this.client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
			int s = response.statusCode();
			boolean expected = s / 100 == 2 || s == 304 || (conflictsExpected && (s == 409 || s == 412));
			if (!expected) {
				error = "HTTP " + s;
			}
		}
		catch (IOException ex) {
			error = ex.getClass().getSimpleName();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		long latency = System.nanoTime() - t0;
		this.total.incrementAndGet();
		List<Long> list = this.latencies.computeIfAbsent(group, k -> java.util.Collections.synchronizedList(new ArrayList<>()));
		list.add(latency);
		if (error != null) {
			this.errors.computeIfAbsent(group, k -> new AtomicLong()).incrementAndGet();
			this.errorKinds.computeIfAbsent(group + " " + error, k -> new AtomicLong()).incrementAndGet();
		}
		return response;
	}

	void report(double elapsed, List<String> heap) {
		System.out.printf(Locale.ROOT, "%-14s %8s %7s %8s %8s %8s %8s %8s%n", "route group", "reqs", "errors", "req/s",
				"p50 ms", "p95 ms", "p99 ms", "max ms");
		long all = 0;
		long allErrors = 0;
		for (Map.Entry<String, List<Long>> e : new TreeMap<>(this.latencies).entrySet()) {
			long[] v;
			synchronized (e.getValue()) {
				v = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
			}
			long err = this.errors.getOrDefault(e.getKey(), new AtomicLong()).get();
			all += v.length;
			allErrors += err;
			System.out.printf(Locale.ROOT, "%-14s %8d %7d %8.1f %8.1f %8.1f %8.1f %8.1f%n", e.getKey(), v.length, err,
					v.length / elapsed, pct(v, 50), pct(v, 95), pct(v, 99), v.length == 0 ? 0 : v[v.length - 1] / 1e6);
		}
		System.out.printf(Locale.ROOT, "%-14s %8d %7d %8.1f%n", "all", all, allErrors, all / elapsed);
		long acceptedEdits = this.accepted.values().stream().mapToLong(AtomicLong::get).sum();
		System.out.printf(Locale.ROOT, "edits accepted (2xx): %d on %d records; conflicts retried (409/412): %d%n",
				acceptedEdits, this.accepted.size(), this.conflicts.get());
		System.out.println("errors (5xx, unexpected 4xx, timeouts, I/O): " + allErrors
				+ (this.errorKinds.isEmpty() ? "" : " " + new TreeMap<>(this.errorKinds)));
		if (heap.size() >= 2) {
			StringBuilder series = new StringBuilder();
			for (String h : heap) {
				String[] p = h.split("\t");
				series.append(series.length() == 0 ? "" : ", ").append(p[0]).append(" s: ").append(p[1]).append(" MB");
			}
			double first = Double.parseDouble(heap.get(0).split("\t")[1]);
			double last = Double.parseDouble(heap.get(heap.size() - 1).split("\t")[1]);
			System.out.println("heap used after GC: " + series);
			System.out.printf(Locale.ROOT, "heap after GC, last / first: %.2f%n", last / first);
		}
	}

	static double pct(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
	}

}
