package vn.landregistry.maps;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.landregistry.shared.PageController;

/** Every page with a map gets the base map's tiles and attribution (none configured: no base map). */
@ControllerAdvice(annotations = PageController.class)
class PageMap {

	private final MapProperties properties;

	PageMap(MapProperties properties) {
		this.properties = properties;
	}

	@ModelAttribute("tileUrl")
	String tileUrl() {
		return this.properties.tileUrl() == null ? "" : this.properties.tileUrl();
	}

	@ModelAttribute("tileAttribution")
	String tileAttribution() {
		return this.properties.tileAttribution();
	}

}
