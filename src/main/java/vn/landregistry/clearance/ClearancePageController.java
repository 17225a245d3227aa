package vn.landregistry.clearance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.landregistry.shared.PageController;
import vn.landregistry.shared.PageMessages;

/**
 * The land clearance (GPMB) dashboard of one district: progress, overdue phases, a map, the
 * history of a phase and a form to record its next step, all read from and written to the
 * clearance API.
 */
@PageController
class ClearancePageController {

	private final JdbcClient jdbc;

	private final PageMessages messages;

	private final Clock clock;

	ClearancePageController(JdbcClient jdbc, PageMessages messages, Clock clock) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/clearance")
	String clearance(@RequestParam(required = false) String district, Model model, Locale locale) {
		List<Map<String, Object>> districts = districts();
		String wanted = district == null ? "" : district.trim();
		// Without a choice, the first district that has phases; an unknown code leaves only the picker.
		String selected = districts.stream()
			.filter(d -> wanted.isEmpty() ? ((Number) d.get("phases")).longValue() > 0 : wanted.equalsIgnoreCase((String) d.get("code")))
			.map(d -> (String) d.get("code"))
			.findFirst()
			.orElse(null);
		model.addAttribute("messages", this.messages.forLocale(locale));
		model.addAttribute("english", "en".equals(locale.getLanguage()));
		model.addAttribute("districts", districts);
		model.addAttribute("district", selected == null ? "" : selected);
		model.addAttribute("unknownDistrict", selected == null && !wanted.isEmpty() ? wanted : null);
		// The province's today, as the API reckons overdue phases and refuses steps in the future.
		model.addAttribute("today", LocalDate.now(this.clock).toString());
		return "clearance";
	}

	/** Every district, past or present: phases keep the district in charge when it was registered. */
	private List<Map<String, Object>> districts() {
		return this.jdbc.sql("""
				SELECT d.code, d.name_vi AS name, coalesce(d.name_en, d.name_vi) AS "nameEn",
				       (SELECT count(*) FROM clearance_phase p WHERE p.district_id = d.id) AS phases
				  FROM admin_unit d
				 WHERE d.level = 'DISTRICT'
				 ORDER BY d.name_vi, d.code""")
			.query()
			.listOfRows();
	}

}
