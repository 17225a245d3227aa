package vn.landregistry.tiles;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;

/** Tiles from the cache when still current, else from PostGIS (then cached). */
@Service
class TileService {

	private final TileChanges changes;

	private final TileCache cache;

	private final TileSource source;

	private final TileJsonCache documents;

	private final AtomicLong hits = new AtomicLong();

	private final AtomicLong misses = new AtomicLong();

	TileService(TileChanges changes, TileCache cache, TileSource source, TileJsonCache documents) {
		this.changes = changes;
		this.cache = cache;
		this.source = source;
		this.documents = documents;
	}

	Served tile(TileLayer layer, TileAddress address) {
		this.changes.catchUp();
		TileKey key = new TileKey(layer, address);
		Tile cached = this.cache.get(key);
		if (cached != null) {
			this.hits.incrementAndGet();
			return new Served(cached, true);
		}
		long generation = this.cache.generation();
		Tile tile = Tile.of(this.source.tile(layer, address));
		this.cache.put(key, tile, generation);
		this.misses.incrementAndGet();
		return new Served(tile, false);
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

	long misses() {
		return this.misses.get();
	}

	/** A tile and whether the cache had it. */
	record Served(Tile tile, boolean hit) {
	}

}
