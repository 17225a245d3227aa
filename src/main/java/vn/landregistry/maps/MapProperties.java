package vn.landregistry.maps;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Base map settings. The zones and outlines come from this server, so the map still shows them
 * when the tile server cannot be reached.
 *
 * @param tileUrl XYZ tile URL template ({z}/{x}/{y}); empty for no base map
 * @param tileAttribution attribution shown for the base map
 */
@ConfigurationProperties("registry.map")
public record MapProperties(String tileUrl, String tileAttribution) {
}
