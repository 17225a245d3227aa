package vn.landregistry.maps;

import java.util.Locale;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.landregistry.shared.PageController;
import vn.landregistry.shared.PageMessages;

/** The map page: zones and district outlines over a configurable base map. */
@PageController
class MapController {

	private final MapProperties properties;

	private final PageMessages messages;

	MapController(MapProperties properties, PageMessages messages) {
		this.properties = properties;
		this.messages = messages;
	}

	@GetMapping("/")
	String map(Model model, Locale locale) {
		model.addAttribute("messages", this.messages.forLocale(locale));
		model.addAttribute("vectorPlotsThreshold", this.properties.vectorPlotsThreshold());
		return "map";
	}

}
