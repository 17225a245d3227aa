package vn.landregistry.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

import vn.landregistry.shared.InvalidParameterException;
import vn.landregistry.shared.PageController;

/**
 * What investors keep and share: the comparison of a shortlist (up to {@link #MAX_PLOTS} plots, kept in the visitor's browser
 * and named in the address so that it can be shared) and the pictures shared with a plot's or a
 * zone's link.
 */
@PageController
class ComparePageController {

	static final int MAX_PLOTS = 4;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PortalPageModel pages;

	private final PublicProfiles profiles;

	private final PreviewImage preview;

	private final MessageSource messages;

	private final Clock clock;

	ComparePageController(PortalPageModel pages, PublicProfiles profiles, PreviewImage preview,
			MessageSource messages, Clock clock) {
		this.pages = pages;
		this.profiles = profiles;
		this.preview = preview;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/portal/compare")
	String compare(@RequestParam(required = false) String ids, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		this.pages.common(model, locale, request);
		model.addAttribute("estimate", SiteFacts.estimate());
		model.addAttribute("maxPlots", MAX_PLOTS);
		List<Map<String, Object>> plots = new ArrayList<>();
		try {
			List<Long> wanted = ids == null || ids.isBlank() ? List.of() : LandExportController.ids(ids);
			if (wanted.size() > MAX_PLOTS) {
				throw new InvalidParameterException("ids", ids, "compare at most " + MAX_PLOTS + " plots");
			}
			LocalDate today = LocalDate.now(this.clock);
			for (Long id : wanted) {
				Map<String, Object> plot = this.profiles.plot(id, today).map(ComparePageController::properties)
					.orElseGet(() -> new LinkedHashMap<>(Map.of("id", id, "missing", true)));
				plot.putIfAbsent("missing", false);
				plots.add(plot);
			}
		}
		catch (InvalidParameterException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", ex.getMessage());
		}
		model.addAttribute("plots", plots);
		model.addAttribute("ids", plots.stream().map(plot -> String.valueOf(plot.get("id"))).toList());
		model.addAttribute("canonical", request.getRequestURL().toString());
		return "portal-compare";
	}

	@GetMapping(path = "/portal/plots/{id}/preview.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> preview(@PathVariable String id, Locale locale) {
		if (!id.matches("[0-9]{1,18}")) {
			return ResponseEntity.notFound().build();
		}
		LocalDate today = LocalDate.now(this.clock);
		return this.profiles.plot(Long.parseLong(id), today).map(ComparePageController::properties)
			.flatMap(plot -> this.preview.plot(Long.parseLong(id), lines(plot, locale)))
			.map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
				.cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic()).body(png))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping(path = "/portal/zones/{code}/preview.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> zonePreview(@PathVariable String code, Locale locale) {
		LocalDate today = LocalDate.now(this.clock);
		return this.profiles.zone(code, today).map(ComparePageController::properties)
			.flatMap(zone -> this.preview.zone((String) zone.get("code"), today, zoneLines(zone, locale)))
			.map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
				.cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic()).body(png))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	private List<String> zoneLines(Map<String, Object> zone, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		PortalFormats fmt = new PortalFormats(locale, this.clock.getZone());
		return List.of(String.valueOf(english && zone.get("nameEn") != null ? zone.get("nameEn") : zone.get("name")),
				message("portal.share.zoneLine", locale, fmt.ha(zone.get("availableCleanHa")), zone.get("availablePlots")),
				message("portal.brand", locale));
	}

	private List<String> lines(Map<String, Object> plot, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		String zone = String.valueOf(english && plot.get("zoneNameEn") != null ? plot.get("zoneNameEn") : plot.get("zoneName"));
		PortalFormats fmt = new PortalFormats(locale, this.clock.getZone());
		String ready = Boolean.TRUE.equals(plot.get("readyNow")) ? message("portal.ready.now.long", locale)
				: message("portal.ready.later.long", locale);
		return List.of(message("portal.plot.title", locale, plot.get("code"), zone), fmt.ha(plot.get("areaHa")) + " · " + ready,
				message("portal.brand", locale));
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> properties(String feature) {
		Map<String, Object> parsed = JSON.readValue(feature, Map.class);
		return new LinkedHashMap<>((Map<String, Object>) parsed.get("properties"));
	}

}
