package vn.landregistry.maps;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.landregistry.support.Browsers;
import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map page in Debian's headless Chromium, with the base map unreachable (tests point the tile
 * URL at a closed port): zones and district outlines must still be drawn, with the legend; the map
 * as of an earlier day; drafts only for signed-in users.
 */
class MapPageBrowserTest extends PostgisTest {

	static WebDriver browser;

	/** Zones a test created, removed after it. */
	private final List<Long> created = new ArrayList<>();

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

	@Test
	void drawsEveryZoneAndDistrictWithLegendWhenTilesCannotLoad() {
		open("/");

		// The public sees published zones that are not deleted.
		String visible = "SELECT count(*) FROM zone WHERE published AND deleted_at IS NULL";
		long zones = this.jdbc.sql(visible).query(Long.class).single();
		long kcn = this.jdbc.sql(visible + " AND kind = 'KCN'").query(Long.class).single();
		long approximate = this.jdbc.sql(visible + " AND boundary_accuracy = 'APPROXIMATE'").query(Long.class).single();
		assertThat(browser.findElements(By.cssSelector("path.zone"))).hasSize((int) zones);
		assertThat(browser.findElements(By.cssSelector("path.zone-KCN"))).hasSize((int) kcn);
		assertThat(browser.findElements(By.cssSelector("path.zone-approximate"))).hasSize((int) approximate);
		// Today (after 2025-07-01): the communes and wards of the merged province, not the old districts.
		long communesToday = this.http.get("/api/units").json().get("features").size();
		assertThat(communesToday).isGreaterThan(10);
		assertThat(browser.findElements(By.cssSelector("path.unit-commune"))).hasSize((int) communesToday);
		assertThat(browser.findElements(By.cssSelector("path.unit-district"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector("path.province"))).hasSize(1);

		WebElement legend = browser.findElement(By.id("legend"));
		assertThat(legend.isDisplayed()).isTrue();
		assertThat(legend.getText()).contains("Chú giải", "Khu công nghiệp (KCN)", "Ranh giới gần đúng");

		// The base map failed (no network): the page says so and still shows the zones.
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
		List<WebElement> tiles = browser.findElements(By.cssSelector("img.leaflet-tile"));
		assertThat(tiles).isNotEmpty();
		assertThat(tiles).noneMatch(tile -> Boolean.TRUE.equals(((JavascriptExecutor) browser)
			.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", tile)));
	}

	@Test
	void beforeTheReformTheMapShowsTheDistrictsOfBacGiangAndAfterItTheCommunesOfBacNinh() {
		open("/?asOf=2024-06-30");
		assertThat(browser.findElements(By.cssSelector("path.unit-district"))).hasSize(10);
		assertThat(browser.findElements(By.cssSelector("path.unit-commune"))).isEmpty();
		assertThat(labels()).contains("Việt Yên", "Lục Ngạn", "Thành phố Bắc Giang").doesNotContain("Nếnh");
		clickZone("KCN-QUANG-CHAU");
		assertThat(popupText()).contains("Huyện", "Việt Yên, Bắc Giang");

		open("/?asOf=2025-07-01");
		assertThat(browser.findElements(By.cssSelector("path.unit-district"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector("path.unit-commune"))).isNotEmpty();
		assertThat(labels()).contains("Nếnh").doesNotContain("Lục Ngạn", "Thành phố Bắc Giang");
		clickZone("KCN-QUANG-CHAU");
		assertThat(popupText()).contains("Xã, phường", "Nếnh, Bắc Ninh", "Huyện (đến 30/6/2025)", "Việt Yên");
	}

	private List<String> labels() {
		return browser.findElements(By.cssSelector(".district-label")).stream().map(WebElement::getText).toList();
	}

	private void clickZone(String code) {
		browser.findElement(By.cssSelector("path.zone-code-" + code)).click();
	}

	private String popupText() {
		return wait(Duration.ofSeconds(5))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".zone-popup")))
			.getDomProperty("textContent");
	}

	@Test
	void clickingAZoneOpensItsPopupWithFiguresAndCitation() {
		open("/");
		var zone = this.jdbc
			.sql("SELECT code, name_vi, source FROM zone WHERE kind = 'KCN' AND published AND deleted_at IS NULL ORDER BY code LIMIT 1")
			.query().singleRow();

		browser.findElement(By.cssSelector("path.zone-code-" + zone.get("code"))).click();

		WebElement popup = wait(Duration.ofSeconds(5))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".zone-popup")));
		assertThat(popup.getDomProperty("textContent")).contains((String) zone.get("name_vi"), (String) zone.get("code"),
				(String) zone.get("source"), "Diện tích trên bản đồ", "Ranh giới gần đúng");
	}

	@Test
	void switchesToEnglish() {
		open("/?lang=en");
		assertThat(browser.findElement(By.id("legend")).getText()).contains("Legend", "Industrial zone (KCN)",
				"Approximate boundary");
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
		browser.findElement(By.id("lang-switch")).click();
		wait(Duration.ofSeconds(10)).until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
		assertThat(browser.findElement(By.id("legend")).getText()).contains("Chú giải");
	}

	@Test
	void theMapAsOfAnEarlierDayLeavesOutWhatCameLaterAndKeepsTheDayInTheAddress() {
		String code = createZone(true);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		LocalDate yesterday = today.minusDays(1);
		open("/?asOf=" + yesterday);

		assertThat(browser.findElement(By.id("asOf")).getDomProperty("value")).isEqualTo(yesterday.toString());
		assertThat(browser.findElement(By.cssSelector("label[for='asOf']")).getText()).isEqualTo("Bản đồ tại ngày");
		assertThat(browser.findElement(By.id("asOf-shown")).getText())
			.isEqualTo("Bản đồ như ngày " + yesterday.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " (dữ liệu lịch sử)");
		assertThat(browser.findElement(By.tagName("body")).getDomAttribute("class")).contains("historical");
		assertThat(browser.findElements(By.cssSelector("path.zone-code-" + code))).as("created today").isEmpty();
		long then = this.http.get("/api/zones?asOf=" + yesterday).json().get("features").size();
		assertThat(browser.findElements(By.cssSelector("path.zone"))).hasSize((int) then);
		assertThat(browser.findElements(By.cssSelector("path.clearance-phase")))
			.hasSize(this.http.get("/api/clearance?asOf=" + yesterday).json().get("features").size());
		assertThat(browser.findElement(By.id("lang-switch")).getDomAttribute("href")).contains("asOf=" + yesterday);

		// Back to today: the zone is there and the address forgets the day.
		browser.findElement(By.id("asOf-today")).click();
		waitLoaded();
		assertThat(browser.findElements(By.cssSelector("path.zone-code-" + code))).hasSize(1);
		assertThat(browser.getCurrentUrl()).doesNotContain("asOf");
		assertThat(browser.findElement(By.id("asOf-shown")).getText()).startsWith("Hiện tại");
		assertThat(browser.findElement(By.id("asOf-today")).isEnabled()).isFalse();

		// Picking a day in the date field reloads the map as of that day.
		((JavascriptExecutor) browser).executeScript("""
				const input = document.getElementById('asOf');
				input.value = arguments[0];
				input.dispatchEvent(new Event('change'));""", yesterday.toString());
		waitLoaded();
		assertThat(browser.getCurrentUrl()).contains("asOf=" + yesterday);
		assertThat(browser.findElements(By.cssSelector("path.zone-code-" + code))).isEmpty();
		assertThat(((Number) ((JavascriptExecutor) browser).executeScript(
				"const s = document.getElementById('asOf-slider'); return Number(s.max) - Number(s.value);")).intValue())
			.as("the slider one day before its end").isEqualTo(1);
	}

	@Test
	void thePublicNeverSeesDraftsAndIsOfferedToSignIn() {
		String code = createZone(false);
		open("/");
		assertThat(browser.findElements(By.cssSelector("path.zone-code-" + code))).isEmpty();
		assertThat(this.http.get("/api/zones").body()).doesNotContain(code);
		assertThat(this.editor.get("/api/zones").body()).contains(code);
		WebElement signIn = browser.findElement(By.id("sign-in"));
		assertThat(signIn.getText()).isEqualTo("Đăng nhập");
		assertThat(URLDecoder.decode(signIn.getDomAttribute("href"), StandardCharsets.UTF_8)).as("back to the map afterwards")
			.isEqualTo("/login?next=/");
		assertThat(browser.findElements(By.id("sign-out"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector("meta[name='_csrf']"))).as("no session for the public").isEmpty();
	}

	@Test
	void aSignedInEditorSeesDraftsLabelledAndCanSignOut() {
		String code = createZone(false);
		browser.get("http://127.0.0.1:" + this.port + "/favicon.ico");
		browser.manage().deleteAllCookies();
		browser.get("http://127.0.0.1:" + this.port + "/login");
		browser.findElement(By.id("username")).sendKeys(TestUsers.EDITOR);
		browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		waitLoaded();

		assertThat(browser.findElement(By.id("user-name")).getText()).isEqualTo(TestUsers.EDITOR);
		assertThat(browser.findElement(By.id("edit-link")).getDomAttribute("href")).isEqualTo("/edit");
		assertThat(browser.findElements(By.cssSelector("path.zone-code-" + code + ".draft"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector(".draft-label")).stream().map(WebElement::getText)).contains("Nháp");
		assertThat(browser.findElement(By.cssSelector("meta[name='_csrf']")).getDomAttribute("content")).isNotBlank();

		WebElement signedIn = browser.findElement(By.tagName("body"));
		browser.findElement(By.cssSelector("#sign-out button")).click();
		wait(Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(signedIn)); // not the page being left
		waitLoaded();
		assertThat(browser.findElements(By.id("sign-in"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector("path.zone-code-" + code))).isEmpty();
	}

	/** A CCN square made by the editor through the API in an empty part of Sơn Động; removed after the test. */
	private String createZone(boolean publish) {
		for (int i = 0; i < 40; i++) {
			double lon = 106.78 + (i % 8) * 0.02;
			double lat = 21.30 + (i / 8) * 0.02;
			boolean free = this.jdbc.sql("""
					SELECT NOT EXISTS (SELECT 1 FROM zone WHERE ST_Intersects(boundary, ST_Expand(e, 0.002)))
					       AND ST_Within(e, (SELECT boundary FROM admin_unit WHERE code = 'BG-SD'))
					  FROM ST_MakeEnvelope(:lon, :lat, :lon + 0.01, :lat + 0.01, 4326) e""")
				.param("lon", lon).param("lat", lat).query(Boolean.class).single();
			if (!free) {
				continue;
			}
			String code = "CCN-MAP-" + System.currentTimeMillis() % 100000000;
			String square = "{\"type\":\"Polygon\",\"coordinates\":[[[%1$s,%2$s],[%3$s,%2$s],[%3$s,%4$s],[%1$s,%4$s],[%1$s,%2$s]]]}"
				.formatted(lon, lat, lon + 0.01, lat + 0.01);
			Http.Response response = this.editor.postJson("/api/zones", """
					{"kind": "CCN", "code": "%s", "name": "Cụm kiểm thử bản đồ", "planStatus": "NEW", "geometry": %s,
					 "source": "kiểm thử", "publish": %s}""".formatted(code, square, publish));
			assertThat(response.status()).as(response.body()).isEqualTo(201);
			this.created.add(response.json().get("properties").get("id").asLong());
			return code;
		}
		throw new AssertionError("no free spot for a test zone in Sơn Động");
	}

	@AfterEach
	void removeZones() {
		for (long id : this.created) {
			this.jdbc.sql("DELETE FROM plot WHERE zone_id = :id").param("id", id).update();
			this.jdbc.sql("DELETE FROM zone WHERE id = :id").param("id", id).update();
		}
	}

	private void waitLoaded() {
		// the page may still be replaced (a sign-in redirect) while we look
		wait(Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
	}

	private void open(String path) {
		browser.get("http://127.0.0.1:" + this.port + "/favicon.ico");
		browser.manage().deleteAllCookies(); // each test starts in the default language
		browser.get("http://127.0.0.1:" + this.port + path);
		wait(Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);
		assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-loaded")).isEqualTo("true");
	}

	private static WebDriverWait wait(Duration timeout) {
		return new WebDriverWait(browser, timeout);
	}

}
