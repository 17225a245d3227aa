package vn.landregistry.maps;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.landregistry.shared.PageController;
import vn.landregistry.shared.PageMessages;

/**
 * The editing page of the authority: zones and plots on a map, drawn, reshaped, split, merged,
 * published and deleted through the write API. Only the authority reaches it (see SecurityConfig).
 */
@PageController
class EditPageController {

	private final PageMessages messages;

	private final Clock clock;

	EditPageController(PageMessages messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/edit")
	String edit(Model model, Locale locale) {
		model.addAttribute("messages", this.messages.forLocale(locale));
		model.addAttribute("today", LocalDate.now(this.clock).toString());
		return "edit";
	}

}
