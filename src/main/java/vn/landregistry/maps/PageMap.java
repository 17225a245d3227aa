package vn.landregistry.maps;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.landregistry.shared.PageController;

/**
 * Every page with a map gets the base map's tiles and attribution: the MBTiles file this server
 * serves when one is configured, else the tile server (none configured: no base map).
 */
@ControllerAdvice(annotations = PageController.class)
class PageMap {

	private final MapProperties properties;

	private final BaseMapTiles tiles;

	PageMap(MapProperties properties, BaseMapTiles tiles) {
		this.properties = properties;
		this.tiles = tiles;
	}

	@ModelAttribute("tileUrl")
	String tileUrl() {
		if (this.properties.selfHosted()) {
			return BaseMapController.TEMPLATE;
		}
		return this.properties.tileUrl() == null ? "" : this.properties.tileUrl();
	}

	@ModelAttribute("tileAttribution")
	String tileAttribution() {
		if (this.properties.selfHosted() && this.tiles.attribution() != null) {
			return this.tiles.attribution();
		}
		return this.properties.tileAttribution();
	}

}
