package vn.landregistry.shared;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.ToLongBiFunction;

/**
 * Answers kept in memory, bounded by their size: the least recently used leave first. The caches
 * of public data (tiles, OGC pages) evict what an edit reaches; an answer made before an eviction
 * is not stored after it ({@link #generation}), since it may hold what the edit changed.
 */
public final class SizedLru<K, V> {

	private final long capacity;

	private final ToLongBiFunction<K, V> size;

	private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(256, 0.75f, true);

	private long bytes;

	private long generation;

	/** {@code size}: what an entry costs, its bytes and a rough overhead. */
	public SizedLru(long capacity, ToLongBiFunction<K, V> size) {
		this.capacity = capacity;
		this.size = size;
	}

	public synchronized V get(K key) {
		return this.entries.get(key);
	}

	/** Changes with every eviction: take it before making an answer, and pass it to {@link #put}. */
	public synchronized long generation() {
		return this.generation;
	}

	/** Keeps the answer unless something was evicted since {@code generation} or it is too big. */
	public synchronized void put(K key, V value, long generation) {
		long cost = this.size.applyAsLong(key, value);
		if (generation != this.generation || cost > this.capacity) {
			return;
		}
		V previous = this.entries.put(key, value);
		this.bytes += cost - (previous == null ? 0 : this.size.applyAsLong(key, previous));
		Iterator<Map.Entry<K, V>> eldest = this.entries.entrySet().iterator();
		while (this.bytes > this.capacity && eldest.hasNext()) {
			Map.Entry<K, V> entry = eldest.next();
			this.bytes -= this.size.applyAsLong(entry.getKey(), entry.getValue());
			eldest.remove();
		}
	}

	/** Evicts the entries {@code reached} accepts; answers how many went. */
	public synchronized int evictIf(BiPredicate<K, V> reached) {
		this.generation++;
		int evicted = 0;
		Iterator<Map.Entry<K, V>> all = this.entries.entrySet().iterator();
		while (all.hasNext()) {
			Map.Entry<K, V> entry = all.next();
			if (reached.test(entry.getKey(), entry.getValue())) {
				this.bytes -= this.size.applyAsLong(entry.getKey(), entry.getValue());
				all.remove();
				evicted++;
			}
		}
		return evicted;
	}

	public synchronized void clear() {
		this.generation++;
		this.entries.clear();
		this.bytes = 0;
	}

	public synchronized int count() {
		return this.entries.size();
	}

	public synchronized long bytes() {
		return this.bytes;
	}

}
