package vn.landregistry.portal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Browsers;
import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The investor portal in Debian's headless Chromium on a phone screen (360×740), checked against
 * the public API: a foreign investor searches in English, sees the land on the list and the map
 * (kept in step), opens a plot with the keyboard and asks about it; the authority signs in, reads
 * the enquiry (escaped) in its inbox and answers it. No script error, no horizontal scroll, and
 * no more than ~300 KB of scripts per page. The base map is unreachable, as offline.
 */
class PortalBrowserTest extends PostgisTest {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static final String MARKER = "browser-test@example.kr";

	static final long SCRIPT_BUDGET = 300 * 1024;

	static ChromeDriver browser;

	@Autowired
	EnquiryLimiter limiter;

	@BeforeAll
	static void startBrowser() throws Exception {
		browser = Browsers.start(360, 740);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@BeforeEach
	void phone() {
		this.limiter.reset();
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
	}

	@AfterEach
	void noScriptErrors() {
		assertThat((List<?>) js("return window.__errors || []")).as("script errors on the page").isEmpty();
		this.jdbc.sql("DELETE FROM enquiry WHERE email = :e").param("e", MARKER).update();
		this.limiter.reset();
	}

	@Test
	void investorFindsCleanLandOnAPhoneAsksInEnglishAndTheAuthorityAnswers() {
		// 1. Search: ready now, at least the median area of the land ready now
		JsonNode readyNow = api("/api/portal/land?ready=NOW&limit=200").get("features");
		assertThat(readyNow.size()).as("demo land ready now").isGreaterThan(2);
		List<BigDecimal> areas = new ArrayList<>();
		readyNow.forEach(plot -> areas.add(plot.get("properties").get("areaHa").decimalValue()));
		BigDecimal minHa = areas.stream().sorted().toList().get(areas.size() / 2);

		open("/portal?lang=en");
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
		browser.findElement(By.id("filters-toggle")).click(); // on a phone the filters are folded
		browser.findElement(By.cssSelector("input[name=ready][value=NOW]")).click();
		waitLoaded("true");
		type("minHa", minHa.toPlainString());
		browser.findElement(By.cssSelector("#search button[type=submit]")).click();
		waitLoaded("true");
		assertThat(browser.getCurrentUrl()).contains("ready=NOW", "minHa=" + minHa.toPlainString());

		JsonNode found = api("/api/portal/land?ready=NOW&minHa=" + minHa.toPlainString() + "&sort=AREA_DESC&limit=20");
		List<String> ids = ids(found);
		assertThat(ids).isNotEmpty();
		assertThat(listIds()).containsExactlyElementsOf(ids);
		assertThat(text(By.id("summary"))).contains(found.get("numberMatched").asInt() + " plots found");
		assertThat(browser.findElements(By.cssSelector("#map path.plot"))).hasSize(ids.size());
		assertThat(browser.findElements(By.cssSelector("#map path.plot-marker"))).hasSize(ids.size());
		assertThat(browser.findElements(By.cssSelector("#map path.plot-later"))).as("ready now only").isEmpty();
		JsonNode first = found.get("features").get(0).get("properties");
		WebElement firstItem = item(ids.get(0));
		assertThat(firstItem.getText()).contains("Plot " + first.get("code").asString(), first.get("zoneNameEn").asString(),
				"Ready now", first.get("areaHa").decimalValue().stripTrailingZeros().toPlainString() + " ha");
		if ("APPROXIMATE".equals(first.get("boundaryAccuracy").asString())) {
			assertThat(firstItem.getText()).contains("Approximate boundary");
			assertThat(browser.findElement(By.cssSelector("#map path.plot-id-" + ids.get(0))).getDomAttribute("stroke-dasharray"))
				.isNotBlank();
		}
		noHorizontalScroll();
		screenshot("portal-search-phone");

		// 2. List and map in step: choosing an item (Space; a tap opens it on a phone) highlights its plot;
		// a click on the map selects the item
		firstItem.sendKeys(Keys.SPACE);
		assertThat(firstItem.getDomAttribute("class")).contains("active");
		assertThat(browser.findElement(By.cssSelector("#map path.plot-id-" + ids.get(0))).getDomAttribute("stroke"))
			.isEqualTo("#0b3d91");
		String last = ids.get(ids.size() - 1);
		js("document.querySelector('#map path.plot-marker-' + arguments[0])"
				+ ".dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 1, clientY: 1 }))", last);
		assertThat(item(last).getDomAttribute("class")).contains("active");
		assertThat(firstItem.getDomAttribute("class")).doesNotContain("active");
		assertThat(js("return document.activeElement.dataset.id")).isEqualTo(last);

		// 3. Open the first plot with the keyboard
		item(ids.get(0)).sendKeys(Keys.ENTER);
		waitFor("the plot page", () -> browser.getCurrentUrl().endsWith("/portal/plots/" + ids.get(0)));
		waitFor("the plot's map", () -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-map")));
		assertThat(text(By.tagName("h1"))).isEqualTo("Plot " + first.get("code").asString() + " – "
				+ first.get("zoneNameEn").asString());
		assertThat(text(By.id("readiness"))).startsWith("Ready now");
		assertThat(browser.findElements(By.cssSelector("#shape-map path.shape"))).hasSize(1);
		noHorizontalScroll();
		long scripts = scriptBytes();
		assertThat(scripts).as("scripts of the plot page").isLessThan(SCRIPT_BUDGET);

		// 4. The enquiry: missing fields and a refused e-mail shown next to their field, then sent
		browser.findElement(By.id("enquiry-send")).click();
		assertThat(fieldError("q-name")).isEqualTo("Please fill this in.");
		assertThat(browser.findElement(By.id("q-name")).getDomAttribute("aria-invalid")).isEqualTo("true");
		type("q-name", "Kim Min-jun");
		type("q-organisation", "Hanbit Electronics");
		type("q-email", "kim@hanbit");
		new Select(browser.findElement(By.id("q-country"))).selectByValue("KR");
		type("q-area", "5");
		String message = "<script>window.__pwned = true</script> We need 5 ha for an electronics plant & a warehouse.";
		type("q-message", message);
		send("refused");
		Http.Response refused = this.http.postJson("/api/portal/enquiries", "{\"plotId\":" + ids.get(0)
				+ ",\"name\":\"x\",\"email\":\"kim@hanbit\",\"message\":\"m\"}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("rule").asString()).isEqualTo("format");
		assertThat(fieldError("q-email")).isEqualTo("“kim@hanbit” is not an e-mail address.");
		assertThat(fieldError("q-name")).isEmpty();
		type("q-email", MARKER);
		send("sent");
		WebElement done = browser.findElement(By.id("enquiry-done"));
		assertThat(done.isDisplayed()).isTrue();
		assertThat(done.getText()).startsWith("Thank you");
		assertThat(js("return window.__pwned === undefined")).isEqualTo(true);
		screenshot("portal-plot-phone");

		// 5. The authority signs in and answers
		browser.get(url("/inbox"));
		waitFor("the sign-in page", () -> browser.getCurrentUrl().contains("/login"));
		type("username", TestUsers.EDITOR);
		type("password", TestUsers.PASSWORD);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		waitFor("the inbox", () -> browser.getCurrentUrl().contains("/inbox"));
		long id = this.jdbc.sql("SELECT id FROM enquiry WHERE email = :e").param("e", MARKER).query(Long.class).single();
		WebElement enquiry = browser.findElement(By.id("enquiry-" + id));
		enquiry.findElement(By.tagName("summary")).click();
		assertThat(enquiry.findElement(By.cssSelector(".message")).getText()).isEqualTo(message);
		assertThat(enquiry.findElements(By.cssSelector(".message script"))).isEmpty();
		assertThat(enquiry.getText()).contains("Kim Min-jun", "Hanbit Electronics", "KR", MARKER);
		assertThat(js("return window.__pwned === undefined")).isEqualTo(true);
		noHorizontalScroll();
		assertThat(scriptBytes()).as("scripts of the inbox").isLessThan(SCRIPT_BUDGET);
		enquiry.findElement(By.tagName("textarea")).sendKeys("Called back, sent the price list.");
		enquiry.findElement(By.cssSelector("button[data-status=ANSWERED]")).click();
		waitFor("saved", () -> !enquiry.findElement(By.cssSelector(".item-message")).getText().isEmpty());
		assertThat(enquiry.findElement(By.cssSelector(".item-message")).getText()).isEqualTo("Saved.");
		assertThat(enquiry.findElement(By.cssSelector("[data-role=status]")).getText()).isEqualTo("Answered");
		assertThat(this.editor.get("/api/enquiries?status=ANSWERED").body()).contains(MARKER);
		screenshot("portal-inbox-phone");

		// someone else changed it meanwhile: 409, and the page says to reload
		this.jdbc.sql("UPDATE enquiry SET version = version + 1 WHERE id = :id").param("id", id).update();
		enquiry.findElement(By.cssSelector("button[data-status=CLOSED]")).click();
		waitFor("the conflict", () -> !enquiry.findElement(By.cssSelector(".item-message")).getText().isEmpty());
		assertThat(enquiry.findElement(By.cssSelector(".item-message")).getText()).contains("Someone else changed", "Reload");

		browser.get(url("/inbox?status=ANSWERED"));
		assertThat(browser.findElement(By.id("enquiry-" + id)).getText()).contains("Answered");
		browser.get(url("/inbox?status=CLOSED"));
		assertThat(browser.findElements(By.id("enquiry-" + id))).isEmpty();
	}

	@Test
	void aRefusedFilterShowsTheServersMessage() {
		open("/portal");
		browser.findElement(By.id("filters-toggle")).click();
		type("minHa", "10");
		type("maxHa", "5");
		browser.findElement(By.cssSelector("#search button[type=submit]")).click();
		waitLoaded("error");
		Http.Response refused = this.http.get("/api/portal/land?minHa=10&maxHa=5");
		assertThat(refused.status()).isEqualTo(400);
		// in the page's language, by the problem's parameter and rule, not the server's English detail
		String words = "Diện tích nhỏ nhất lớn hơn diện tích lớn nhất: hãy đổi chỗ hai số.";
		assertThat(text(By.id("problem"))).contains("Không thực hiện được tìm kiếm", words);
		assertThat(fieldError(refused.json().get("parameter").asString())).isEqualTo(words);
		assertThat(browser.findElements(By.cssSelector("#results li"))).isEmpty();
		noHorizontalScroll();

		// a shared link with a zone the portal does not know
		open("/portal?zone=KCN-NOWHERE");
		waitLoaded("error");
		assertThat(text(By.id("problem"))).contains("Không có khu, cụm “KCN-NOWHERE” trên cổng.");
		assertThat(browser.findElement(By.id("more")).getDomAttribute("open")).isNotNull();
	}

	@Test
	void vietnameseNumbersPagingAndShareableState() {
		open("/portal?ready=NOW");
		JsonNode page1 = api("/api/portal/land?ready=NOW&sort=AREA_DESC&limit=20");
		assertThat(listIds()).containsExactlyElementsOf(ids(page1));
		JsonNode first = page1.get("features").get(0).get("properties");
		assertThat(item(ids(page1).get(0)).getText()).contains(first.get("areaHa").decimalValue().stripTrailingZeros()
			.toPlainString().replace('.', ',') + " ha", "Giao ngay");
		assertThat(browser.findElement(By.id("lang-en")).getDomAttribute("href")).contains("ready=NOW", "lang=en");

		if (page1.get("numberMatched").asInt() > 20) {
			browser.findElement(By.id("next")).click();
			waitLoaded("true");
			assertThat(browser.getCurrentUrl()).contains("offset=20");
			assertThat(listIds()).containsExactlyElementsOf(ids(api("/api/portal/land?ready=NOW&sort=AREA_DESC&limit=20&offset=20")));
			browser.navigate().back();
			waitFor("page 1 again", () -> !browser.getCurrentUrl().contains("offset="));
			waitLoaded("true");
			assertThat(listIds()).containsExactlyElementsOf(ids(page1));
		}
		// the zone's profile links to its plots on offer, in the search
		JsonNode zone = api("/api/portal/zones/KCN-VIET-HAN").get("properties");
		open("/portal/zones/KCN-VIET-HAN", false);
		waitFor("the zone's map", () -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-map")));
		assertThat(browser.findElements(By.cssSelector("#shape-map path.shape"))).hasSize(1);
		assertThat(scriptBytes()).as("scripts of the zone page").isLessThan(SCRIPT_BUDGET);
		noHorizontalScroll();
		screenshot("portal-zone-phone");
		browser.findElement(By.id("plots-link")).click();
		waitLoaded("true");
		assertThat(text(By.id("summary"))).contains("Tìm thấy " + zone.get("availablePlots").asInt() + " lô");
		assertThat(new Select(browser.findElement(By.id("zone"))).getFirstSelectedOption().getDomAttribute("value"))
			.isEqualTo("KCN-VIET-HAN");
		assertThat(scriptBytes()).as("scripts of the search page").isLessThan(SCRIPT_BUDGET);
	}

	@Test
	void sortsByDistanceFromAPointPickedOnTheMap() {
		open("/portal");
		browser.findElement(By.id("filters-toggle")).click();
		browser.findElement(By.id("pick-point")).click();
		assertThat(browser.findElement(By.id("pick-point")).getDomAttribute("aria-pressed")).isEqualTo("true");
		WebElement map = browser.findElement(By.id("map"));
		new Actions(browser).moveToElement(map, 5, -40).click().perform();
		waitFor("a search by distance", () -> browser.getCurrentUrl().contains("near="));
		waitLoaded("true");
		assertThat(browser.getCurrentUrl()).contains("sort=DISTANCE");
		browser.findElement(By.id("view-list")).click(); // picking showed the map; the list is a tap away on a phone
		String near = (String) js("return new URLSearchParams(location.search).get('near')");
		JsonNode found = api("/api/portal/land?sort=DISTANCE&limit=20&near=" + near);
		assertThat(listIds()).containsExactlyElementsOf(ids(found));
		JsonNode nearest = found.get("features").get(0).get("properties");
		assertThat(item(ids(found).get(0)).getText())
			.contains("Cách " + nearest.get("distanceKm").decimalValue().stripTrailingZeros().toPlainString().replace('.', ',') + " km");
		assertThat(browser.findElements(By.cssSelector("#map path.near-point"))).hasSize(1);

		browser.findElement(By.id("filters-toggle")).click();
		browser.findElement(By.id("clear-point")).click();
		waitLoaded("true");
		assertThat(browser.getCurrentUrl()).doesNotContain("near=");
		assertThat(new Select(browser.findElement(By.id("sort"))).getFirstSelectedOption().getDomAttribute("value"))
			.isEqualTo("AREA_DESC");

		// the desktop layout, to look at
		browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		browser.manage().window().setSize(new Dimension(1280, 900));
		open("/portal?lang=en&ready=NOW");
		noHorizontalScroll();
		screenshot("portal-search-desktop");
		browser.manage().window().setSize(new Dimension(360, 740));
	}

	// --- helpers -------------------------------------------------------------------------------

	/** Bytes of script the page loaded: files (decoded size) and inline scripts. */
	private static long scriptBytes() {
		long bytes = ((Number) js("""
				const files = performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'script')
				  .reduce((sum, e) => sum + Math.max(e.decodedBodySize, e.encodedBodySize, e.transferSize), 0);
				const inline = Array.from(document.querySelectorAll('script:not([src])'))
				  .reduce((sum, s) => sum + new Blob([s.textContent]).size, 0);
				return files + inline;""")).longValue();
		System.out.printf("Scripts of %s: %,d bytes%n", browser.getCurrentUrl(), bytes);
		return bytes;
	}

	private static void noHorizontalScroll() {
		assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth"))
			.as("no horizontal scroll at " + js("return window.innerWidth") + " px: "
					+ js("return document.documentElement.scrollWidth"))
			.isTrue();
	}

	private JsonNode api(String pathAndQuery) {
		Http.Response response = this.http.get(pathAndQuery);
		assertThat(response.status()).as(pathAndQuery).isEqualTo(200);
		return response.json();
	}

	private static List<String> ids(JsonNode collection) {
		List<String> ids = new ArrayList<>();
		collection.get("features").forEach(feature -> ids.add(feature.get("properties").get("id").asString()));
		return ids;
	}

	@SuppressWarnings("unchecked")
	private static List<String> listIds() {
		return (List<String>) js("return Array.from(document.querySelectorAll('#results li')).map((li) => li.dataset.id)");
	}

	private static WebElement item(String id) {
		return browser.findElement(By.cssSelector("#results li[data-id='" + id + "']"));
	}

	private static String fieldError(String field) {
		WebElement error = browser.findElement(By.id(field + "-error"));
		return error.isDisplayed() ? error.getText() : "";
	}

	/** Submits the enquiry form and waits for its answer: sent or refused. */
	private static void send(String expected) {
		js("delete document.body.dataset.enquiry");
		browser.findElement(By.id("enquiry-send")).click();
		waitFor("the enquiry's answer", () -> browser.findElement(By.tagName("body")).getDomAttribute("data-enquiry") != null);
		assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-enquiry")).isEqualTo(expected);
	}

	private static void type(String id, String text) {
		WebElement input = browser.findElement(By.id(id));
		input.clear();
		input.sendKeys(text);
	}

	private static String text(By by) {
		return browser.findElement(by).getText().replace('\u00a0', ' ');
	}

	private static Object js(String script, Object... args) {
		return ((JavascriptExecutor) browser).executeScript(script, args);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private void open(String path) {
		open(path, true);
	}

	private void open(String path, boolean search) {
		browser.get(url("/favicon.ico"));
		browser.manage().deleteAllCookies(); // each test starts in the default language, signed out
		browser.get(url(path));
		if (search) {
			waitFor("the search", () -> {
				String loaded = browser.findElement(By.tagName("body")).getDomAttribute("data-loaded");
				return "true".equals(loaded) || "error".equals(loaded);
			});
		}
	}

	/** Waits for the search to end and checks how it ended (true or error). */
	private static void waitLoaded(String expected) {
		waitFor("the search", () -> {
			String loaded = browser.findElement(By.tagName("body")).getDomAttribute("data-loaded");
			return "true".equals(loaded) || "error".equals(loaded);
		});
		assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-loaded")).isEqualTo(expected);
	}

	private static void waitFor(String what, java.util.function.BooleanSupplier condition) {
		new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(what)
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> condition.getAsBoolean());
	}

	/** Screenshots of the whole page, top to bottom, to look at by eye (target/screenshots). */
	private static void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			long height = (Long) js("return document.documentElement.scrollHeight");
			long window = (Long) js("return window.innerHeight");
			for (int part = 0; part * window < height && part < 6; part++) {
				js("window.scrollTo(0, arguments[0])", part * window);
				Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(),
						SCREENSHOTS.resolve(name + "-" + part + ".png"), StandardCopyOption.REPLACE_EXISTING);
			}
			js("window.scrollTo(0, 0)");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
