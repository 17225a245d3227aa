package vn.landregistry.portal;

import java.time.Duration;
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
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Browsers;
import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal on a phone (390×844): filters in a panel that closes with "Show N results", the
 * results as a list or a map, a tap that opens a card, touch targets of at least 44 × 44 px; and
 * the words people read: the server's problems in the page's language, no citation or "demo
 * reading" on the page (they are behind "Sources"), dates as the language writes them, a past
 * clearance target shown as overdue.
 */
class PortalPhoneBrowserTest extends PostgisTest {

	static ChromeDriver browser;

	@Autowired
	EnquiryLimiter limiter;

	@BeforeAll
	static void startBrowser() {
		browser = Browsers.start(390, 844);
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
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
	}

	@AfterEach
	void noScriptErrors() {
		assertThat((List<?>) js("return window.__errors || []")).as("script errors on the page").isEmpty();
		this.limiter.reset();
	}

	@Test
	void filtersInAPanelListOrMapAndATapOpensTheCard() {
		open("/portal");
		waitLoaded("true");
		WebElement toggle = browser.findElement(By.id("filters-toggle"));
		assertThat(toggle.isDisplayed()).isTrue();
		assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("false");
		assertThat(browser.findElement(By.id("search")).isDisplayed()).as("filters folded").isFalse();
		assertThat(browser.findElement(By.id("results")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("map")).isDisplayed()).as("list first").isFalse();
		touchTargets();

		toggle.click();
		assertThat(browser.findElement(By.id("search")).isDisplayed()).isTrue();
		assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("true");
		browser.findElement(By.cssSelector("label:has(input[name=ready][value=NOW])")).click();
		waitLoaded("true");
		int matched = this.http.get("/api/portal/land?ready=NOW").json().get("numberMatched").asInt();
		WebElement show = browser.findElement(By.id("show-results"));
		assertThat(show.getText()).isEqualTo("Xem " + matched + " kết quả");
		touchTargets();
		noHorizontalScroll();

		show.click();
		assertThat(browser.findElement(By.id("search")).isDisplayed()).isFalse();
		assertThat(browser.findElements(By.cssSelector("#results li"))).hasSize(Math.min(matched, 20));
		browser.findElement(By.id("view-map")).click();
		assertThat(browser.findElement(By.id("map")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("results")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.id("view-map")).getDomAttribute("aria-pressed")).isEqualTo("true");
		assertThat(browser.findElements(By.cssSelector("#map path.plot"))).hasSize(Math.min(matched, 20));
		assertThat(((Number) js("return document.getElementById('map').getBoundingClientRect().height")).doubleValue())
			.as("the map takes the screen").isGreaterThan(400);
		touchTargets();
		browser.findElement(By.id("view-list")).click();
		assertThat(browser.findElement(By.id("results")).isDisplayed()).isTrue();

		WebElement first = browser.findElement(By.cssSelector("#results li"));
		String id = first.getDomAttribute("data-id");
		first.findElement(By.cssSelector(".result-main")).click();
		waitFor("the plot's page", () -> browser.getCurrentUrl().endsWith("/portal/plots/" + id));
		noHorizontalScroll();
		touchTargets();
	}

	@Test
	void theServersProblemsAreShownInThePagesLanguage() {
		open("/portal");
		waitLoaded("true");
		browser.findElement(By.id("filters-toggle")).click();
		type("minHa", "10");
		type("maxHa", "5");
		browser.findElement(By.cssSelector("#search button[type=submit]")).click();
		waitLoaded("error");
		Http.Response refused = this.http.get("/api/portal/land?minHa=10&maxHa=5");
		assertThat(refused.json().get("rule").asString()).isEqualTo("range");
		String words = "Diện tích nhỏ nhất lớn hơn diện tích lớn nhất: hãy đổi chỗ hai số.";
		assertThat(text("problem")).isEqualTo("Không thực hiện được tìm kiếm: " + words);
		assertThat(browser.findElement(By.id("search")).isDisplayed()).as("the panel opens on the field").isTrue();
		assertThat(text("minHa-error")).isEqualTo(words);
		assertThat(browser.findElement(By.id("show-results")).getText()).isEqualTo("Không có kết quả: hãy đổi bộ lọc");

		open("/portal?lang=en&zone=KCN-NOWHERE");
		waitLoaded("error");
		assertThat(text("problem")).isEqualTo("The search could not be run: There is no zone or cluster “KCN-NOWHERE” on the portal.");
		open("/portal?lang=en&near=abc");
		waitLoaded("error");
		assertThat(text("near-error")).isEqualTo("Point: “abc” is not written as expected.");

		long plot = this.jdbc.sql("SELECT min(id) FROM public_plot").query(Long.class).single();
		open("/portal/plots/" + plot);
		type("q-name", "Nguyễn Văn A");
		type("q-email", "a@b");
		type("q-message", "Cần 5 ha.");
		browser.findElement(By.id("enquiry-send")).click();
		waitFor("refused", () -> "refused".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-enquiry")));
		assertThat(text("q-email-error")).isEqualTo("“a@b” không phải là địa chỉ e-mail.");
		assertThat(text("enquiry-problem")).doesNotContain("is not an e-mail address");
	}

	@Test
	void noCitationsOnTheZonePageDatesInItsLanguageAndPastTargetsOverdue() {
		String code = this.jdbc.sql("""
				SELECT z.code FROM public_clearance_phase c JOIN public_zone z ON z.id = c.zone_id
				 WHERE c.status <> 'HANDED_OVER' AND c.target_date < current_date ORDER BY z.code LIMIT 1""")
			.query(String.class).single();
		JsonNode clearance = this.http.get("/api/portal/zones/" + code).json().get("properties").get("clearance");
		assertThat(clearance.get("overduePhases").asInt()).isPositive();
		String since = clearance.get("overdueSince").asString();
		String[] ymd = since.split("-");

		open("/portal/zones/" + code);
		waitFor("the zone's map", () -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-map")));
		String page = (String) js("return document.body.innerText");
		assertThat(text("clearance-overdue")).isEqualTo(clearance.get("overduePhases").asInt() + " giai đoạn quá hạn từ "
				+ ymd[2] + "/" + ymd[1] + "/" + ymd[0]);
		assertThat(page).doesNotContain("mốc tiếp theo " + ymd[2] + "/" + ymd[1] + "/" + ymd[0]);
		if (!clearance.path("nextTargetDate").isNull() && !clearance.path("nextTargetDate").isMissingNode()) {
			assertThat(clearance.get("nextTargetDate").asString()).isGreaterThanOrEqualTo(java.time.LocalDate.now().toString());
		}
		assertThat(page).doesNotContainPattern("\\.txt:\\d").doesNotContain("demo reading");
		WebElement sources = browser.findElement(By.id("sources"));
		sources.findElement(By.tagName("summary")).click();
		assertThat(sources.getText()).containsPattern("\\.txt:\\d");
		noHorizontalScroll();
		touchTargets();

		open("/portal/zones/" + code + "?lang=en");
		assertThat(text("clearance-overdue")).endsWith("overdue since " + java.time.LocalDate.parse(since)
			.format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK)));
	}

	// --- helpers -------------------------------------------------------------------------------

	/** Every control a finger can reach on the page is at least 44 × 44 CSS px (a card's inner link: the card is the target). */
	private static void touchTargets() {
		@SuppressWarnings("unchecked")
		List<String> small = (List<String>) js("""
				const targets = document.querySelectorAll('a[href], button, select, summary, textarea,'
				  + ' input:not([type=hidden]):not([type=radio]):not([type=checkbox]), label:has(input[type=radio]), li.result');
				return Array.from(targets).filter((node) => {
				  if (node.closest('.hp, .leaflet-control-attribution') || (node.closest('li.result') && node.tagName === 'A')) return false;
				  const box = node.getBoundingClientRect();
				  if (box.width === 0 || box.height === 0 || box.right < 0 || box.left >= innerWidth) return false;
				  return box.width < 44 || box.height < 44;
				}).map((node) => node.tagName + '#' + node.id + '.' + node.className + ' "' + node.textContent.trim().slice(0, 30)
				  + '" ' + Math.round(node.getBoundingClientRect().width) + '×' + Math.round(node.getBoundingClientRect().height));""");
		assertThat(small).as("touch targets under 44 × 44 px on " + browser.getCurrentUrl()).isEmpty();
	}

	private static void noHorizontalScroll() {
		assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth"))
			.as("no horizontal scroll").isTrue();
	}

	private static void type(String id, String text) {
		WebElement input = browser.findElement(By.id(id));
		input.clear();
		input.sendKeys(text);
	}

	private static String text(String id) {
		return browser.findElement(By.id(id)).getText().replace('\u00a0', ' ');
	}

	private static Object js(String script, Object... args) {
		return ((JavascriptExecutor) browser).executeScript(script, args);
	}

	private void open(String path) {
		browser.get("http://127.0.0.1:" + this.port + "/favicon.ico");
		browser.manage().deleteAllCookies();
		browser.get("http://127.0.0.1:" + this.port + path);
	}

	private static void waitLoaded(String expected) {
		waitFor("the search", () -> {
			String loaded = browser.findElement(By.tagName("body")).getDomAttribute("data-loaded");
			return "true".equals(loaded) || "error".equals(loaded);
		});
		assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-loaded")).isEqualTo(expected);
	}

	private static void waitFor(String what, java.util.function.BooleanSupplier condition) {
		new WebDriverWait(browser, Duration.ofSeconds(60)).withMessage(what)
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> condition.getAsBoolean());
	}

}
