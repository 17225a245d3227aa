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
 */
@ConfigurationProperties("registry.tiles")
record TileProperties(@DefaultValue("64MB") DataSize cacheSize, @DefaultValue("10s") Duration maxAge) {
}
