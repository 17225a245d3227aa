package vn.landregistry.exchange;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.landregistry.support.Browsers;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;
import vn.landregistry.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import page in headless Chromium, as an editor uses it: a surveyed VN-2000 Shapefile uploaded,
 * the report read (CRS, match, map), the commit, and the zone's new boundary in the registry.
 */
class ImportPageBrowserTest extends PostgisTest {

	static ChromeDriver browser;

	@TempDir
	Path dir;

	private TestRegistry registry;

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
	void province() {
		this.registry = new TestRegistry(this.jdbc).create();
	}

	@AfterEach
	void cleanUp() {
		try {
			assertThat((List<?>) browser.executeScript("return window.__errors || []")).as("script errors on the page").isEmpty();
		}
		finally {
			this.registry.clear();
		}
	}

	@Test
	void uploadPreviewAndCommitASurveyedShapefile() throws Exception {
		long zone = this.registry.zone("TST-KCN-W", "KCN", TestRegistry.district(1), 100.4, 10.1, new BigDecimal("90"));
		ExchangeCrs plane = ExchangeCrs.parse("crs", "EPSG:9214");
		String surveyed = this.jdbc.sql("SELECT ST_AsGeoJSON(" + plane.fromStorage(
				"ST_SetSRID(ST_MakeEnvelope(100.4004, 10.1004, 100.4094, 10.1096), 4326)") + ", 3, 0)").query(String.class).single();
		Path geoJson = GdalFiles.write(this.dir, "w.geojson", """
				{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"Mã":"TST-KCN-W","Tên":"KCN thử W"},
				 "geometry":%s}]}""".formatted(surveyed));
		Path shp = GdalFiles.convert(geoJson, "ESRI Shapefile", "ranh_gioi_w.shp", "-a_srs", "EPSG:9214", "-lco", "ENCODING=UTF-8");
		Path zip = Files.write(this.dir.resolve("ranh_gioi_w.zip"), GdalFiles.zipShapefile(shp));

		signIn("/import?lang=en");
		assertThat(browser.findElement(By.id("upload-heading")).getText()).isEqualTo("1. Upload a file");
		browser.findElement(By.id("upload-button")).click();
		assertThat(browser.findElement(By.id("err-file")).getText()).isEqualTo("Choose a file to import.");

		new Select(browser.findElement(By.id("target"))).selectByValue("zones");
		browser.findElement(By.id("file")).sendKeys(zip.toString());
		browser.findElement(By.id("upload-button")).click();
		waitFor("the report", () -> browser.findElement(By.id("preview")).isDisplayed());
		String summary = browser.findElement(By.id("summary")).getText();
		assertThat(summary).contains("EPSG:9214").contains("from the file").contains("ranh_gioi_w.zip");
		List<org.openqa.selenium.WebElement> rows = browser.findElements(By.cssSelector("#report-rows tr"));
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).getText()).contains("TST-KCN-W").contains("update #" + zone);
		assertThat(browser.findElements(By.cssSelector("#import-map path.leaflet-interactive"))).hasSize(1);
		assertThat(new Select(browser.findElement(By.id("map-code"))).getFirstSelectedOption().getText()).isEqualTo("Mã");

		browser.findElement(By.id("commit-button")).click();
		waitFor("the commit", () -> browser.findElement(By.id("status")).getText().startsWith("Written into the registry"));
		assertThat(browser.findElement(By.id("status")).getText()).contains("1 updated");
		double offByMetres = this.jdbc.sql("""
				SELECT ST_HausdorffDistance(ST_Transform(boundary, 3857), ST_Transform(ST_MakeEnvelope(100.4004, 10.1004, 100.4094, 10.1096, 4326), 3857))
				  FROM zone WHERE id = :id""").param("id", zone).query(Double.class).single();
		assertThat(offByMetres).isLessThan(0.01);
	}

	@Test
	void aRefusedFileSaysWhy() throws Exception {
		Path file = Files.writeString(this.dir.resolve("metres.geojson"), """
				{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"X"},
				 "geometry":{"type":"Polygon","coordinates":[[[416802,2356378],[416902,2356378],[416902,2356478],[416802,2356378]]]}}]}""");
		signIn("/import");
		browser.findElement(By.id("file")).sendKeys(file.toString());
		browser.findElement(By.id("upload-button")).click();
		waitFor("the refusal", () -> browser.findElement(By.id("status")).getText().startsWith("Tệp không được chấp nhận"));
		assertThat(browser.findElement(By.id("status")).getText()).contains("VN-2000 metres read as degrees");
		assertThat(browser.findElement(By.id("preview")).isDisplayed()).isFalse();
	}

	private void signIn(String page) {
		browser.get(base() + "/favicon.ico");
		browser.manage().deleteAllCookies();
		browser.get(base() + page);
		waitFor("the sign-in form", () -> !browser.findElements(By.id("username")).isEmpty());
		browser.findElement(By.id("username")).sendKeys(TestUsers.EDITOR);
		browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		waitFor("the import page", () -> !browser.findElements(By.id("upload-form")).isEmpty());
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private static void waitFor(String what, BooleanSupplier condition) {
		new WebDriverWait(browser, Duration.ofSeconds(60)).withMessage(what).until(driver -> condition.getAsBoolean());
	}

}
