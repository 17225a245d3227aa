package vn.landregistry.tiles;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;

import vn.landregistry.support.Browsers;
import vn.landregistry.support.PostgisTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main map in headless Chromium with the vector-plot threshold at 0: plots come from
 * /tiles/plots/{z}/{x}/{y}.mvt, coloured by status and dashed where approximate, with a popup;
 * a past day falls back to GeoJSON (tiles show today only).
 */
@TestPropertySource(properties = "registry.map.vector-plots-threshold=0")
class PlotTilesBrowserTest extends PostgisTest {

	static WebDriver browser;

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

	@Test
	void plotsAreDrawnFromVectorTilesWithTheirColoursAndAPopup() {
		Map<String, Object> plot = this.jdbc.sql("""
				SELECT p.id, p.code, z.name_vi AS zone_name, plot_status(p.id, p.cleared_on, mvt_day()) AS status,
				       ST_X(ST_PointOnSurface(p.boundary)) AS lon, ST_Y(ST_PointOnSurface(p.boundary)) AS lat
				  FROM plot p JOIN zone z ON z.id = p.zone_id
				 WHERE z.code = 'KCN-QUANG-CHAU' AND p.published AND p.deleted_at IS NULL ORDER BY p.id LIMIT 1""")
			.query().singleRow();
		open("/");
		assertThat(body("data-plot-source")).isEqualTo("tiles");

		script("window.registryMap.setView([arguments[0], arguments[1]], 16, { animate: false })", plot.get("lat"), plot.get("lon"));
		wait(Duration.ofSeconds(20)).until(d -> "16".equals(body("data-plot-tiles")));

		long tileRequests = ((Number) script(
				"return performance.getEntriesByType('resource').filter((e) => /\\/tiles\\/plots\\/16\\/\\d+\\/\\d+\\.mvt$/.test(e.name)).length"))
			.longValue();
		assertThat(tileRequests).isPositive();
		List<WebElement> drawn = browser.findElements(By.cssSelector("path.plot-tile"));
		assertThat(drawn).isNotEmpty();
		assertThat(browser.findElements(By.cssSelector("path.plot:not(.plot-tile)"))).as("no GeoJSON plots").isEmpty();
		WebElement path = browser.findElement(By.cssSelector("path.plot-tile.plot-id-" + plot.get("id")));
		assertThat(path.getDomAttribute("class")).contains("plot-" + plot.get("status"), "plot-approximate");
		assertThat(path.getDomAttribute("stroke-dasharray")).as("approximate: dashed").isNotBlank();
		assertThat(path.getDomAttribute("fill")).isNotBlank();

		path.click();
		WebElement popup = wait(Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup .zone-popup")));
		wait(Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until(d -> d.findElement(By.cssSelector(".leaflet-popup .zone-popup")).getText().contains((String) plot.get("zone_name")));
		assertThat(browser.findElement(By.cssSelector(".leaflet-popup .zone-popup")).getText()).contains((String) plot.get("code"));
		assertThat(popup).isNotNull();
		assertThat(script("return window.__errors")).asList().isEmpty();
	}

	@Test
	void atZoom13PlotsAreMergedByStatusWithASummaryForAPopup() {
		Map<String, Object> zone = this.jdbc.sql("""
				SELECT z.name_vi AS zone_name, plot_status(p.id, p.cleared_on, mvt_day()) AS status, count(*) AS plots,
				       ST_X(ST_PointOnSurface(ST_Union(p.boundary))) AS lon, ST_Y(ST_PointOnSurface(ST_Union(p.boundary))) AS lat
				  FROM plot p JOIN zone z ON z.id = p.zone_id
				 WHERE z.code = 'KCN-QUANG-CHAU' AND p.published AND p.deleted_at IS NULL
				 GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1""").query().singleRow();
		open("/");
		script("window.registryMap.setView([arguments[0], arguments[1]], 13, { animate: false })", zone.get("lat"), zone.get("lon"));
		wait(Duration.ofSeconds(20)).until(d -> "13".equals(body("data-plot-tiles")));

		List<WebElement> areas = browser.findElements(By.cssSelector("path.plot-status-area.plot-" + zone.get("status")));
		assertThat(areas).isNotEmpty();
		assertThat(browser.findElements(By.cssSelector("path.plot-tile:not(.plot-status-area)"))).as("no single plot at z13")
			.isEmpty();
		script("arguments[0].dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: arguments[0].getBoundingClientRect().x + 2, "
				+ "clientY: arguments[0].getBoundingClientRect().y + 2 }))", areas.get(0));
		WebElement popup = wait(Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup .status-area-popup")));
		assertThat(popup.getText()).contains((String) zone.get("zone_name"))
			.contains(String.valueOf(((Number) zone.get("plots")).longValue()));
		long plotRequests = ((Number) script(
				"return performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/plots/')).length")).longValue();
		assertThat(plotRequests).as("a merged area is no plot: nothing asked of /api/plots").isZero();
		assertThat(script("return window.__errors")).asList().isEmpty();
	}

	@Test
	void cleanLandComesFromThePlotTilesNotFromAListOfEveryCleanPlot() {
		Map<String, Object> clean = this.jdbc.sql("""
				SELECT p.id, ST_X(ST_PointOnSurface(p.boundary)) AS lon, ST_Y(ST_PointOnSurface(p.boundary)) AS lat
				  FROM plot p JOIN zone z ON z.id = p.zone_id
				 WHERE p.published AND p.deleted_at IS NULL AND z.published AND z.deleted_at IS NULL
				   AND plot_status(p.id, p.cleared_on, mvt_day()) = 'AVAILABLE_CLEAN'
				 ORDER BY p.id LIMIT 1""")
			.query().singleRow();
		open("/");
		script("window.registryMap.setView([arguments[0], arguments[1]], 16, { animate: false })", clean.get("lat"), clean.get("lon"));
		wait(Duration.ofSeconds(20)).until(d -> !browser.findElements(By.cssSelector(".leaflet-cleanTiles-pane path.clean-land")).isEmpty());

		long cleanLists = ((Number) script(
				"return performance.getEntriesByType('resource').filter((e) => e.name.includes('status=AVAILABLE_CLEAN')).length"))
			.longValue();
		assertThat(cleanLists).as("no GeoJSON list of the clean plots").isZero();
		assertThat(browser.findElements(By.cssSelector(".leaflet-cleanTiles-pane path")))
			.as("only clean plots are drawn in the clean-land layer")
			.allSatisfy(path -> assertThat(path.getDomAttribute("class")).contains("clean-land"));
		assertThat(script("return window.__errors")).asList().isEmpty();
	}

	@Test
	void aPastDayIsDrawnFromGeoJsonSinceTilesShowToday() {
		LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1);
		open("/?asOf=" + yesterday);
		assertThat(body("data-plot-source")).isEqualTo("geojson");
		script("window.registryMap.setView([21.228, 106.098], 16, { animate: false })");
		wait(Duration.ofSeconds(20)).until(d -> !browser.findElements(By.cssSelector("path.plot")).isEmpty());
		assertThat(browser.findElements(By.cssSelector("path.plot-tile"))).isEmpty();
		assertThat(script("return window.__errors")).asList().isEmpty();
	}

	private void open(String path) {
		browser.get("http://127.0.0.1:" + this.port + "/favicon.ico");
		browser.manage().deleteAllCookies();
		browser.get("http://127.0.0.1:" + this.port + path);
		wait(Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
			.until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);
		assertThat(body("data-loaded")).isEqualTo("true");
	}

	private static String body(String attribute) {
		return browser.findElement(By.tagName("body")).getDomAttribute(attribute);
	}

	private static Object script(String code, Object... arguments) {
		return ((JavascriptExecutor) browser).executeScript(code, arguments);
	}

	private static WebDriverWait wait(Duration timeout) {
		return new WebDriverWait(browser, timeout);
	}

}
