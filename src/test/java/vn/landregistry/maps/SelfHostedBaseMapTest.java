package vn.landregistry.maps;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.landregistry.support.Browsers;
import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.Problems;
import vn.landregistry.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployment without internet names its own base map: an MBTiles file made here (SQLite, rows
 * in TMS order) is served at /basemap/{z}/{x}/{y} and every page draws it. Nothing then leaves
 * this server, so no page may report a console error: no failed tile, no missing favicon.
 */
class SelfHostedBaseMapTest extends PostgisTest {

	/** Tiles over Bắc Giang (21.27° N, 106.2° E) at zooms 0–16, each of its own colour. */
	static final Map<String, byte[]> TILES = new HashMap<>();

	static ChromeDriver browser;

	@DynamicPropertySource
	static void baseMap(DynamicPropertyRegistry registry) throws Exception {
		Path file = Files.createTempDirectory("portal-a-basemap-").resolve("bac-giang.mbtiles");
		try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
				Statement schema = db.createStatement()) {
			schema.execute("CREATE TABLE metadata (name text, value text)");
			schema.execute("CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)");
			schema.execute("INSERT INTO metadata VALUES ('name', 'test'), ('format', 'png'), "
					+ "('attribution', 'Test tiles <b>made in the test</b>')");
			try (PreparedStatement insert = db.prepareStatement("INSERT INTO tiles VALUES (?, ?, ?, ?)")) {
				for (int z = 0; z <= 16; z++) {
					int[] xy = tileOf(106.2, 21.27, z);
					for (int dx = -1; dx <= 1; dx++) {
						for (int dy = -1; dy <= 1; dy++) {
							int x = xy[0] + dx;
							int y = xy[1] + dy;
							if (x < 0 || y < 0 || x >= 1 << z || y >= 1 << z) {
								continue;
							}
							byte[] png = png(new Color(40 + 12 * z, 120 + 20 * dx, 160 + 20 * dy));
							TILES.put(z + "/" + x + "/" + y, png);
							insert.setInt(1, z);
							insert.setInt(2, x);
							insert.setInt(3, (1 << z) - 1 - y);
							insert.setBytes(4, png);
							insert.executeUpdate();
						}
					}
				}
			}
		}
		registry.add("registry.map.mbtiles", file::toString);
	}

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
	void servesTheFilesTilesWithTheRowsFlipped() throws Exception {
		int[] xy = tileOf(106.2, 21.27, 12);
		Http.Download tile = this.http.download("/basemap/12/" + xy[0] + "/" + xy[1]);
		assertThat(tile.status()).isEqualTo(200);
		assertThat(tile.header("Content-Type")).isEqualTo("image/png");
		assertThat(tile.header("Cache-Control")).contains("max-age");
		assertThat(tile.body()).isEqualTo(TILES.get("12/" + xy[0] + "/" + xy[1]));

		// the TMS row asked as y is another place: not in the file, so transparent
		Http.Download elsewhere = this.http.download("/basemap/12/" + xy[0] + "/" + ((1 << 12) - 1 - xy[1]));
		assertThat(elsewhere.status()).isEqualTo(200);
		BufferedImage empty = ImageIO.read(new ByteArrayInputStream(elsewhere.body()));
		assertThat(empty.getWidth()).isEqualTo(256);
		assertThat(empty.getRGB(128, 128) >>> 24).as("alpha").isZero();

		Problems.assertProblem(this.http.get("/basemap/12/" + (1 << 12) + "/0"), 400, null, "x is a tile column");
		Problems.assertProblem(this.http.get("/basemap/25/0/0"), 400, null, "zoom level");
		assertThat(Problems.assertProblem(this.http.get("/basemap/a/0/0"), 400, null, "'a'").get("parameter").asString())
			.isEqualTo("z");

		// every page's map is given the app's tiles and the file's attribution, as text
		String template = "tileUrl: \"\\/basemap\\/{z}\\/{x}\\/{y}\""; // as Thymeleaf writes it in a script
		String page = this.http.get("/portal").body();
		assertThat(page).contains(template, "Test tiles").doesNotContain("<b>made in the test");
		assertThat(this.http.get("/").body()).contains(template);
		assertThat(this.http.get("/stats").body()).contains(template);
	}

	@Test
	void everyPageDrawsTheSelfHostedBaseMapWithoutAConsoleError() {
		List<String> problems = new ArrayList<>();
		long plot = this.jdbc.sql("SELECT min(id) FROM public_plot").query(Long.class).single();
		browser.get(url("/favicon.ico"));
		browser.manage().deleteAllCookies();
		Browsers.consoleErrors(browser);
		for (String path : List.of("/portal", "/portal?lang=en", "/portal/zones/KCN-VIET-HAN", "/portal/plots/" + plot, "/",
				"/stats", "/clearance?unit=BG-YD&asOf=2025-06-30", "/login")) {
			visit(path, problems);
		}
		browser.get(url("/edit"));
		waitFor("the sign-in form", () -> !browser.findElements(By.id("username")).isEmpty());
		browser.findElement(By.id("username")).sendKeys(TestUsers.EDITOR);
		browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		waitFor("the editing page", () -> browser.getCurrentUrl().contains("/edit"));
		for (String path : List.of("/edit", "/inbox", "/import", "/portal")) {
			visit(path, problems);
		}
		assertThat(problems).isEmpty();
	}

	/** Opens a page, waits for its maps' tiles, and notes its errors and tiles not from this server. */
	private void visit(String path, List<String> problems) {
		browser.get(url(path));
		waitFor(path + " loaded", () -> "complete".equals(js("return document.readyState")));
		if (!browser.findElements(By.cssSelector(".leaflet-container")).isEmpty()) {
			// a page may move its map once its data is in (fitting a unit): judge the tiles once they settle
			List<String> foreign = new ArrayList<>();
			long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			do {
				foreign.clear();
				@SuppressWarnings("unchecked")
				List<String> now = (List<String>) js("""
						const tiles = Array.from(document.querySelectorAll('img.leaflet-tile'));
						if (tiles.length === 0 || !tiles.every((t) => t.complete)) return null;
						return tiles.filter((t) => !t.src.startsWith(location.origin + '/basemap/') || t.naturalWidth !== 256)
						  .map((t) => t.src)""");
				if (now != null && now.isEmpty()) {
					break;
				}
				foreign.addAll(now == null ? List.of("(tiles still loading)") : now);
				sleep(250);
			}
			while (System.nanoTime() < until);
			foreign.forEach(src -> problems.add(path + ": tile not from the self-hosted base map or not loaded: " + src));
			assertThat(browser.findElements(By.cssSelector(".map-notice, .leaflet-control-container .notice")))
				.as(path + ": no base map notice").isEmpty();
		}
		((List<?>) js("return window.__errors || []")).forEach(error -> problems.add(path + ": " + error));
		Browsers.consoleErrors(browser).forEach(error -> problems.add(path + ": console: " + error));
	}

	private static int[] tileOf(double lon, double lat, int z) {
		double n = 1 << z;
		int x = (int) Math.floor((lon + 180) / 360 * n);
		double rad = Math.toRadians(lat);
		int y = (int) Math.floor((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * n);
		return new int[] { x, y };
	}

	private static byte[] png(Color colour) {
		BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(colour);
		g.fillRect(0, 0, 256, 256);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	private static Object js(String script, Object... args) {
		return ((JavascriptExecutor) browser).executeScript(script, args);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void waitFor(String what, java.util.function.BooleanSupplier condition) {
		new WebDriverWait(browser, Duration.ofSeconds(60)).withMessage(what)
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> condition.getAsBoolean());
	}

}
