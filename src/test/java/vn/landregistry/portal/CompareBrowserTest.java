package vn.landregistry.portal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Browsers;
import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, investors' items 2–4 in Debian's headless Chromium, checked against the public API:
 * the facts investors compare on a plot's page, the suggestions of an empty search and the
 * enquiry they prefill, the shortlist of four (a fifth refused), the comparison, the exports, the
 * one-page brochure and the shared preview. The base map is unreachable (as offline), the
 * shortlist works with the network off, and no page logs a script error or a CSP violation.
 */
class CompareBrowserTest extends PostgisTest {

	static ChromeDriver browser;

	@BeforeAll
	static void startBrowser() {
		browser = Browsers.start(1280, 900);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@BeforeEach
	void online() {
		browser.executeCdpCommand("Network.enable", Map.of());
		network(false);
		browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
	}

	@AfterEach
	void noScriptErrors() {
		assertThat((List<?>) js("return window.__errors || []")).as("script errors on the page").isEmpty();
		network(false);
	}

	@Test
	void aPlotPageShowsPriceOrOnRequestUtilitiesDistancesAndPrintsOnOneA4Page() {
		JsonNode plot = firstPlot("KCN-VIET-HAN");
		open("/portal/plots/" + plot.get("id").asString() + "?lang=en");
		WebElement facts = browser.findElement(By.id("site-facts"));
		assertThat(text(By.id("facts"))).contains("US$" + plain(plot.get("leasePriceMinUsd")) + "–"
				+ plain(plot.get("leasePriceMaxUsd")) + " per m² for the whole term");
		assertThat(browser.findElements(By.cssSelector("#site-facts [data-figure=price]"))).as("not twice").isEmpty();
		assertThat(figure("power")).endsWith(" MVA");
		assertThat(figure("tenure")).startsWith("until ");
		assertThat(facts.getText()).contains("Demo figures", "The lease price is a demo figure");
		List<WebElement> rows = browser.findElements(By.cssSelector("#site-facts table.access tbody tr"));
		assertThat(rows).hasSize(4);
		JsonNode airport = plot.get("facts").get("access").get(1);
		assertThat(rows.get(1).getText()).contains("Airport", "Nội Bài", plain(airport.get("km")) + " km",
				"about " + airport.get("minutes").asInt() + " min");
		assertThat(text(By.id("drive-estimate"))).contains("× 1.3", "50 km/h");

		// the share preview: Open Graph image drawn by the server
		String image = browser.findElement(By.cssSelector("meta[property='og:image']")).getDomAttribute("content");
		assertThat(image).endsWith("/portal/plots/" + plot.get("id").asString() + "/preview.png?lang=en");
		assertThat(js("""
				const img = new Image(); img.src = arguments[0]; document.body.append(img);
				return img.decode().then(() => img.naturalWidth + 'x' + img.naturalHeight);""",
				image.replaceFirst("^https?://[^/]+", ""))).isEqualTo("1200x630");

		// the brochure: print hides the tools and the form, and the page fits one A4 sheet
		browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		assertThat(browser.findElement(By.id("enquiry")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.id("print-brochure")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.id("site-facts")).isDisplayed()).isTrue();
		screenshot("portal-brochure-print");
		browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		assertThat(pdfPages()).as("pages of the printed brochure").isEqualTo(1);

		// a zone without a price says "on request"
		JsonNode onRequest = firstPlot("CCN-YEN-LU");
		open("/portal/plots/" + onRequest.get("id").asString() + "?lang=vi");
		assertThat(figure("price")).isEqualTo("Liên hệ để biết giá");
		open("/portal/zones/CCN-YEN-LU?lang=vi");
		assertThat(browser.findElements(By.cssSelector("[data-figure=price]"))).hasSize(1);
		assertThat(figure("price")).isEqualTo("Liên hệ để biết giá");
		assertThat(browser.findElements(By.cssSelector("#site-facts table.access tbody tr"))).hasSize(4);
	}

	@Test
	void anEmptySearchSuggestsLargerPlotsNeighboursAndAPrefilledEnquiry() {
		JsonNode suggestions = api("/api/portal/land/suggestions?minHa=10&ready=NOW");
		open("/portal?lang=en&minHa=10&ready=NOW");
		waitFor("the suggestions", () -> "shown".equals(body("data-suggestions")));
		assertThat(text(By.id("summary"))).contains("No plot");
		JsonNode largest = suggestions.get("largest");
		assertThat(text(By.id("suggest-largest"))).contains("The largest plot on offer under your other filters",
				"Plot " + largest.get("code").asString(), plain(largest.get("areaHa")) + " ha");
		List<WebElement> groups = browser.findElements(By.cssSelector("#suggest-combined li"));
		assertThat(groups).hasSize(suggestions.get("combined").size()).isNotEmpty();
		JsonNode group = suggestions.get("combined").get(0);
		assertThat(groups.get(0).getDomAttribute("data-zone")).isEqualTo(group.get("zone").asString());
		assertThat(groups.get(0).getText()).contains(group.get("plots").asInt() + " plots, " + plain(group.get("areaHa")) + " ha together");
		assertThat(browser.findElement(By.id("export-links")).isDisplayed()).isFalse();

		browser.findElement(By.id("suggest-enquiry")).click();
		waitFor("the zone's page", () -> browser.getCurrentUrl().contains("/portal/zones/" + group.get("zone").asString()));
		assertThat(browser.findElement(By.id("q-area")).getDomProperty("value")).isEqualTo("10");
		assertThat(browser.findElement(By.id("q-message")).getDomProperty("value")).contains("at least 10 ha", "Ready now");
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");

		// with the suggestions out of reach, the box stays hidden and nothing breaks
		browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/portal/land/suggestions*")));
		open("/portal?minHa=10");
		waitFor("the suggestions given up", () -> "none".equals(body("data-suggestions")));
		assertThat(browser.findElement(By.id("suggestions")).isDisplayed()).isFalse();
	}

	@Test
	void aShortlistOfFourIsComparedExportedAndSharedAndAFifthIsRefused() {
		open("/portal?lang=en&ready=NOW");
		js("localStorage.clear()");
		open("/portal?lang=en&ready=NOW");
		List<String> ids = ids(api("/api/portal/land?ready=NOW&sort=AREA_DESC&limit=20"));
		assertThat(ids).hasSizeGreaterThan(4);
		JsonNode top = api("/api/portal/plots/" + ids.get(0)).get("properties");
		assertThat(text(By.cssSelector("#results li[data-id='" + ids.get(0) + "'] .result-facts")))
			.contains("Hà Nội about " + top.get("facts").get("access").get(0).get("minutes").asInt() + " min")
			.contains(top.get("leasePriceMinUsd").isNull() ? "Price on request" : "Airport about");
		assertThat(browser.findElement(By.id("export-csv")).getDomAttribute("href")).contains("ready=NOW", "format=csv");
		assertThat(browser.findElement(By.id("export-kml")).getDomAttribute("href")).contains("ready=NOW", "format=kml");
		Http.Response kml = this.http.get(browser.findElement(By.id("export-kml")).getDomAttribute("href"));
		assertThat(kml.status()).isEqualTo(200);
		assertThat(kml.body().split("<Placemark")).hasSize(api("/api/portal/land?ready=NOW").get("numberMatched").asInt() + 1);

		// the network goes off: the shortlist lives in the browser
		network(true);
		for (String id : ids.subList(0, 4)) {
			shortlistButton(id).click();
		}
		assertThat(text(By.id("shortlist-count"))).isEqualTo("Comparison: 4/4 plots");
		shortlistButton(ids.get(4)).click();
		assertThat(text(By.id("shortlist-message"))).isEqualTo("The comparison already holds 4 plots. Remove one before adding another.");
		assertThat(shortlistButton(ids.get(4)).getDomAttribute("aria-pressed")).isEqualTo("false");
		assertThat(shortlistButton(ids.get(0)).getDomAttribute("aria-pressed")).isEqualTo("true");
		assertThat(js("return localStorage.getItem('portal.shortlist')")).isEqualTo("[\"" + String.join("\",\"", ids.subList(0, 4)) + "\"]");
		assertThat(browser.getCurrentUrl()).as("choosing did not open the plot").contains("/portal?");
		network(false);

		browser.findElement(By.id("compare-link")).click();
		waitFor("the comparison", () -> browser.getCurrentUrl().contains("/portal/compare"));
		assertThat(browser.getCurrentUrl()).contains("ids=" + String.join("%2C", ids.subList(0, 4)));
		List<String> columns = columns();
		assertThat(columns).containsExactlyElementsOf(ids.subList(0, 4));
		JsonNode first = api("/api/portal/plots/" + ids.get(0)).get("properties");
		assertThat(text(By.cssSelector("#compare tr[data-row=area] td"))).isEqualTo(plain(first.get("areaHa")) + " ha");
		assertThat(browser.findElements(By.cssSelector("#compare tr[data-row=EXPRESSWAY_EXIT] td"))).hasSize(4)
			.allSatisfy(cell -> assertThat(cell.getText()).contains(" km · about "));
		String csv = new String(this.http.bytes(browser.findElement(By.id("compare-csv")).getDomAttribute("href")),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv.split("\r\n")).hasSize(5);

		// remove one: three left, in the page and in the browser's list
		browser.findElement(By.cssSelector("#compare button.remove[data-id='" + ids.get(1) + "']")).click();
		waitFor("three plots", () -> columns().size() == 3);
		assertThat(columns()).containsExactly(ids.get(0), ids.get(2), ids.get(3));
		assertThat(js("return JSON.parse(localStorage.getItem('portal.shortlist')).length")).isEqualTo(3L);

		// a phone: the table scrolls inside its box, not the page
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
		browser.navigate().refresh();
		assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
		browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());

		// the plot page's own button shows the plot is in the list
		open("/portal/plots/" + ids.get(0) + "?lang=en");
		assertThat(browser.findElement(By.id("shortlist-toggle")).getDomAttribute("aria-pressed")).isEqualTo("true");
		browser.findElement(By.id("shortlist-toggle")).click();
		assertThat(text(By.id("tools-status"))).isEqualTo("Removed from the comparison.");
		assertThat(js("return JSON.parse(localStorage.getItem('portal.shortlist'))")).asString().doesNotContain(ids.get(0));
		browser.findElement(By.id("share-link")).click();
		waitFor("the share answer", () -> !text(By.id("tools-status")).startsWith("Removed"));
		assertThat(text(By.id("tools-status"))).satisfiesAnyOf(status -> assertThat(status).isEqualTo("Link copied."),
				status -> assertThat(status).contains("/portal/plots/" + ids.get(0)));
	}

	// --- helpers -------------------------------------------------------------------------------

	private static void screenshot(String name) {
		try {
			java.nio.file.Path folder = java.nio.file.Files.createDirectories(PortalBrowserTest.SCREENSHOTS);
			java.nio.file.Files.copy(browser.getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(),
					folder.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Prints the page to PDF on A4 as Chromium would, and counts the pages. */
	private static int pdfPages() {
		Map<String, Object> pdf = browser.executeCdpCommand("Page.printToPDF",
				Map.of("paperWidth", 8.27, "paperHeight", 11.69, "preferCSSPageSize", true, "printBackground", false));
		String text = new String(Base64.getDecoder().decode((String) pdf.get("data")), java.nio.charset.StandardCharsets.ISO_8859_1);
		return text.split("/Type\\s*/Page[^s]", -1).length - 1;
	}

	private static void network(boolean off) {
		browser.executeCdpCommand("Network.emulateNetworkConditions",
				Map.of("offline", off, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
	}

	private static WebElement shortlistButton(String id) {
		return browser.findElement(By.cssSelector("#results li[data-id='" + id + "'] button.shortlist-add"));
	}

	@SuppressWarnings("unchecked")
	private static List<String> columns() {
		return (List<String>) js("return Array.from(document.querySelectorAll('#compare thead th[data-id]')).map((th) => th.dataset.id)");
	}

	private static String figure(String name) {
		return text(By.cssSelector("#site-facts [data-figure=" + name + "]"));
	}

	private static String plain(JsonNode number) {
		return number.decimalValue().stripTrailingZeros().toPlainString();
	}

	private JsonNode firstPlot(String zone) {
		return api("/api/portal/land?zone=" + zone + "&limit=1").get("features").get(0).get("properties");
	}

	private JsonNode api(String path) {
		Http.Response response = this.http.get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		return response.json();
	}

	private static List<String> ids(JsonNode collection) {
		List<String> ids = new ArrayList<>();
		collection.get("features").forEach(feature -> ids.add(feature.get("properties").get("id").asString()));
		return ids;
	}

	private void open(String path) {
		browser.get("http://127.0.0.1:" + this.port + path);
		if (path.startsWith("/portal?")) {
			waitFor("the search", () -> "true".equals(body("data-loaded")) || "error".equals(body("data-loaded")));
		}
	}

	private static String body(String attribute) {
		return browser.findElement(By.tagName("body")).getDomAttribute(attribute);
	}

	private static String text(By by) {
		return browser.findElement(by).getText().replace('\u00a0', ' ');
	}

	private static Object js(String script, Object... args) {
		return ((JavascriptExecutor) browser).executeScript(script, args);
	}

	private static void waitFor(String what, java.util.function.BooleanSupplier condition) {
		new WebDriverWait(browser, Duration.ofSeconds(40)).withMessage(what)
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> condition.getAsBoolean());
	}

}
