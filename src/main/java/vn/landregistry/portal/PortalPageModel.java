package vn.landregistry.portal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import vn.landregistry.shared.PageMessages;

/** What every portal page needs in its model, and the absolute URLs of pages in each language. */
@Component
class PortalPageModel {

	/** Languages offered by the switch, with their own names; each needs a bundle and LocaleConfig support. */
	static final Map<String, String> LANGUAGES = mapOf("vi", "Tiếng Việt", "en", "English");

	/** Message key prefixes the portal's scripts read. */
	static final List<String> SCRIPT_MESSAGES = List.of("portal.", "kind.", "plotStatus.", "landUse.", "lang.");

	private final PageMessages messages;

	private final Clock clock;

	PortalPageModel(PageMessages messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
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
		model.addAttribute("fmt", new PortalFormats(locale, this.clock.getZone()));
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

	/** The absolute URL of a path on this server, in a language ({@code lang} added unless Vietnamese). */
	static String absolute(HttpServletRequest request, String path, Locale language) {
		UriComponentsBuilder url = ServletUriComponentsBuilder.fromContextPath(request).path(path);
		if (language != null && english(language)) {
			url.queryParam("lang", "en");
		}
		return url.build().toUriString();
	}

	static boolean english(Locale locale) {
		return "en".equals(locale.getLanguage());
	}

	private static Map<String, String> mapOf(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
