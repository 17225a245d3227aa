package vn.landregistry.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Browsers;
import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics page in Debian's headless Chromium, checked against the statistics API it reads:
 * charts, choropleth and tables hold the API's rows, numbers follow the page language, headers
 * sort, controls reload and API errors are shown. The base map is unreachable, as offline.
 */
class StatisticsPageBrowserTest extends PostgisTest {

	static final List<String> CHARTS = List.of("chart-zone", "chart-district", "chart-series", "chart-plan");

	static WebDriver browser;

	@LocalServerPort
	int port;

	Http http;

	@BeforeAll
	static void startBrowser() throws Exception {
		browser = Browsers.start(1280, 900);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	/** No script error, rejected promise or CSP violation, but where a test makes the API refuse on purpose. */
	@AfterEach
	void noScriptErrors(TestInfo test) {
		if (!test.getDisplayName().startsWith("showsTheProblemDetail")) {
			assertThat((List<?>) js("return window.__errors || []")).as("script errors on the page").isEmpty();
		}
	}

	// ---- issue 15, item 9 -------------------------------------------------------------------------

	@Test
	void kindUnitAndDayAreKeptInTheAddress() {
		JsonNode unit = firstUnitWithZones("2026-01-01");
		String code = unit.get("key").asString();
		open("/stats?kind=KCN&unit=" + code + "&asOf=2026-01-01");
		assertThat(js("return document.getElementById('kind').value")).isEqualTo("KCN");
		assertThat(js("return document.getElementById('unit').value")).isEqualTo(code);
		assertThat(asOf()).isEqualTo("2026-01-01");
		JsonNode zones = api("/api/stats/fill-rate?groupBy=zone&kind=KCN&unit=" + code + "&asOf=2026-01-01").get("rows");
		assertThat(rowKeys("table-zone")).containsExactlyElementsOf(keys(zones));
		assertThat(browser.findElements(By.cssSelector("#choropleth path.zone")))
			.hasSize(api("/api/zones?kind=KCN&unit=" + code + "&asOf=2026-01-01").get("features").size());
		assertThat(browser.findElement(By.cssSelector("#downloads-zone a")).getDomAttribute("href"))
			.contains("unit=" + code, "kind=KCN", "asOf=2026-01-01");

		change("kind", "CCN");
		waitLoaded("true");
		assertThat(browser.getCurrentUrl()).contains("kind=CCN", "unit=" + code, "asOf=2026-01-01");
		change("unit", "");
		waitLoaded("true");
		assertThat(browser.getCurrentUrl()).contains("kind=CCN").doesNotContain("unit=");
		assertThat(rowKeys("table-zone"))
			.containsExactlyElementsOf(keys(api("/api/stats/fill-rate?groupBy=zone&kind=CCN&asOf=2026-01-01").get("rows")));

		browser.navigate().refresh();
		waitLoaded("true");
		assertThat(js("return document.getElementById('kind').value")).isEqualTo("CCN");
		assertThat(asOf()).isEqualTo("2026-01-01");
		assertThat(browser.findElement(By.id("lang-switch")).getDomAttribute("href")).contains("kind=CCN", "asOf=2026-01-01");
	}

	@Test
	void downloadsCarryTheTableTitlesOfThePageLanguage() {
		for (String lang : List.of("vi", "en")) {
			open("/stats?lang=" + lang);
			for (String table : List.of("zone", "district", "kind")) {
				String href = browser.findElement(By.cssSelector("#downloads-" + table + " a.download-csv")).getDomAttribute("href");
				assertThat(href).contains("lang=" + lang);
				String header = new String(this.http.bytes(href), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
				@SuppressWarnings("unchecked")
				List<String> titles = (List<String>) js("return Array.from(document.querySelectorAll('#table-' + arguments[0]"
						+ " + ' thead button')).map(b => b.firstChild.textContent)", table);
				assertThat(titles).isNotEmpty();
				for (String title : titles) {
					assertThat(header).as(lang + " " + table).contains(title);
				}
			}
		}
		assertThat(new String(this.http.bytes("/api/stats/fill-rate?groupBy=zone&format=csv&lang=en"), StandardCharsets.UTF_8))
			.startsWith("\uFEFFCode,Name");
	}

	@Test
	void theMapIsReadableAtProvinceScale() {
		open("/stats");
		JsonNode zones = api("/api/zones").get("features");
		// every zone has a dot of fixed size, however small its shape at this zoom
		List<WebElement> dots = browser.findElements(By.cssSelector("#choropleth path.zone-dot"));
		assertThat(dots).hasSize(zones.size());
		for (WebElement dot : dots) {
			assertThat(dot.getRect().getWidth()).as("dot size in px").isGreaterThanOrEqualTo(10);
		}
		// and the units are shaded by their own fill rate, as the unit table says
		long rated = 0;
		for (JsonNode row : api("/api/stats/fill-rate?groupBy=unit&asOf=" + asOf()).get("rows")) {
			rated += row.get("occupancyRate").isNull() ? 0 : 1;
		}
		assertThat(rated).isPositive();
		assertThat(browser.findElements(By.cssSelector("#choropleth path.unit-shade"))).hasSize((int) rated);
		assertThat(text(browser.findElement(By.id("map-reading")))).contains("đơn vị hành chính", "Chấm tròn");
	}

	@Test
	void cleanLandAndClearedAreExplained() {
		open("/stats");
		browser.findElement(By.cssSelector("#clean-vs-cleared summary")).click();
		assertThat(text(browser.findElement(By.id("help-clean")))).contains("sẵn sàng cho nhà đầu tư thuê");
		open("/stats?lang=en");
		browser.findElement(By.cssSelector("#clean-vs-cleared summary")).click();
		assertThat(text(browser.findElement(By.id("help-cleared")))).contains("handed over");
	}

	private JsonNode firstUnitWithZones(String day) {
		for (JsonNode row : api("/api/stats/fill-rate?groupBy=unit&kind=KCN&asOf=" + day).get("rows")) {
			if (row.get("zones").asLong() > 0 && row.get("key").asString().startsWith("BN-")) {
				return row;
			}
		}
		throw new AssertionError("no unit with KCN on " + day);
	}

	@Test
	void chartsMapAndTablesShowTheApiFigures() {
		open("/stats");
		JsonNode zones = api("/api/stats/fill-rate?groupBy=zone&asOf=" + asOf()).get("rows");
		assertThat(zones.size()).as("demo zones with land for lease").isPositive();

		for (String chart : CHARTS) {
			assertThat(chartPoints(chart)).as(chart).isPositive();
		}
		assertThat(chartPoints("chart-zone")).isEqualTo(zones.size());
		assertThat(browser.findElements(By.cssSelector("#choropleth path.zone")))
			.hasSize(api("/api/zones").get("features").size());
		assertThat(browser.findElement(By.id("rate-legend")).getText()).contains("Tỷ lệ lấp đầy", "Chưa có đất cho thuê");

		assertThat(rowKeys("table-zone")).containsExactlyElementsOf(keys(zones));
		for (JsonNode zone : zones) {
			assertThat(text(browser.findElement(By.cssSelector("#table-zone tr[data-key='" + zone.get("key").asString() + "']"))))
				.contains(zone.get("name").asString(), percent(zone.get("occupancyRate"), ',') + " %");
		}
		assertThat(text(browser.findElement(By.id("excluded")))).contains("Không tính");
		for (String table : List.of("zone", "district", "kind", "reported", "plan")) {
			assertThat(rowKeys("table-" + table)).as(table).isNotEmpty();
			for (WebElement link : browser.findElements(By.cssSelector("#downloads-" + table + " a"))) {
				String href = link.getDomAttribute("href");
				assertThat(href).containsPattern("[?&]format=(csv|xlsx)$");
				Http.Response file = this.http.get(href);
				assertThat(file.status()).as(href).isEqualTo(200);
				if (href.endsWith("csv")) {
					assertThat(file.contentType()).as(href).startsWith("text/csv");
					// a header, then at least a line per row of the page's table (a file may add totals)
					assertThat(file.body().lines().count()).as(href).isGreaterThan(rowKeys("table-" + table).size());
				}
				else {
					assertThat(file.contentType()).as(href).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml");
					assertThat(file.body()).as(href).startsWith("PK");
				}
			}
		}
	}

	@Test
	void headerButtonsSortTheTableBothWays() {
		open("/stats");
		List<JsonNode> zones = list(api("/api/stats/fill-rate?groupBy=zone&asOf=" + asOf()).get("rows"));
		Comparator<JsonNode> byRate = Comparator.comparing(zone -> zone.get("occupancyRate").decimalValue());
		By header = By.cssSelector("#table-zone th:has(button[data-column=occupancyRate])");
		assertThat(browser.findElement(header).getDomAttribute("aria-sort")).isNull();

		browser.findElement(header).findElement(By.tagName("button")).click();
		assertThat(browser.findElement(header).getDomAttribute("aria-sort")).isEqualTo("ascending");
		assertThat(rowKeys("table-zone")).containsExactlyElementsOf(keys(zones.stream().sorted(byRate).toList()));

		// The button keeps the focus and answers the keyboard.
		browser.switchTo().activeElement().sendKeys(Keys.ENTER);
		assertThat(browser.findElement(header).getDomAttribute("aria-sort")).isEqualTo("descending");
		assertThat(rowKeys("table-zone"))
			.containsExactlyElementsOf(keys(zones.stream().sorted(byRate.reversed()).toList()));
	}

	@Test
	void changingAControlReloadsChartsMapAndTables() {
		open("/stats");
		change("kind", "KCN");
		waitLoaded("true");
		JsonNode kcn = api("/api/stats/fill-rate?groupBy=zone&kind=KCN&asOf=" + asOf()).get("rows");
		assertThat(chartPoints("chart-zone")).isEqualTo(kcn.size());
		assertThat(rowKeys("table-zone")).containsExactlyElementsOf(keys(kcn));
		assertThat(browser.findElements(By.cssSelector("#choropleth path.zone")))
			.hasSize(api("/api/zones?kind=KCN").get("features").size())
			.hasSize(browser.findElements(By.cssSelector("#choropleth path.zone-KCN")).size());
		assertThat(browser.findElement(By.cssSelector("#downloads-zone a")).getDomAttribute("href")).contains("kind=KCN");
	}

	@Test
	void theUnitTableGroupsByTheDistrictsBeforeTheReformAndByTheCommunesAfter() {
		open("/stats");
		change("asOf", "2024-06-30");
		waitLoaded("true");
		List<String> before = rowKeys("table-district");
		assertThat(before).contains("BG-VY").noneMatch(key -> key.startsWith("BN-"));
		assertThat(before).containsExactlyElementsOf(
				keys(api("/api/stats/fill-rate?groupBy=unit&asOf=2024-06-30").get("rows")));
		assertThat(text(browser.findElement(By.id("grouping-note")))).contains("huyện", "Bắc Giang");

		change("asOf", "2026-01-01");
		waitLoaded("true");
		List<String> after = rowKeys("table-district");
		assertThat(after).isNotEmpty().noneMatch(key -> key.startsWith("BG-"));
		assertThat(after).containsExactlyElementsOf(
				keys(api("/api/stats/fill-rate?groupBy=unit&asOf=2026-01-01").get("rows")));
		assertThat(text(browser.findElement(By.id("grouping-note")))).contains("xã, phường", "Bắc Ninh");
		// figures computed on demo plots say so, in the table and beside it
		assertThat(browser.findElement(By.id("demo-note")).isDisplayed()).isTrue();
		assertThat(text(browser.findElement(By.cssSelector("#table-zone tr[data-key='KCN-QUANG-CHAU']"))))
			.contains("minh họa");
	}

	@Test
	void showsTheProblemDetailWhenTheApiRefuses() {
		open("/stats");
		change("from", "2030-01-01");
		waitLoaded("error");
		String to = (String) js("return document.getElementById('to').value");
		Http.Response refused = this.http.get("/api/stats/fill-rate/series?groupBy=kind&from=2030-01-01&to=" + to);
		assertThat(refused.status()).isEqualTo(400);
		WebElement status = browser.findElement(By.id("status"));
		assertThat(status.isDisplayed()).isTrue();
		assertThat(text(status)).contains("Không tải được số liệu", refused.json().get("detail").asString());
	}

	@Test
	void speaksEnglish() {
		open("/stats?lang=en");
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
		List<String> headings = browser.findElements(By.cssSelector("h2, h3, caption")).stream().map(this::text).toList();
		assertThat(headings).contains("Charts", "Fill rate by zone", "Fill rate by administrative unit", "Fill rate over time",
				"Fill-rate map", "Tables", "Progress of the plan");
		JsonNode zone = api("/api/stats/fill-rate?groupBy=zone&asOf=" + asOf()).get("rows").get(0);
		assertThat(text(browser.findElement(By.cssSelector("#table-zone tbody tr"))))
			.contains(zone.get("nameEn").asString(), percent(zone.get("occupancyRate"), '.') + "%");
		assertThat(browser.findElement(By.id("rate-legend")).getText()).contains("Fill rate", "No land for lease");
		browser.findElement(By.id("lang-switch")).click();
		waitLoaded("true");
		assertThat(text(browser.findElement(By.id("charts-heading")))).isEqualTo("Biểu đồ");
	}

	/**
	 * The rate as the page prints it: Intl.NumberFormat rounds the exact binary value of the
	 * number, half away from zero, to one decimal of a percent.
	 */
	private static String percent(JsonNode rate, char decimalSeparator) {
		return new BigDecimal(rate.doubleValue()).movePointRight(2)
			.setScale(1, RoundingMode.HALF_UP)
			.toPlainString()
			.replace('.', decimalSeparator);
	}

	private JsonNode api(String pathAndQuery) {
		Http.Response response = this.http.get(pathAndQuery);
		assertThat(response.status()).as(pathAndQuery).isEqualTo(200);
		return response.json();
	}

	private static String asOf() {
		return (String) js("return document.getElementById('asOf').value");
	}

	private static long chartPoints(String canvasId) {
		return (Long) js("return Chart.getChart(document.getElementById(arguments[0])).data.datasets[0].data.length",
				canvasId);
	}

	@SuppressWarnings("unchecked")
	private static List<String> rowKeys(String tableId) {
		return (List<String>) js("return Array.from(document.querySelectorAll('#' + arguments[0] + ' tbody tr'))"
				+ ".map(tr => tr.dataset.key || tr.textContent)", tableId);
	}

	private static List<String> keys(Iterable<JsonNode> rows) {
		List<String> keys = new ArrayList<>();
		rows.forEach(row -> keys.add(row.get("key").asString()));
		return keys;
	}

	private static List<JsonNode> list(JsonNode array) {
		List<JsonNode> list = new ArrayList<>();
		array.forEach(list::add);
		return list;
	}

	/** Visible text with no-break spaces (66,8&nbsp;%) as plain ones. */
	private String text(WebElement element) {
		return element.getText().replace('\u00a0', ' ');
	}

	private static void change(String controlId, String value) {
		js("const control = document.getElementById(arguments[0]); control.value = arguments[1];"
				+ "control.dispatchEvent(new Event('change', { bubbles: true }))", controlId, value);
	}

	private static Object js(String script, Object... args) {
		return ((JavascriptExecutor) browser).executeScript(script, args);
	}

	private void open(String path) {
		browser.get("http://127.0.0.1:" + this.port + "/favicon.ico");
		browser.manage().deleteAllCookies(); // each test starts in the default language
		browser.get("http://127.0.0.1:" + this.port + path);
		waitLoaded("true");
	}

	private static void waitLoaded(String expected) {
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);
		assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-loaded")).isEqualTo(expected);
	}

}
