package vn.landregistry.shared;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.landregistry.support.Browsers;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one header of the staff pages (templates/fragments/staff-header.html) in headless Chromium:
 * the same links on every page, only those the user may open, the current page marked, the
 * authority's unanswered enquiries beside the inbox, the portal and back, a keyboard path through
 * it, and no script error or Content-Security-Policy violation on any page.
 */
class StaffHeaderBrowserTest extends PostgisTest {

	/** Every staff page, by the name the header marks it with. */
	static final Map<String, String> PAGES = new LinkedHashMap<>();

	static {
		PAGES.put("map", "/");
		PAGES.put("stats", "/stats");
		PAGES.put("clearance", "/clearance");
		PAGES.put("edit", "/edit");
		PAGES.put("inbox", "/inbox");
		PAGES.put("import", "/import");
	}

	static final Map<String, String> LINKS = Map.of("map", "map-link", "stats", "stats-link", "clearance", "clearance-link",
			"edit", "edit-link", "inbox", "inbox-link", "import", "import-link");

	static ChromeDriver browser;

	private final List<Long> enquiries = new ArrayList<>();

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
	void cleanUp() {
		try {
			assertThat((List<?>) js("return window.__errors || []")).as("script errors on the page").isEmpty();
		}
		finally {
			for (long id : this.enquiries) {
				this.jdbc.sql("DELETE FROM enquiry WHERE id = :id").param("id", id).update();
			}
		}
	}

	@Test
	void theAuthoritySeesEveryPageInOneHeaderWithTheUnansweredEnquiriesAndTheCurrentPageMarked() {
		enquiry("NEW");
		enquiry("NEW");
		enquiry("ANSWERED");
		long unanswered = this.jdbc.sql("SELECT count(*) FROM enquiry WHERE status = 'NEW'").query(Long.class).single();
		assertThat(unanswered).isGreaterThanOrEqualTo(2);
		signIn(TestUsers.EDITOR);

		for (Map.Entry<String, String> page : PAGES.entrySet()) {
			open(page.getValue());
			String where = "on " + page.getValue();
			WebElement nav = browser.findElement(By.cssSelector("header#staff-header nav#staff-nav"));
			assertThat(nav.getDomAttribute("aria-label")).as(where).isEqualTo("Các trang của hệ thống");
			assertThat(hrefs(nav)).as(where).containsExactly("/", "/stats", "/clearance", "/edit", "/inbox", "/import", "/portal");
			assertThat(text(nav)).as(where).contains("Bản đồ", "Thống kê", "Giải phóng mặt bằng", "Chỉnh sửa bản đồ",
					"Hộp thư yêu cầu", "Nhập, xuất dữ liệu", "Cổng nhà đầu tư");
			List<WebElement> current = nav.findElements(By.cssSelector("a[aria-current='page']"));
			assertThat(current).as(where).hasSize(1);
			assertThat(current.get(0).getDomAttribute("id")).as(where).isEqualTo(LINKS.get(page.getKey()));
			assertThat(browser.findElement(By.id("inbox-unread")).getText()).as(where).isEqualTo(String.valueOf(unanswered));
			assertThat(browser.findElement(By.id("user-name")).getText()).as(where).isEqualTo(TestUsers.EDITOR);
			assertThat(browser.findElements(By.cssSelector("#sign-out button[type=submit]"))).as(where).hasSize(1);
			assertThat(browser.findElements(By.id("sign-in"))).as(where).isEmpty();
			assertThat(browser.findElements(By.cssSelector("header#staff-header"))).as("one header " + where).hasSize(1);
			assertThat((List<?>) js("return window.__errors || []")).as("script errors " + where).isEmpty();
		}

		// The portal links back to the registry's map, for staff only; the inbox's count follows the answers.
		browser.findElement(By.id("portal-link")).click();
		waitFor("the portal", () -> browser.getCurrentUrl().endsWith("/portal"));
		WebElement back = browser.findElement(By.id("registry-link"));
		assertThat(back.getText()).isEqualTo("Bản đồ quản lý");
		back.click();
		waitLoaded("/");
		assertThat(browser.findElement(By.id("map-link")).getDomAttribute("aria-current")).isEqualTo("page");
		this.jdbc.sql("UPDATE enquiry SET status = 'CLOSED' WHERE id = :id").param("id", this.enquiries.get(0)).update();
		open("/stats");
		assertThat(browser.findElement(By.id("inbox-unread")).getText()).isEqualTo(String.valueOf(unanswered - 1));
	}

	@Test
	void thePublicAndALocalOfficerSeeOnlyThePagesTheyMayOpen() {
		enquiry("NEW");
		browser.get(base() + "/favicon.ico");
		browser.manage().deleteAllCookies();
		for (String path : List.of("/", "/stats", "/clearance")) {
			open(path);
			WebElement nav = browser.findElement(By.id("staff-nav"));
			assertThat(hrefs(nav)).as("the public on " + path).containsExactly("/", "/stats", "/clearance", "/portal");
			assertThat(browser.findElements(By.id("inbox-unread"))).isEmpty();
			assertThat(URLDecoder.decode(browser.findElement(By.id("sign-in")).getDomAttribute("href"), StandardCharsets.UTF_8))
				.startsWith("/login?next=" + path);
		}
		open("/portal");
		assertThat(browser.findElements(By.id("registry-link"))).as("the public has the portal's own map link").isEmpty();
		assertThat(browser.findElement(By.id("map-link")).getDomAttribute("href")).isEqualTo("/");

		TestUsers.bindOfficer(this.jdbc, "BG-YD");
		signIn(TestUsers.OFFICER);
		for (String path : List.of("/", "/stats", "/clearance")) {
			open(path);
			assertThat(hrefs(browser.findElement(By.id("staff-nav")))).as("an officer on " + path)
				.containsExactly("/", "/stats", "/clearance", "/portal");
			assertThat(browser.findElements(By.id("inbox-unread"))).as("the inbox is the authority's").isEmpty();
			assertThat(browser.findElement(By.id("user-name")).getText()).isEqualTo(TestUsers.OFFICER);
		}
		open("/portal");
		assertThat(browser.findElement(By.id("registry-link")).getDomAttribute("href")).isEqualTo("/");
		assertThat(browser.findElements(By.id("inbox-link"))).isEmpty();
	}

	@Test
	void theHeaderIsUsedWithTheKeyboardAndSwitchesLanguageOnTheSamePage() {
		signIn(TestUsers.EDITOR);
		open("/clearance?unit=BG-YD");

		// The first Tab reaches the skip link, which jumps past the header; then the links, each with a visible focus.
		new Actions(browser).sendKeys(Keys.TAB).perform();
		WebElement skip = active();
		assertThat(skip.getDomAttribute("href")).isEqualTo("#after-staff-header");
		assertThat(skip.isDisplayed()).isTrue();
		new Actions(browser).sendKeys(Keys.TAB).perform();
		assertThat(active().getDomAttribute("id")).isEqualTo("map-link");
		assertThat(js("return getComputedStyle(document.activeElement).outlineStyle")).isNotEqualTo("none");
		for (String id : List.of("stats-link", "clearance-link", "edit-link", "inbox-link", "import-link", "portal-link",
				"lang-switch")) {
			new Actions(browser).sendKeys(Keys.TAB).perform();
			assertThat(active().getDomAttribute("id")).isEqualTo(id);
		}
		new Actions(browser).sendKeys(Keys.TAB).perform();
		assertThat(active().getText()).as("then signing out").isEqualTo("Đăng xuất");

		// Enter on a link follows it.
		((JavascriptExecutor) browser).executeScript("document.getElementById('stats-link').focus()");
		new Actions(browser).sendKeys(Keys.ENTER).perform();
		waitLoaded("/stats");
		assertThat(browser.findElement(By.id("stats-link")).getDomAttribute("aria-current")).isEqualTo("page");

		// The language switch keeps the unit chosen.
		open("/clearance?unit=BG-YD");
		assertThat(browser.findElement(By.id("lang-switch")).getDomAttribute("href")).isEqualTo("/clearance?unit=BG-YD&lang=en");
		browser.findElement(By.id("lang-switch")).click();
		waitLoaded("/clearance");
		assertThat(browser.getCurrentUrl()).contains("unit=BG-YD");
		WebElement nav = browser.findElement(By.id("staff-nav"));
		assertThat(nav.getDomAttribute("aria-label")).isEqualTo("Registry pages");
		assertThat(text(nav)).contains("Map", "Statistics", "Land clearance", "Edit the map", "Enquiry inbox", "Investor portal");
		assertThat(browser.findElement(By.id("lang-switch")).getText()).isEqualTo("Tiếng Việt");
		open("/clearance?lang=vi");
	}

	// ---- helpers ----------------------------------------------------------------------------------

	private void enquiry(String status) {
		long id = this.jdbc.sql("""
				INSERT INTO enquiry (zone_id, name, email, message, sender_hash, status)
				SELECT id, 'Header test', 'header-test@example.kr', 'Đất cho nhà máy', 'header-test', :status
				  FROM public_zone ORDER BY id LIMIT 1
				RETURNING id""").param("status", status).query(Long.class).single();
		this.enquiries.add(id);
	}

	private static List<String> hrefs(WebElement nav) {
		return nav.findElements(By.tagName("a")).stream().map(a -> a.getDomAttribute("href")).toList();
	}

	private void signIn(String username) {
		browser.get(base() + "/favicon.ico");
		browser.manage().deleteAllCookies();
		browser.get(base() + "/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		waitLoaded("/");
	}

	private void open(String path) {
		browser.get(base() + path);
		waitLoaded(path.contains("?") ? path.substring(0, path.indexOf('?')) : path);
	}

	/** The page is there, and its script finished loading when it says so (data-loaded). */
	private void waitLoaded(String path) {
		waitFor("the page " + path, () -> "complete".equals(js("return document.readyState"))
				&& browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", "").equals(path));
		if (List.of("/", "/clearance", "/edit").contains(path)) {
			waitFor("the script of " + path, () -> {
				Object loaded = js("return document.body.dataset.loaded || null");
				return "true".equals(loaded) || "error".equals(loaded);
			});
			assertThat(js("return document.body.dataset.loaded")).as(path).isEqualTo("true");
		}
	}

	private static WebElement active() {
		return browser.switchTo().activeElement();
	}

	private static String text(WebElement element) {
		return element.getText().replace('\u00a0', ' ');
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private static Object js(String script, Object... args) {
		return ((JavascriptExecutor) browser).executeScript(script, args);
	}

	private static void waitFor(String what, java.util.function.BooleanSupplier condition) {
		new WebDriverWait(browser, Duration.ofSeconds(60)).withMessage(what)
			.ignoring(StaleElementReferenceException.class)
			.until(d -> condition.getAsBoolean());
	}

}
