package vn.landregistry.tiles;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Tiles in memory, bounded by their size: the least recently used leave first. Edits evict the
 * tiles they reach ({@link #evict}); a tile made before an eviction is not stored after it
 * ({@link #generation}), since it may hold what the edit changed.
 */
@Component
class TileCache {

	/** What a map entry costs beyond the tile's bytes, roughly. */
	private static final long ENTRY_OVERHEAD = 160;

	private final long capacity;

	private final LinkedHashMap<TileKey, Tile> tiles = new LinkedHashMap<>(1024, 0.75f, true);

	private long bytes;

	private long generation;

	TileCache(TileProperties properties) {
		this.capacity = properties.cacheSize().toBytes();
	}

	synchronized Tile get(TileKey key) {
		return this.tiles.get(key);
	}

	/** Changes with every eviction: pass it from before a tile was made to {@link #put}. */
	synchronized long generation() {
		return this.generation;
	}

	/** Keeps the tile unless something was evicted since {@code generation}. */
	synchronized void put(TileKey key, Tile tile, long generation) {
		if (generation != this.generation || size(tile) > this.capacity) {
			return;
		}
		Tile previous = this.tiles.put(key, tile);
		this.bytes += size(tile) - (previous == null ? 0 : size(previous));
		Iterator<Tile> eldest = this.tiles.values().iterator();
		while (this.bytes > this.capacity && eldest.hasNext()) {
			this.bytes -= size(eldest.next());
			eldest.remove();
		}
	}

	/** Evicts the tiles each change reaches; answers how many went. */
	synchronized int evict(Collection<TileChange> changes) {
		this.generation++;
		int evicted = 0;
		Iterator<Map.Entry<TileKey, Tile>> entries = this.tiles.entrySet().iterator();
		while (entries.hasNext()) {
			Map.Entry<TileKey, Tile> entry = entries.next();
			if (changes.stream().anyMatch(change -> change.reaches(entry.getKey()))) {
				this.bytes -= size(entry.getValue());
				entries.remove();
				evicted++;
			}
		}
		return evicted;
	}

	synchronized void clear() {
		this.generation++;
		this.tiles.clear();
		this.bytes = 0;
	}

	synchronized int count() {
		return this.tiles.size();
	}

	synchronized long bytes() {
		return this.bytes;
	}

	private static long size(Tile tile) {
		return tile.bytes().length + ENTRY_OVERHEAD;
	}

}
