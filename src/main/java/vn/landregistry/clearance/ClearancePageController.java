package vn.landregistry.clearance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.landregistry.security.CurrentUser;
import vn.landregistry.shared.PageController;
import vn.landregistry.shared.PageMessages;
import vn.landregistry.shared.Visible;

/**
 * The land clearance (GPMB) dashboard of one administrative unit — a commune or ward since
 * 2025-07-01, a district before (?unit=, or ?commune= / ?district=): progress, overdue phases, a
 * map, the history of a phase and a form to record its next step, all read from and written to
 * the clearance API.
 */
@PageController
class ClearancePageController {

	private final JdbcClient jdbc;

	private final PageMessages messages;

	private final Clock clock;

	private final CurrentUser user;

	private final ClearanceStatistics statistics;

	private final ClearanceFigures figures;

	ClearancePageController(JdbcClient jdbc, PageMessages messages, Clock clock, CurrentUser user,
			ClearanceStatistics statistics, ClearanceFigures figures) {
		this.statistics = statistics;
		this.figures = figures;
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
		this.user = user;
	}

	@GetMapping("/clearance")
	String clearance(@RequestParam(required = false) String unit, @RequestParam(required = false) String district,
			@RequestParam(required = false) String commune,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, Model model,
			Locale locale) {
		LocalDate today = LocalDate.now(this.clock);
		// a past day shows the state and the units of that day, read-only
		LocalDate day = asOf == null || asOf.isAfter(today) ? today : asOf;
		List<Map<String, Object>> units = units(day);
		String wanted = firstGiven(unit, commune, district);
		// Without a choice the page asks for one, below the province's units side by side; an unknown
		// code leaves only the picker.
		Map<String, Object> selected = wanted.isEmpty() ? null
				: units.stream().filter(u -> wanted.equalsIgnoreCase((String) u.get("code"))).findFirst().orElse(null);
		if (wanted.isEmpty()) {
			model.addAttribute("province", ProvinceComparison.of(this.statistics.table(ClearanceGroupBy.UNIT, Set.of(),
					Set.of(), day), locale));
		}
		model.addAttribute("hiddenFigures", ClearanceFigures.names(this.figures.hidden()));
		model.addAttribute("messages", this.messages.forLocale(locale));
		model.addAttribute("english", "en".equals(locale.getLanguage()));
		model.addAttribute("currentUnits", units.stream().filter(u -> (Boolean) u.get("current")).toList());
		model.addAttribute("pastUnits", units.stream().filter(u -> !(Boolean) u.get("current")).toList());
		model.addAttribute("unit", selected == null ? "" : selected.get("code"));
		model.addAttribute("selectedUnit", selected);
		model.addAttribute("unknownUnit", selected == null && !wanted.isEmpty() ? wanted : null);
		// The province's today, as the API reckons overdue phases and refuses steps in the future.
		model.addAttribute("today", today.toString());
		model.addAttribute("asOf", day.equals(today) ? "" : day.toString());
		return "clearance";
	}

	private static String firstGiven(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value.trim();
			}
		}
		return "";
	}

	/**
	 * Units below the province: those in force on the day (communes and wards since 2025-07-01,
	 * districts before) and the others, each with the phases lying in it that the reader may see.
	 */
	private List<Map<String, Object>> units(LocalDate day) {
		return this.jdbc.sql("""
				SELECT u.code, u.name_vi AS name, coalesce(u.name_en, u.name_vi) AS "nameEn", u.level,
				       u.valid_from AS "validFrom", u.valid_to AS "validTo", unit_committee(u.id) AS committee,
				       in_force(u.valid_from, u.valid_to, :day) AS current,
				       (SELECT count(*) FROM %s p
				         WHERE p.boundary && u.boundary AND in_unit(p.boundary, u.id, :day)) AS phases
				  FROM admin_unit u
				 WHERE u.level IN ('DISTRICT', 'COMMUNE')
				 ORDER BY u.name_vi, u.code""".formatted(Visible.clearancePhases(this.user.seesDrafts())))
			.param("day", day)
			.query()
			.listOfRows();
	}

}
