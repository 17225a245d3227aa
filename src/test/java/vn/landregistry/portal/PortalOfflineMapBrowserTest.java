package vn.landregistry.portal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.landregistry.support.Browsers;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's maps with the tile server unreachable (tests' tile-url, as offline): the province,
 * its communes and wards and the zones are drawn from this server, a zone's page draws its plots,
 * and the notice of the registry pages says the base map is missing. Every page, staff ones
 * included, reports no console error but the unreachable tile server's: the favicon is there.
 */
class PortalOfflineMapBrowserTest extends PostgisTest {

	static final String TILE_SERVER = "127.0.0.1:9/";

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

	@AfterEach
	void noScriptErrors() {
		assertThat((List<?>) js("return window.__errors || []")).as("script errors on the page").isEmpty();
	}

	@Test
	void searchZoneAndPlotMapsDrawOutlinesAndSayTheBaseMapIsMissing() {
		int units = this.http.get("/api/units").json().get("features").size();
		int zones = this.http.get("/api/zones").json().get("features").size();
		assertThat(units).as("communes and wards of today").isGreaterThan(10);

		open("/portal");
		waitOutlines("#map");
		assertThat(count("#map path.outline-province")).isGreaterThanOrEqualTo(1);
		assertThat(count("#map path.outline-unit")).isEqualTo(units);
		assertThat(count("#map path.outline-zone")).isEqualTo(zones);
		waitFor("the notice", () -> !browser.findElements(By.cssSelector("#map .map-notice")).isEmpty());
		assertThat(text("#map .map-notice")).isEqualTo("Không tải được bản đồ nền; vẫn hiển thị ranh giới KCN/CCN.");
		// the outlines take no clicks: the plots above them do
		assertThat(js("return getComputedStyle(document.querySelector('#map .leaflet-outlines-pane')).pointerEvents"))
			.isEqualTo("none");

		int plots = this.http.get("/api/plots?zone=KCN-VIET-HAN").json().get("features").size();
		assertThat(plots).as("plots of KCN Việt Hàn").isPositive();
		open("/portal/zones/KCN-VIET-HAN?lang=en");
		waitOutlines("#shape-map");
		assertThat(count("#shape-map path.shape")).isEqualTo(1);
		assertThat(count("#shape-map path.zone-plot")).isEqualTo(plots);
		assertThat(count("#shape-map path.outline-zone")).as("the other zones").isEqualTo(zones - 1);
		assertThat(count("#shape-map path.outline-unit")).isEqualTo(units);
		waitFor("the notice", () -> !browser.findElements(By.cssSelector("#shape-map .map-notice")).isEmpty());
		assertThat(text("#shape-map .map-notice"))
			.isEqualTo("The base map could not be loaded; zone boundaries are still shown.");

		long plot = this.jdbc.sql("SELECT min(id) FROM public_plot").query(Long.class).single();
		open("/portal/plots/" + plot);
		waitOutlines("#shape-map");
		assertThat(count("#shape-map path.shape")).isEqualTo(1);
		assertThat(count("#shape-map path.outline-zone")).as("its zone among the others").isEqualTo(zones);
		assertThat(count("#shape-map path.zone-plot")).isZero();
	}

	@Test
	void noPageReportsAConsoleErrorButTheUnreachableTileServer() {
		long plot = this.jdbc.sql("SELECT min(id) FROM public_plot").query(Long.class).single();
		assertThat(this.http.download("/favicon.ico").status()).isEqualTo(200);
		List<String> errors = new ArrayList<>();
		browser.get(url("/favicon.ico"));
		browser.manage().deleteAllCookies();
		Browsers.consoleErrors(browser);
		for (String path : List.of("/portal", "/portal/zones/KCN-VIET-HAN", "/portal/plots/" + plot, "/", "/stats",
				"/clearance?unit=BG-YD&asOf=2025-06-30", "/login")) {
			visit(path, errors);
		}
		browser.get(url("/edit"));
		waitFor("the sign-in form", () -> !browser.findElements(By.id("username")).isEmpty());
		browser.findElement(By.id("username")).sendKeys(TestUsers.EDITOR);
		browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		waitFor("the editing page", () -> browser.getCurrentUrl().contains("/edit"));
		for (String path : List.of("/edit", "/inbox", "/import")) {
			visit(path, errors);
		}
		assertThat(errors).isEmpty();
	}

	private void visit(String path, List<String> errors) {
		browser.get(url(path));
		waitFor(path, () -> "complete".equals(js("return document.readyState")));
		// a page's data and tiles come after the load event: give them time to fail
		waitFor(path + " settled", () -> ((Number) js("""
				const now = performance.now();
				const last = performance.getEntriesByType('resource').reduce((m, e) => Math.max(m, e.responseEnd), 0);
				return now - last""")).doubleValue() > 1500);
		((List<?>) js("return window.__errors || []")).forEach(error -> errors.add(path + ": " + error));
		Browsers.consoleErrors(browser).stream()
			.filter(message -> !message.contains(TILE_SERVER))
			.forEach(message -> errors.add(path + ": console: " + message));
	}

	private void open(String path) {
		browser.get(url(path));
	}

	private static void waitOutlines(String map) {
		waitFor(map + " outlines", () -> "true".equals(js("const m = document.querySelector(arguments[0]);"
				+ " return m && m.dataset.outlines", map)));
	}

	private static int count(String css) {
		return browser.findElements(By.cssSelector(css)).size();
	}

	private static String text(String css) {
		return browser.findElement(By.cssSelector(css)).getText();
	}

	private static Object js(String script, Object... args) {
		return ((JavascriptExecutor) browser).executeScript(script, args);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private static void waitFor(String what, java.util.function.BooleanSupplier condition) {
		new WebDriverWait(browser, Duration.ofSeconds(60)).withMessage(what)
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> condition.getAsBoolean());
	}

}
