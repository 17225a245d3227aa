package vn.landregistry.ogc;

import java.util.Collection;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import vn.landregistry.history.RegistryChanges;
import vn.landregistry.shared.SizedLru;

/**
 * Items pages and single features already answered, in memory, bounded by their size (the least
 * recently used leave first; registry.ogc.cache-size, 0 = off). The key is everything the bytes
 * depend on besides the data: collection, the normalized request, the encoding, the server's
 * address (links are absolute) and the day.
 * <p>
 * Never stale: before every lookup {@link RegistryChanges} tells what was recorded in
 * change_history since the last look (no query unless a change was notified or this instance is
 * writing), and every
 * cached answer of a collection that reads a changed table goes ({@link OgcCollections#changedBy});
 * a change of the administrative units or of the day empties the cache. An answer made before an
 * eviction is not stored after it, since it may hold what the edit changed.
 * <p>
 * Beside its key, a JSON answer is found by the request as it came (an alias, evicted with the
 * answers of its collection), so that {@link OgcAnswers} may serve it before the request is
 * parsed.
 */
@Component
class OgcCache {

	/** What an entry costs beyond its bytes, roughly. */
	private static final long ENTRY_OVERHEAD = 200;

	/** Keys of aliases begin with it; answers' keys never do. */
	private static final String ALIAS = "alias\n";

	private final long capacity;

	private final OgcCollections collections;

	private final RegistryChanges.Watch watch;

	private final SizedLru<String, Entry> answers;

	OgcCache(OgcProperties properties, OgcCollections collections, RegistryChanges changes) {
		this.capacity = properties.cacheSize().toBytes();
		this.answers = new SizedLru<>(this.capacity, (key, entry) -> (entry.answer() == null ? 2L * entry.target().length()
				: entry.answer().body().length) + 2L * key.length() + ENTRY_OVERHEAD);
		this.collections = collections;
		this.watch = changes.watch("registry_today()", this::apply);
	}

	boolean enabled() {
		return this.capacity > 0;
	}

	/**
	 * The answer under {@code key}, from the cache when it holds one made since the last change of
	 * the collection, else made now (and kept); {@code alias} (may be null) then names it too.
	 * {@code hit} is null when the cache is off.
	 */
	Served serve(String collection, String key, String alias, Supplier<OgcAnswer> make) {
		if (!enabled()) {
			return new Served(make.get(), null);
		}
		this.watch.catchUp();
		long generation = this.answers.generation();
		OgcAnswer cached = get(key);
		boolean hit = cached != null;
		if (!hit) {
			cached = make.get();
			this.answers.put(key, new Entry(collection, cached, null), generation);
		}
		if (alias != null && this.answers.get(ALIAS + alias) == null) {
			this.answers.put(ALIAS + alias, new Entry(collection, null, key), generation);
		}
		return new Served(cached, hit);
	}

	/**
	 * The answer held for a request as it came ({@code alias}: everything its bytes depend on, see
	 * {@link OgcAnswers}), once the cache is up to date; null when there is none.
	 */
	OgcAnswer cached(String alias) {
		if (!enabled()) {
			return null;
		}
		this.watch.catchUp();
		Entry entry = this.answers.get(ALIAS + alias);
		return entry == null ? null : get(entry.target());
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

	/** An answer, or (answer null) an alias naming the key of one. */
	private record Entry(String collection, OgcAnswer answer, String target) {
	}

}
