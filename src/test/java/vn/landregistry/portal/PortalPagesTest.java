package vn.landregistry.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The investor portal's server-rendered pages, read as a crawler or a browser without scripts
 * reads them: titles, Open Graph tags and figures equal to the public API's, 404 pages, the
 * sitemap and robots.txt, the language switch, and enquiries shown escaped in the inbox.
 */
class PortalPagesTest extends PostgisTest {

	static final String ZONE = "KCN-VIET-HAN";

	static final String MARKER = "pages-test@example.com";

	@Autowired
	EnquiryLimiter limiter;

	@AfterEach
	void clean() {
		this.jdbc.sql("DELETE FROM enquiry WHERE email = :e").param("e", MARKER).update();
		new TestRegistry(this.jdbc).clear();
		this.limiter.reset();
	}

	@Test
	void zoneProfileIsServerRenderedWithTheFiguresOfTheApi() {
		JsonNode zone = this.http.get("/api/portal/zones/" + ZONE).json().get("properties");
		Http.Response page = html("/portal/zones/" + ZONE);
		String body = page.body();
		String name = zone.get("name").asString();
		String url = base() + "/portal/zones/" + ZONE;

		assertThat(page.contentType()).startsWith("text/html");
		assertThat(body).contains("<html lang=\"vi\">");
		assertThat(title(body)).startsWith(name + " – " + zone.get("unitName").asString());
		assertThat(meta(body, "property", "og:title")).isEqualTo(title(body));
		assertThat(meta(body, "property", "og:type")).isEqualTo("website");
		assertThat(meta(body, "property", "og:url")).isEqualTo(url);
		assertThat(meta(body, "property", "og:locale")).isEqualTo("vi_VN");
		assertThat(meta(body, "name", "description")).isEqualTo(meta(body, "property", "og:description"))
			.contains(name, vi(zone.get("availableCleanHa"), 2) + " ha", vi(rate(zone), 1) + "%");
		assertThat(body).contains("<link rel=\"canonical\" href=\"" + url + "\">")
			.contains("hreflang=\"en\" href=\"" + url + "?lang=en\"");

		assertThat(figure(body, "leaseLand")).isEqualTo(vi(zone.get("leaseLandHa"), 2) + " ha");
		assertThat(figure(body, "fillRate")).isEqualTo(vi(rate(zone), 1) + "%");
		assertThat(figure(body, "clean")).isEqualTo(vi(zone.get("availableCleanHa"), 2) + " ha");
		assertThat(figure(body, "plots")).isEqualTo(zone.get("availablePlots").asString());
		assertThat(figure(body, "clearance")).startsWith(vi(zone.get("clearance").get("clearedPct"), 1) + "%");
		assertThat(figure(body, "area")).as("the legal area, else the area on the map")
			.isEqualTo(vi(zone.get("legalAreaHa").isNull() ? zone.get("mapAreaHa") : zone.get("legalAreaHa"), 2) + " ha");
		assertThat(body).as("a link to its plots on offer").contains("href=\"/portal?zone=" + ZONE + "\"");
		for (JsonNode document : zone.get("documents")) {
			assertThat(body).contains(escape(document.get("title").asString()));
		}
		assertThat(body).as("the boundary for the map").contains("data-geometry=\"{&quot;type&quot;:&quot;");
		assertThat(body).as("the enquiry form about the zone").contains("data-zone=\"" + ZONE + "\"");
		assertThat(body).as("a link to the portal in its own header").contains("id=\"investors-link\" href=\"/portal\"");
	}

	@Test
	void unknownAndUnpublishedZonesAndPlotsAreNotFoundPages() {
		TestRegistry registry = new TestRegistry(this.jdbc).create();
		long draft = registry.zone("TST-DRAFT", "KCN", TestRegistry.district(1), 100.1, 10.1, new BigDecimal("10"));
		long plot = registry.plot(draft, "P1", 100.101, 10.101, 0.002, java.time.LocalDate.parse("2023-01-01"));
		this.jdbc.sql("UPDATE zone SET published = false WHERE id = :id").param("id", draft).update();

		for (String path : List.of("/portal/zones/NO-SUCH-ZONE", "/portal/zones/TST-DRAFT", "/portal/plots/" + plot,
				"/portal/plots/999999999", "/portal/plots/not-a-number")) {
			Http.Response page = this.http.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.contentType()).as(path).startsWith("text/html");
			assertThat(page.body()).as(path).contains("Không tìm thấy trang", "noindex").doesNotContain("Khu thử");
		}
		assertThat(this.http.get("/sitemap.xml").body()).doesNotContain("TST-DRAFT", "/portal/plots/" + plot + "<");
	}

	@Test
	void publishedZonesShowNoInternalNote() {
		TestRegistry registry = new TestRegistry(this.jdbc).create();
		long zone = registry.zone("TST-PAGE", "CCN", TestRegistry.district(1), 100.1, 10.1, new BigDecimal("10"));
		this.jdbc.sql("""
				UPDATE zone SET internal_note = 'SECRET-NOTE', contact_email = 'x@y.vn', infrastructure_note = '<b>road</b>',
				       lease_price_min_usd = 80, lease_price_max_usd = 95.5 WHERE id = :id""").param("id", zone).update();

		String body = html("/portal/zones/TST-PAGE").body();
		assertThat(body).doesNotContain("SECRET-NOTE").contains("&lt;b&gt;road&lt;/b&gt;").contains("mailto:x@y.vn")
			.contains("US$80–95,5");
	}

	@Test
	void plotPageShowsAreaAvailabilityZoneAndTheEnquiryForm() {
		JsonNode plot = this.http.get("/api/portal/land?ready=NOW&limit=1").json().get("features").get(0).get("properties");
		long id = plot.get("id").asLong();
		String body = html("/portal/plots/" + id).body();

		assertThat(title(body)).startsWith("Lô " + plot.get("code").asString() + " – " + plot.get("zoneName").asString());
		assertThat(meta(body, "property", "og:url")).isEqualTo(base() + "/portal/plots/" + id);
		assertThat(meta(body, "name", "description")).contains(vi(plot.get("areaHa"), 2) + " ha", "Giao ngay");
		assertThat(figure(body, "area")).isEqualTo(vi(plot.get("areaHa"), 2) + " ha");
		assertThat(figure(body, "status")).isEqualTo("Đất sạch, sẵn sàng cho thuê");
		assertThat(body).contains("href=\"/portal/zones/" + plot.get("zone").asString() + "\"")
			.contains("data-plot=\"" + id + "\"");
		// the form: labelled fields, required marks, the honeypot hidden from people
		for (String field : List.of("q-name", "q-email", "q-message", "q-organisation", "q-phone", "q-country", "q-area")) {
			assertThat(body).contains("<label for=\"" + field + "\"");
		}
		assertThat(body).containsPattern("<div class=\"hp\" aria-hidden=\"true\">\\s*<label for=\"q-website\">")
			.contains("name=\"website\" type=\"text\" tabindex=\"-1\" autocomplete=\"off\"");
		assertThat(body).contains("<textarea id=\"q-message\" name=\"message\" required maxlength=\"4000\"");
	}

	@Test
	void sitemapListsThePortalEveryPublishedZoneAndEveryPlotOnOfferAndTheyAnswer() {
		Http.Response sitemap = this.http.get("/sitemap.xml");
		assertThat(sitemap.status()).isEqualTo(200);
		assertThat(sitemap.contentType()).startsWith("application/xml");
		List<String> urls = new ArrayList<>();
		Matcher loc = Pattern.compile("<loc>([^<]+)</loc>").matcher(sitemap.body());
		while (loc.find()) {
			urls.add(loc.group(1));
		}
		List<String> zones = this.jdbc.sql("SELECT code FROM zone WHERE published AND deleted_at IS NULL").query(String.class)
			.list();
		JsonNode land = this.http.get("/api/portal/land?limit=200").json();
		assertThat(land.get("numberMatched").asInt()).as("all on one page").isLessThanOrEqualTo(200);

		assertThat(urls).contains(base() + "/portal");
		zones.forEach(code -> assertThat(urls).contains(base() + "/portal/zones/" + code));
		land.get("features").forEach(plot -> assertThat(urls).contains(base() + plot.get("properties").get("url").asString()));
		assertThat(urls).hasSize(1 + zones.size() + land.get("features").size());
		assertThat(sitemap.body()).contains("hreflang=\"en\" href=\"" + base() + "/portal/zones/" + ZONE + "?lang=en\"");
		for (String url : urls) {
			assertThat(this.http.get(url.substring(base().length())).status()).as(url).isEqualTo(200);
		}
	}

	@Test
	void robotsAllowThePortalPointToTheSitemapAndKeepOutTheRest() {
		Http.Response robots = this.http.get("/robots.txt");
		assertThat(robots.status()).isEqualTo(200);
		assertThat(robots.contentType()).startsWith("text/plain");
		assertThat(robots.body()).contains("User-agent: *", "Allow: /portal", "Disallow: /edit", "Disallow: /inbox",
				"Disallow: /api/", "Sitemap: " + base() + "/sitemap.xml");
	}

	@Test
	void englishWithLangAndVietnameseByDefault() throws Exception {
		String vi = html("/portal").body();
		assertThat(vi).contains("<html lang=\"vi\">", "<title>Tìm đất sạch cho thuê", "Nhà đầu tư", "Diện tích lô (ha)");

		HttpResponse<String> en = raw("/portal?lang=en", null);
		assertThat(en.body()).contains("<html lang=\"en\">", "<title>Find clean land to lease", "For investors",
				"Plot area (ha)", "Ready now (cleared)");
		assertThat(en.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("registry-lang=en"));
		// the cookie keeps the language on the next page
		assertThat(raw("/portal/zones/" + ZONE, "registry-lang=en").body()).contains("<html lang=\"en\">");

		JsonNode zone = this.http.get("/api/portal/zones/" + ZONE).json().get("properties");
		String body = html("/portal/zones/" + ZONE + "?lang=en").body();
		assertThat(title(body)).startsWith(zone.get("nameEn").asString());
		assertThat(meta(body, "property", "og:locale")).isEqualTo("en_GB");
		assertThat(meta(body, "property", "og:url")).isEqualTo(base() + "/portal/zones/" + ZONE + "?lang=en");
		assertThat(figure(body, "leaseLand")).isEqualTo(en(zone.get("leaseLandHa"), 2) + " ha");
		assertThat(figure(body, "fillRate")).isEqualTo(en(rate(zone), 1) + "%");
		assertThat(body).contains("Key figures", "Request information", "Industrial land for lease");
	}

	@Test
	void anonymousPagesOpenNoSession() throws Exception {
		for (String path : List.of("/portal", "/portal/zones/" + ZONE)) {
			HttpResponse<String> page = raw(path, null);
			assertThat(page.headers().allValues("Set-Cookie")).as(path).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
			assertThat(page.body()).as(path).doesNotContain("name=\"_csrf\"");
		}
	}

	@Test
	void enquiriesAreShownEscapedInTheInboxOfTheAuthorityOnly() {
		this.limiter.reset();
		long plot = this.http.get("/api/portal/land?limit=1").json().get("features").get(0).get("id").asLong();
		String script = "<script>alert('x')</script> & <b>bold</b>";
		Http.Response sent = this.http.postJson("/api/portal/enquiries", """
				{"plotId": %d, "name": "<img src=x onerror=alert(1)>", "email": "%s", "message": "%s", "language": "en"}"""
			.formatted(plot, MARKER, script.replace("\"", "\\\"")));
		assertThat(sent.status()).as(sent.body()).isEqualTo(202);

		Http.Response anonymous = this.http.get("/inbox");
		assertThat(anonymous.status()).as("the public is sent to sign in").isEqualTo(302);
		assertThat(anonymous.location()).contains("/login");
		assertThat(anonymous.body()).doesNotContain(MARKER);
		assertThat(this.officer.get("/inbox").status()).as("a district officer").isEqualTo(403);
		Http.Response inbox = this.editor.get("/inbox");
		assertThat(inbox.status()).isEqualTo(200);
		assertThat(inbox.body()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;",
				"&lt;img src=x onerror=alert(1)&gt;", MARKER)
			.doesNotContain("<script>alert(", "<img src=x", "<b>bold");
		assertThat(this.editor.get("/inbox?status=CLOSED").body()).doesNotContain(MARKER);
		assertThat(this.editor.get("/inbox?status=nonsense").status()).isEqualTo(400);
	}

	// --- helpers -------------------------------------------------------------------------------

	private Http.Response html(String path) {
		Http.Response page = this.http.get(path);
		assertThat(page.status()).as(path).isEqualTo(200);
		assertThat(page.contentType()).as(path).startsWith("text/html");
		return page;
	}

	/** A GET with the response headers, optionally with a cookie. */
	private HttpResponse<String> raw(String path, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private static String title(String html) {
		Matcher title = Pattern.compile("<title>([^<]*)</title>").matcher(html);
		assertThat(title.find()).as("a title").isTrue();
		return unescape(title.group(1));
	}

	private static String meta(String html, String attribute, String name) {
		Matcher meta = Pattern.compile("<meta " + attribute + "=\"" + Pattern.quote(name) + "\" content=\"([^\"]*)\">")
			.matcher(html);
		assertThat(meta.find()).as(name).isTrue();
		return unescape(meta.group(1));
	}

	/** The text of {@code <dd data-figure="name">}, tags removed, spaces collapsed. */
	private static String figure(String html, String name) {
		Matcher figure = Pattern.compile("<dd data-figure=\"" + name + "\">(.*?)</dd>", Pattern.DOTALL).matcher(html);
		assertThat(figure.find()).as(name).isTrue();
		return unescape(figure.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim());
	}

	private static BigDecimal rate(JsonNode zone) {
		return zone.get("occupancyRate").decimalValue().movePointRight(2);
	}

	/** Vietnamese numbers: 1.234,5. */
	private static String vi(Object value, int decimals) {
		return format(Locale.forLanguageTag("vi-VN"), value, decimals);
	}

	private static String en(Object value, int decimals) {
		return format(Locale.UK, value, decimals);
	}

	private static String format(Locale locale, Object value, int decimals) {
		BigDecimal number = value instanceof JsonNode node ? node.decimalValue() : (BigDecimal) value;
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMaximumFractionDigits(decimals);
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(number);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static String unescape(String html) {
		return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
			.replace("&amp;", "&");
	}

}
