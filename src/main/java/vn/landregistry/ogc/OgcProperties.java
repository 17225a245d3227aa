package vn.landregistry.ogc;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * OGC API – Features serving.
 *
 * @param cacheSize memory for answered items pages and features (the least recently used go first);
 * 0 turns the cache off
 */
@ConfigurationProperties("registry.ogc")
record OgcProperties(@DefaultValue("64MB") DataSize cacheSize) {
}
