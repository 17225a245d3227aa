package vn.landregistry.maps;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The map page: zones and district outlines over a configurable base map. */
@Controller
class MapController {

	private final MapProperties properties;

	MapController(MapProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/")
	String map(Model model) {
		model.addAttribute("tileUrl", this.properties.tileUrl() == null ? "" : this.properties.tileUrl());
		model.addAttribute("tileAttribution", this.properties.tileAttribution());
		return "map";
	}

}
