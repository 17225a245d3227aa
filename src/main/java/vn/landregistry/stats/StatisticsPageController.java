package vn.landregistry.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.landregistry.shared.PageController;
import vn.landregistry.shared.PageMessages;

/** The statistics page: fill-rate charts, a choropleth map and tables, all read from the statistics API. */
@PageController
class StatisticsPageController {

	private final PageMessages messages;

	private final Clock clock;

	StatisticsPageController(PageMessages messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/stats")
	String stats(Model model, Locale locale) {
		// The province's today, not the browser's, so that the page and the API agree on "as of".
		LocalDate today = LocalDate.now(this.clock);
		model.addAttribute("messages", this.messages.forLocale(locale));
		model.addAttribute("today", today);
		model.addAttribute("seriesFrom", today.minusYears(5));
		return "stats";
	}

}
