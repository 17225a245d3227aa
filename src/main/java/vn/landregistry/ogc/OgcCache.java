package vn.landregistry.ogc;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import vn.landregistry.shared.RegistryChanges;

/**
 * Items pages and single features already answered, in memory, bounded by their size (the least
 * recently used leave first; registry.ogc.cache-size, 0 = off). The key is everything the bytes
 * depend on besides the data: collection, the normalized request, the encoding, the server's
 * address (links are absolute) and the day.
 * <p>
 * Never stale: before every lookup {@link RegistryChanges} tells what was recorded in
 * change_history since the last look (one small query, shared by concurrent requests), and every
 * cached answer of a collection that reads a changed table goes ({@link OgcCollections#changedBy});
 * a change of the administrative units or of the day empties the cache. An answer made before an
 * eviction of its collection is not stored after it ({@link #generation}), since it may hold what
 * the edit changed.
 */
@Component
class OgcCache {

	/** What an entry costs beyond its bytes, roughly. */
	private static final long ENTRY_OVERHEAD = 200;

	private final long capacity;

	private final OgcCollections collections;

	private final RegistryChanges.Watch watch;

	private final LinkedHashMap<String, Entry> answers = new LinkedHashMap<>(256, 0.75f, true);

	private final Map<String, Long> generations = new HashMap<>();

	private long bytes;

	OgcCache(OgcProperties properties, OgcCollections collections, RegistryChanges changes, Clock clock) {
		this.capacity = properties.cacheSize().toBytes();
		this.collections = collections;
		this.watch = changes.watch("CAST(now() AT TIME ZONE '" + clock.getZone().getId() + "' AS date)", this::apply);
	}

	boolean enabled() {
		return this.capacity > 0;
	}

	/**
	 * The answer under {@code key}, from the cache when it holds one made since the last change of
	 * the collection, else made now (and kept). {@code hit} is null when the cache is off.
	 */
	Served serve(String collection, String key, Supplier<OgcAnswer> make) {
		if (!enabled()) {
			return new Served(make.get(), null);
		}
		this.watch.catchUp();
		OgcAnswer cached = get(key);
		if (cached != null) {
			return new Served(cached, true);
		}
		long generation = generation(collection);
		OgcAnswer answer = make.get();
		put(collection, key, answer, generation);
		return new Served(answer, false);
	}

	private synchronized OgcAnswer get(String key) {
		Entry entry = this.answers.get(key);
		return entry == null ? null : entry.answer();
	}

	/** Changes with every eviction of the collection. */
	private synchronized long generation(String collection) {
		return this.generations.getOrDefault(collection, 0L);
	}

	private synchronized void put(String collection, String key, OgcAnswer answer, long generation) {
		Entry entry = new Entry(collection, answer, size(key, answer));
		if (generation != generation(collection) || entry.size() > this.capacity) {
			return;
		}
		Entry previous = this.answers.put(key, entry);
		this.bytes += entry.size() - (previous == null ? 0 : previous.size());
		Iterator<Entry> eldest = this.answers.values().iterator();
		while (this.bytes > this.capacity && eldest.hasNext()) {
			this.bytes -= eldest.next().size();
			eldest.remove();
		}
	}

	private void apply(RegistryChanges.Changed changed) {
		evict(changed.everything() ? this.collections.ids() : this.collections.changedBy(changed.tables()));
	}

	private synchronized void evict(Collection<String> collections) {
		collections.forEach(c -> this.generations.merge(c, 1L, Long::sum));
		Iterator<Entry> entries = this.answers.values().iterator();
		while (entries.hasNext()) {
			Entry entry = entries.next();
			if (collections.contains(entry.collection())) {
				this.bytes -= entry.size();
				entries.remove();
			}
		}
	}

	private static long size(String key, OgcAnswer answer) {
		return answer.body().length + 2L * key.length() + ENTRY_OVERHEAD;
	}

	/** An answer and whether it came from the cache (null: there is no cache). */
	record Served(OgcAnswer answer, Boolean hit) {
	}

	private record Entry(String collection, OgcAnswer answer, long size) {
	}

}
