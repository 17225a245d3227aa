package vn.landregistry.ogc;

import java.time.Clock;
import java.util.Collection;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import vn.landregistry.shared.RegistryChanges;
import vn.landregistry.shared.SizedLru;

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
 * eviction is not stored after it, since it may hold what the edit changed.
 */
@Component
class OgcCache {

	/** What an entry costs beyond its bytes, roughly. */
	private static final long ENTRY_OVERHEAD = 200;

	private final long capacity;

	private final OgcCollections collections;

	private final RegistryChanges.Watch watch;

	private final SizedLru<String, Entry> answers;

	OgcCache(OgcProperties properties, OgcCollections collections, RegistryChanges changes, Clock clock) {
		this.capacity = properties.cacheSize().toBytes();
		this.answers = new SizedLru<>(this.capacity,
				(key, entry) -> entry.answer().body().length + 2L * key.length() + ENTRY_OVERHEAD);
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
		long generation = this.answers.generation();
		OgcAnswer answer = make.get();
		this.answers.put(key, new Entry(collection, answer), generation);
		return new Served(answer, false);
	}

	private OgcAnswer get(String key) {
		Entry entry = this.answers.get(key);
		return entry == null ? null : entry.answer();
	}

	private void apply(RegistryChanges.Changed changed) {
		evict(changed.everything() ? this.collections.ids() : this.collections.changedBy(changed.tables()));
	}

	private void evict(Collection<String> collections) {
		if (!collections.isEmpty()) {
			this.answers.evictIf((key, entry) -> collections.contains(entry.collection()));
		}
	}

	/** An answer and whether it came from the cache (null: there is no cache). */
	record Served(OgcAnswer answer, Boolean hit) {
	}

	private record Entry(String collection, OgcAnswer answer) {
	}

}
