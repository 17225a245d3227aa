package vn.landregistry.tiles;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Vector tile serving.
 *
 * @param cacheSize memory for cached tiles; the least recently used go first
 * @param maxAge how long browsers and proxies may use a tile before asking again (with its ETag):
 * short, so that edits show soon
 * @param store whether tiles with features are kept in PostGIS (table tile_store), so that a
 * restart or another instance does not start cold
 * @param storeMaxZoom the last zoom whose tiles are kept and seeded
 * @param seed whether the pyramid of published tiles is made in the background at start and again
 * after the day changes (one instance at a time does it)
 */
@ConfigurationProperties("registry.tiles")
record TileProperties(@DefaultValue("64MB") DataSize cacheSize, @DefaultValue("10s") Duration maxAge,
		@DefaultValue("true") boolean store, @DefaultValue("16") int storeMaxZoom, @DefaultValue("true") boolean seed) {
}
