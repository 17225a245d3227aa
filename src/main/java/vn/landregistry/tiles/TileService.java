package vn.landregistry.tiles;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;

/**
 * Tiles from memory when still current, else from the store in PostGIS, else made by PostGIS
 * (then kept in both).
 */
@Service
class TileService {

	private final TileChanges changes;

	private final TileCache cache;

	private final TileStore store;

	private final TileSource source;

	private final TileJsonCache documents;

	private final AtomicLong hits = new AtomicLong();

	private final AtomicLong storeHits = new AtomicLong();

	private final AtomicLong misses = new AtomicLong();

	TileService(TileChanges changes, TileCache cache, TileStore store, TileSource source, TileJsonCache documents) {
		this.changes = changes;
		this.cache = cache;
		this.store = store;
		this.source = source;
		this.documents = documents;
	}

	Served tile(TileLayer layer, TileAddress address) {
		this.changes.catchUp();
		TileKey key = new TileKey(layer, address);
		Tile cached = this.cache.get(key);
		if (cached != null) {
			this.hits.incrementAndGet();
			return new Served(cached, Origin.MEMORY);
		}
		long generation = this.cache.generation();
		Optional<byte[]> stored = this.store.keeps(address) ? this.store.find(layer, address) : Optional.empty();
		Origin origin = stored.isPresent() ? Origin.STORE : Origin.MADE;
		byte[] bytes = stored.orElseGet(
				() -> this.store.keeps(address) ? this.store.make(layer, address) : this.source.tile(layer, address));
		Tile tile = Tile.of(bytes);
		this.cache.put(key, tile, generation);
		(origin == Origin.STORE ? this.storeHits : this.misses).incrementAndGet();
		return new Served(tile, origin);
	}

	/** The tile if the cache holds it (a hit, counted), else null; nothing is made. */
	Tile cached(TileKey key) {
		this.changes.catchUp();
		Tile cached = this.cache.get(key);
		if (cached != null) {
			this.hits.incrementAndGet();
		}
		return cached;
	}

	/** The layer's TileJSON document for tiles at {@code base}, if made already. */
	byte[] cachedTileJson(TileLayer layer, String base) {
		this.changes.catchUp();
		return this.documents.get(layer, base);
	}

	TileJsonCache.Served tileJson(TileLayer layer, String base, Supplier<byte[]> make) {
		this.changes.catchUp();
		return this.documents.serve(layer, base, make);
	}

	long hits() {
		return this.hits.get();
	}

	long storeHits() {
		return this.storeHits.get();
	}

	long misses() {
		return this.misses.get();
	}

	/** Where a tile came from: memory, the store in PostGIS, or made now by PostGIS. */
	enum Origin {

		MEMORY("HIT"), STORE("STORE"), MADE("MISS");

		private final String header;

		Origin(String header) {
			this.header = header;
		}

		/** The value of X-Tile-Cache. */
		String header() {
			return this.header;
		}

	}

	/** A tile and where it came from. */
	record Served(Tile tile, Origin origin) {
	}

}
