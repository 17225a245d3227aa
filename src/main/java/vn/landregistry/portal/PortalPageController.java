package vn.landregistry.portal;

import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import vn.landregistry.shared.PageController;

import static vn.landregistry.portal.PortalPageModel.absolute;
import static vn.landregistry.portal.PortalPageModel.english;

/**
 * The investor portal's pages: the land search (filled in the browser from /api/portal/land), and
 * zone profiles and plot details rendered on the server so that they can be shared and indexed.
 * Data comes from the same beans as the public API, so a page never shows what the API would not.
 */
@PageController
class PortalPageController {

	/** Countries investors come from most, on top of the country list of the enquiry form. */
	static final List<String> FIRST_COUNTRIES = List.of("KR", "JP", "CN", "TW", "HK", "SG", "US", "DE", "VN");

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final PublicProfiles profiles;

	private final PortalPageModel pages;

	private final Clock clock;

	PortalPageController(PublicProfiles profiles, PortalPageModel pages, Clock clock) {
		this.profiles = profiles;
		this.pages = pages;
		this.clock = clock;
	}

	@GetMapping("/portal")
	String search(Model model, Locale locale, HttpServletRequest request) {
		this.pages.common(model, locale, request);
		String name = english(locale) ? "nameEn" : "name";
		Collator collator = Collator.getInstance(locale);
		List<Map<String, Object>> zones = this.profiles.publishedZones(today()).stream()
			.sorted(Comparator.comparing((Map<String, Object> zone) -> String.valueOf(zone.get("kind"))).reversed()
				.thenComparing(zone -> String.valueOf(zone.get(zone.get(name) == null ? "name" : name)), collator))
			.toList();
		model.addAttribute("zones", zones);
		String unitName = english(locale) ? "unitNameEn" : "unitName";
		Map<String, String> units = new LinkedHashMap<>();
		zones.stream()
			.filter(zone -> zone.get("unit") != null)
			.map(zone -> Map.entry((String) zone.get("unit"),
					String.valueOf(zone.get(zone.get(unitName) == null ? "unitName" : unitName))))
			.sorted(Map.Entry.comparingByValue(collator))
			.forEach(unit -> units.putIfAbsent(unit.getKey(), unit.getValue()));
		model.addAttribute("units", units);
		model.addAttribute("industries", Industry.values());
		model.addAttribute("canonical", absolute(request, "/portal", locale));
		model.addAttribute("pricesPublished", this.profiles.pricesPublished());
		return "portal";
	}

	@GetMapping("/portal/zones/{code}")
	String zone(@PathVariable String code, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		this.pages.common(model, locale, request);
		Optional<Map<String, Object>> feature = this.profiles.zone(code, today()).map(PortalPageController::parse);
		if (feature.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "portal-zone";
		}
		Map<String, Object> zone = properties(feature.get());
		model.addAttribute("zone", zone);
		model.addAttribute("geometry", JSON.writeValueAsString(feature.get().get("geometry")));
		model.addAttribute("canonical", absolute(request, "/portal/zones/" + zone.get("code"), locale));
		model.addAttribute("previewImage", absolute(request, "/portal/zones/" + zone.get("code") + "/preview.png", locale));
		model.addAttribute("estimate", SiteFacts.estimate());
		model.addAttribute("countries", countries(locale));
		return "portal-zone";
	}

	@GetMapping("/portal/plots/{id}")
	String plot(@PathVariable String id, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		this.pages.common(model, locale, request);
		Optional<Map<String, Object>> feature = id.matches("[0-9]{1,18}")
				? this.profiles.plot(Long.parseLong(id), today()).map(PortalPageController::parse) : Optional.empty();
		if (feature.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "portal-plot";
		}
		Map<String, Object> plot = properties(feature.get());
		model.addAttribute("plot", plot);
		model.addAttribute("geometry", JSON.writeValueAsString(feature.get().get("geometry")));
		model.addAttribute("canonical", absolute(request, "/portal/plots/" + plot.get("id"), locale));
		model.addAttribute("previewImage", absolute(request, "/portal/plots/" + plot.get("id") + "/preview.png", locale));
		model.addAttribute("estimate", SiteFacts.estimate());
		model.addAttribute("countries", countries(locale));
		return "portal-plot";
	}

	/** ISO countries named in the page's language, investors' usual ones first. */
	private static List<Map<String, String>> countries(Locale locale) {
		Comparator<Map<String, String>> byName = Comparator.comparing(country -> country.get("name"),
				Collator.getInstance(locale));
		List<Map<String, String>> first = FIRST_COUNTRIES.stream().map(code -> country(code, locale)).toList();
		List<Map<String, String>> rest = Arrays.stream(Locale.getISOCountries())
			.filter(code -> !FIRST_COUNTRIES.contains(code))
			.map(code -> country(code, locale))
			.sorted(byName)
			.toList();
		return Stream.concat(first.stream(), rest.stream()).toList();
	}

	private static Map<String, String> country(String code, Locale locale) {
		return Map.of("code", code, "name", new Locale.Builder().setRegion(code).build().getDisplayCountry(locale));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> parse(String feature) {
		return JSON.readValue(feature, Map.class);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> properties(Map<String, Object> feature) {
		return (Map<String, Object>) feature.get("properties");
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
