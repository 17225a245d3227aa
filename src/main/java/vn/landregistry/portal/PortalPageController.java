package vn.landregistry.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import vn.landregistry.shared.InvalidParameterException;
import vn.landregistry.shared.PageController;
import vn.landregistry.shared.PageMessages;

/**
 * The investor portal's pages: the land search (filled in the browser from /api/portal/land),
 * zone profiles and plot details rendered on the server so that they can be shared and indexed,
 * the authority's enquiry inbox, the sitemap and robots.txt. Data comes from the same beans as
 * the public API, so a page never shows what the API would not.
 */
@PageController
class PortalPageController {

	/** Languages offered by the switch, with their own names; each needs a bundle and LocaleConfig support. */
	static final Map<String, String> LANGUAGES = mapOf("vi", "Tiếng Việt", "en", "English");

	/** Countries investors come from most, on top of the country list of the enquiry form. */
	static final List<String> FIRST_COUNTRIES = List.of("KR", "JP", "CN", "TW", "HK", "SG", "US", "DE", "VN");

	/** Message key prefixes the portal's scripts read. */
	static final List<String> SCRIPT_MESSAGES = List.of("portal.", "kind.", "plotStatus.", "landUse.", "lang.");

	static final int SITEMAP_LIMIT = 50_000;

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final PublicProfiles profiles;

	private final Enquiries enquiries;

	private final PageMessages messages;

	private final JdbcClient jdbc;

	private final Clock clock;

	PortalPageController(PublicProfiles profiles, Enquiries enquiries, PageMessages messages,
			JdbcClient jdbc, Clock clock) {
		this.profiles = profiles;
		this.enquiries = enquiries;
		this.messages = messages;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@GetMapping("/portal")
	String search(Model model, Locale locale, HttpServletRequest request) {
		common(model, locale, request);
		String name = english(locale) ? "nameEn" : "name";
		java.text.Collator collator = java.text.Collator.getInstance(locale);
		List<Map<String, Object>> zones = publishedZones().stream()
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
		// a price filter can only match where a price is published
		model.addAttribute("pricesPublished", this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM public_zone WHERE lease_price_min_usd IS NOT NULL)")
			.query(Boolean.class).single());
		return "portal";
	}

	@GetMapping("/portal/zones/{code}")
	String zone(@PathVariable String code, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		common(model, locale, request);
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
		common(model, locale, request);
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

	/** The authority's inbox, rendered on the server (Thymeleaf escapes every field); inbox.js answers. */
	@GetMapping("/inbox")
	String inbox(@RequestParam(required = false) String status, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		common(model, locale, request);
		String filter = status == null || status.isBlank() ? "" : status.trim().toUpperCase(Locale.ROOT);
		try {
			model.addAttribute("enquiries", this.enquiries.inbox(filter));
		}
		catch (InvalidParameterException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("enquiries", List.of());
			model.addAttribute("problem", ex.getMessage());
		}
		model.addAttribute("status", filter);
		model.addAttribute("statuses", List.of("NEW", "ANSWERED", "CLOSED"));
		return "inbox";
	}

	/** Every public page: the search, each published zone's profile, each plot on offer (absolute URLs). */
	@GetMapping(path = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<String> sitemap(HttpServletRequest request) {
		List<String> paths = new ArrayList<>();
		paths.add("/portal");
		this.profiles.zoneCodes().forEach(code -> paths.add("/portal/zones/" + code));
		this.profiles.availablePlotIds(today()).forEach(id -> paths.add("/portal/plots/" + id));
		StringBuilder xml = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?>
				<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
				""");
		for (String path : paths.subList(0, Math.min(paths.size(), SITEMAP_LIMIT))) {
			xml.append("  <url><loc>").append(xml(absolute(request, path, null))).append("</loc>");
			for (String language : LANGUAGES.keySet()) {
				xml.append("<xhtml:link rel=\"alternate\" hreflang=\"").append(language).append("\" href=\"")
					.append(xml(absolute(request, path, Locale.forLanguageTag(language)))).append("\"/>");
			}
			xml.append("</url>\n");
		}
		xml.append("</urlset>\n");
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml.toString());
	}

	@GetMapping(path = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> robots(HttpServletRequest request) {
		String text = """
				User-agent: *
				Allow: /portal
				Disallow: /edit
				Disallow: /inbox
				Disallow: /api/
				Disallow: /login

				Sitemap: %s
				""".formatted(absolute(request, "/sitemap.xml", null));
		return ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
			.body(text);
	}

	/** What every portal page needs: messages, formats, base map, language links, CSRF when there is a session. */
	void common(Model model, Locale locale, HttpServletRequest request) {
		Map<String, String> all = this.messages.forLocale(locale);
		Map<String, String> script = new LinkedHashMap<>();
		all.forEach((key, value) -> {
			if (SCRIPT_MESSAGES.stream().anyMatch(key::startsWith)) {
				script.put(key, value);
			}
		});
		model.addAttribute("messages", script);
		model.addAttribute("fmt", new Formats(locale, this.clock.getZone()));
		model.addAttribute("lang", english(locale) ? "en" : "vi");
		model.addAttribute("ogLocale", english(locale) ? "en_GB" : "vi_VN");
		String page = request.getRequestURI().substring(request.getContextPath().length());
		List<Map<String, String>> languages = new ArrayList<>();
		LANGUAGES.forEach((code, name) -> languages.add(Map.of("code", code, "name", name, "href",
				UriComponentsBuilder.fromUriString(request.getRequestURI()).query(request.getQueryString())
					.replaceQueryParam("lang", code).build().toUriString(),
				"absolute", absolute(request, page, Locale.forLanguageTag(code)))));
		model.addAttribute("languages", languages);
		// Anonymous visitors have no session and need no token (SecurityConfig); asking for one would
		// create a session. A visitor who has one (signed in) sends the token with every write.
		if (request.getRequestedSessionId() != null && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			model.addAttribute("csrfHeader", token.getHeaderName());
			model.addAttribute("csrfToken", token.getToken());
		}
	}

	/** Published zones with the commune or ward holding them today, for the search's choices and the zone directory. */
	private List<Map<String, Object>> publishedZones() {
		return this.jdbc.sql("""
				SELECT z.code, z.name_vi AS name, z.name_en AS "nameEn", z.kind, d.code AS unit,
				       d.name_vi AS "unitName", coalesce(d.name_en, d.name_vi) AS "unitNameEn"
				  FROM public_zone z LEFT JOIN admin_unit d ON d.id = local_unit_id(z.boundary, CAST(:today AS date))""").param("today", today()).query().listOfRows();
	}

	/** ISO countries named in the page's language, investors' usual ones first. */
	private static List<Map<String, String>> countries(Locale locale) {
		Comparator<Map<String, String>> byName = Comparator.comparing(country -> country.get("name"),
				java.text.Collator.getInstance(locale));
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

	/** The absolute URL of a path on this server, in a language ({@code lang} added unless Vietnamese). */
	private static String absolute(HttpServletRequest request, String path, Locale language) {
		UriComponentsBuilder url = ServletUriComponentsBuilder.fromContextPath(request).path(path);
		if (language != null && english(language)) {
			url.queryParam("lang", "en");
		}
		return url.build().toUriString();
	}

	private static boolean english(Locale locale) {
		return "en".equals(locale.getLanguage());
	}

	private static String xml(String text) {
		return HtmlUtils.htmlEscape(text);
	}

	private static Map<String, String> mapOf(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * Numbers and dates as the page's language writes them (vi: 1.234,5 ha; en: 1,234.5 ha), the
	 * same as the scripts' Intl formats, for the templates ({@code ${fmt.ha(zone.areaHa)}}).
	 */
	static final class Formats {

		private final Locale locale;

		private final DateTimeFormatter date;

		private final DateTimeFormatter time;

		private final ZoneId zone;

		Formats(Locale locale, ZoneId zone) {
			this.zone = zone;
			this.locale = "en".equals(locale.getLanguage()) ? Locale.UK : Locale.forLanguageTag("vi-VN");
			this.date = DateTimeFormatter.ofPattern("en".equals(locale.getLanguage()) ? "d MMM yyyy" : "dd/MM/yyyy",
					this.locale);
			this.time = DateTimeFormatter.ofPattern("en".equals(locale.getLanguage()) ? "d MMM yyyy, HH:mm"
					: "dd/MM/yyyy HH:mm", this.locale);
		}

		/** A number with up to {@code decimals} decimals, grouped; empty for none. */
		public String number(Object value, int decimals) {
			BigDecimal number = decimal(value);
			if (number == null) {
				return "";
			}
			NumberFormat format = NumberFormat.getNumberInstance(this.locale);
			format.setMaximumFractionDigits(decimals);
			format.setRoundingMode(RoundingMode.HALF_UP);
			return format.format(number);
		}

		public String ha(Object value) {
			String number = number(value, 2);
			return number.isEmpty() ? "" : number + " ha";
		}

		/** A rate (0.668) as a percentage (66,8%). */
		public String rate(Object value) {
			BigDecimal number = decimal(value);
			return number == null ? "" : number(number.movePointRight(2), 1) + "%";
		}

		/** A percentage already in percent (66.8). */
		public String percent(Object value) {
			String number = number(value, 1);
			return number.isEmpty() ? "" : number + "%";
		}

		public String usd(Object min, Object max) {
			if (decimal(min) == null) {
				return "";
			}
			String low = "US$" + number(min, 2);
			return decimal(max) == null || decimal(max).compareTo(decimal(min)) == 0 ? low
					: low + "–" + number(max, 2);
		}

		/** A date written YYYY-MM-DD (JSON), in the page's format. */
		public String date(Object value) {
			if (value == null || value.toString().isBlank()) {
				return "";
			}
			return this.date.format(LocalDate.parse(value.toString().substring(0, 10)));
		}

		/** A moment (timestamp) in the province's time. */
		public String time(Object value) {
			TemporalAccessor moment;
			if (value instanceof java.sql.Timestamp timestamp) {
				moment = timestamp.toInstant().atZone(this.zone);
			}
			else if (value instanceof OffsetDateTime offset) {
				moment = offset.atZoneSameInstant(this.zone);
			}
			else {
				return value == null ? "" : value.toString();
			}
			return this.time.format(moment);
		}

		/** ISO date for a machine-readable {@code <time datetime>}. */
		public String iso(Object value) {
			return value == null ? "" : value.toString();
		}

		private static BigDecimal decimal(Object value) {
			if (value == null) {
				return null;
			}
			if (value instanceof BigDecimal decimal) {
				return decimal;
			}
			if (value instanceof Number number) {
				return new BigDecimal(number.toString());
			}
			try {
				return new BigDecimal(value.toString());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

}
