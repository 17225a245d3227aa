package vn.landregistry.maps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.landregistry.support.PostgisTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map page in Debian's headless Chromium, with the base map unreachable (tests point the tile
 * URL at a closed port): zones and district outlines must still be drawn, with the legend.
 */
class MapPageBrowserTest extends PostgisTest {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static WebDriver browser;

	@BeforeAll
	static void startBrowser() throws Exception {
		assertThat(CHROMIUM).as("Debian chromium (bin/test installs it)").exists();
		assertThat(CHROMEDRIVER).as("Debian chromium-driver (bin/test installs it)").exists();
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1280,900",
				"--user-data-dir=" + Files.createTempDirectory("registry-chromium-"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		browser = new ChromeDriver(service, options);
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

		long zones = this.jdbc.sql("SELECT count(*) FROM zone").query(Long.class).single();
		long kcn = this.jdbc.sql("SELECT count(*) FROM zone WHERE kind = 'KCN'").query(Long.class).single();
		long approximate = this.jdbc.sql("SELECT count(*) FROM zone WHERE boundary_accuracy = 'APPROXIMATE'")
			.query(Long.class).single();
		assertThat(browser.findElements(By.cssSelector("path.zone"))).hasSize((int) zones);
		assertThat(browser.findElements(By.cssSelector("path.zone-KCN"))).hasSize((int) kcn);
		assertThat(browser.findElements(By.cssSelector("path.zone-approximate"))).hasSize((int) approximate);
		assertThat(browser.findElements(By.cssSelector("path.district"))).hasSize(10);

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
	void clickingAZoneOpensItsPopupWithFiguresAndCitation() {
		open("/");
		var zone = this.jdbc.sql("SELECT code, name_vi, source FROM zone WHERE kind = 'KCN' ORDER BY code LIMIT 1")
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

	private void open(String path) {
		browser.get("http://127.0.0.1:" + this.port + "/favicon.ico");
		browser.manage().deleteAllCookies(); // each test starts in the default language
		browser.get("http://127.0.0.1:" + this.port + path);
		wait(Duration.ofSeconds(20)).until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);
		assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-loaded")).isEqualTo("true");
	}

	private static WebDriverWait wait(Duration timeout) {
		return new WebDriverWait(browser, timeout);
	}

}
