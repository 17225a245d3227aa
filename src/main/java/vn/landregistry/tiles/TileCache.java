package vn.landregistry.tiles;

import java.util.Collection;

import org.springframework.stereotype.Component;

import vn.landregistry.shared.SizedLru;

/**
 * Tiles in memory, bounded by their size (registry.tiles.cache-size). Edits evict the tiles they
 * reach ({@link #evict}); a tile made before an eviction is not stored after it.
 */
@Component
class TileCache {

	/** What a map entry costs beyond the tile's bytes, roughly. */
	private static final long ENTRY_OVERHEAD = 160;

	private final SizedLru<TileKey, Tile> tiles;

	TileCache(TileProperties properties) {
		this.tiles = new SizedLru<>(properties.cacheSize().toBytes(), (key, tile) -> tile.bytes().length + ENTRY_OVERHEAD);
	}

	Tile get(TileKey key) {
		return this.tiles.get(key);
	}

	/** Changes with every eviction: pass it from before a tile was made to {@link #put}. */
	long generation() {
		return this.tiles.generation();
	}

	/** Keeps the tile unless something was evicted since {@code generation}. */
	void put(TileKey key, Tile tile, long generation) {
		this.tiles.put(key, tile, generation);
	}

	/** Evicts the tiles each change reaches; answers how many went. */
	int evict(Collection<TileChange> changes) {
		return this.tiles.evictIf((key, tile) -> changes.stream().anyMatch(change -> change.reaches(key)));
	}

	void clear() {
		this.tiles.clear();
	}

	int count() {
		return this.tiles.count();
	}

	long bytes() {
		return this.tiles.bytes();
	}

}
