package vn.landregistry.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When something last happened, per key (a client address, an account), within a sliding window:
 * what rate limits count. Bounded: at most {@code maxKeys} keys are remembered, the least recently
 * used forgotten first, and each key keeps at most {@code maxPerKey} times; forgetting only ever
 * lets more through, never blocks anyone.
 */
public final class RecentEvents {

	private final Duration window;

	private final int maxPerKey;

	private final LinkedHashMap<String, ArrayDeque<Instant>> recent;

	public RecentEvents(Duration window, int maxPerKey, int maxKeys) {
		if (maxKeys < 1 || maxPerKey < 1) {
			throw new IllegalArgumentException("maxKeys and maxPerKey must be at least 1");
		}
		this.window = window;
		this.maxPerKey = maxPerKey;
		this.recent = new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<Instant>> eldest) {
				return size() > maxKeys;
			}
		};
	}

	/** Seconds until fewer than {@code limit} events of {@code key} lie in the window (0: below it now). */
	public synchronized long waitSeconds(String key, int limit, Instant now) {
		ArrayDeque<Instant> times = this.recent.get(key);
		if (times == null) {
			return 0;
		}
		prune(times, now);
		if (times.isEmpty()) {
			this.recent.remove(key);
			return 0;
		}
		if (times.size() < limit) {
			return 0;
		}
		// the limit-th latest event must leave the window
		Instant leaving = times.stream().skip(times.size() - limit).findFirst().orElseThrow();
		return Math.max(1, Duration.between(now, leaving.plus(this.window)).toSeconds() + 1);
	}

	/** Records an event of {@code key}; answers how many lie in the window now. */
	public synchronized int add(String key, Instant now) {
		ArrayDeque<Instant> times = this.recent.computeIfAbsent(key, k -> new ArrayDeque<>());
		prune(times, now);
		times.addLast(now);
		while (times.size() > this.maxPerKey) {
			times.pollFirst();
		}
		return times.size();
	}

	/** Records an event unless {@code limit} already lie in the window: the seconds to wait then, else 0. */
	public synchronized long tryAdd(String key, int limit, Instant now) {
		long wait = waitSeconds(key, limit, now);
		if (wait == 0) {
			add(key, now);
		}
		return wait;
	}

	public synchronized void forget(String key) {
		this.recent.remove(key);
	}

	public synchronized void clear() {
		this.recent.clear();
	}

	/** How many keys are remembered. */
	public synchronized int size() {
		return this.recent.size();
	}

	private void prune(ArrayDeque<Instant> times, Instant now) {
		Instant start = now.minus(this.window);
		while (!times.isEmpty() && !times.peekFirst().isAfter(start)) {
			times.pollFirst();
		}
	}

}
