package vn.landregistry.maps;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Base map settings. The zones and outlines come from this server, so the map still shows them
 * when the tile server cannot be reached.
 *
 * @param tileUrl XYZ tile URL template ({z}/{x}/{y}); empty for no base map
 * @param tileAttribution attribution shown for the base map
 * @param vectorPlotsThreshold above this many public plots the map draws plots from the
 * registry's vector tiles (/tiles/plots) instead of GeoJSON
 * @param mbtiles an MBTiles file of raster tiles (PNG, JPEG or WebP) that this server serves at
 * {@value BaseMapController#TEMPLATE}: when set, every page's base map, in place of
 * {@code tileUrl} (for a deployment without internet)
 */
@ConfigurationProperties("registry.map")
public record MapProperties(String tileUrl, String tileAttribution, @DefaultValue("5000") long vectorPlotsThreshold,
		String mbtiles) {

	boolean selfHosted() {
		return this.mbtiles != null && !this.mbtiles.isBlank();
	}

}
