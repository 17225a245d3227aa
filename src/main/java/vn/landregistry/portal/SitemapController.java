package vn.landregistry.portal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

import vn.landregistry.shared.PageController;

/** The sitemap of the public pages and robots.txt, for search engines. */
@PageController
class SitemapController {

	static final int SITEMAP_LIMIT = 50_000;

	private final PublicProfiles profiles;

	private final Clock clock;

	SitemapController(PublicProfiles profiles, Clock clock) {
		this.profiles = profiles;
		this.clock = clock;
	}

	/** Every public page: the search, each published zone's profile, each plot on offer (absolute URLs). */
	@GetMapping(path = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<String> sitemap(HttpServletRequest request) {
		List<String> paths = new ArrayList<>();
		paths.add("/portal");
		this.profiles.zoneCodes().forEach(code -> paths.add("/portal/zones/" + code));
		this.profiles.availablePlotIds(LocalDate.now(this.clock)).forEach(id -> paths.add("/portal/plots/" + id));
		StringBuilder xml = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?>
				<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
				""");
		for (String path : paths.subList(0, Math.min(paths.size(), SITEMAP_LIMIT))) {
			xml.append("  <url><loc>").append(xml(PortalPageModel.absolute(request, path, null))).append("</loc>");
			for (String language : PortalPageModel.LANGUAGES.keySet()) {
				xml.append("<xhtml:link rel=\"alternate\" hreflang=\"").append(language).append("\" href=\"")
					.append(xml(PortalPageModel.absolute(request, path, Locale.forLanguageTag(language)))).append("\"/>");
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
				""".formatted(PortalPageModel.absolute(request, "/sitemap.xml", null));
		return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).body(text);
	}

	private static String xml(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}
