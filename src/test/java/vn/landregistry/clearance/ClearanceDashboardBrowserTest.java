package vn.landregistry.clearance;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Browsers;
import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The land clearance dashboard in Debian's headless Chromium, checked against the clearance API
 * and the database: a district's phases, progress bars, overdue list and map; the history of a
 * phase; recording a step through the form, refused steps and a colleague's concurrent step.
 * Steps are recorded on phases the tests register themselves inside KCN Tân Hưng (events are
 * history and stay), so the demo figures other tests read do not change. Steps are recorded by a
 * user signed in through the /login form: an authority editor, or the district's own officer.
 */
class ClearanceDashboardBrowserTest extends PostgisTest {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static final AtomicInteger PHASES = new AtomicInteger();

	static ChromeDriver browser;

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

	@AfterEach
	void noScriptErrors() {
		assertThat((List<?>) js("return window.__errors || []")).as("script errors on the page").isEmpty();
		browser.manage().window().setSize(new Dimension(1280, 900));
	}

	@Test
	void aCommuneHasItsDashboardTodayAndTheDistrictsHaveTheirsOnADayBeforeTheReform() {
		signIn(TestUsers.EDITOR);
		JsonNode gd2 = properties(api("/api/clearance?district=BG-YD").get("features"), "KCN-YEN-LU", "GD2");
		String commune = gd2.get("unit").asString();
		open("/clearance?commune=" + commune, false);
		assertThat(text(browser.findElement(By.id("unit-heading")))).isEqualTo(gd2.get("committee").asString())
			.startsWith("UBND phường");
		assertThat(browser.findElements(By.cssSelector("#progress [data-zone='KCN-YEN-LU'] li[data-code='GD2']"))).isNotEmpty();
		assertThat(browser.findElements(By.cssSelector("#unit optgroup:first-of-type option")).stream()
			.map(o -> o.getDomAttribute("value")).toList()).contains(commune).noneMatch(code -> code.startsWith("BG-"));

		open("/clearance?unit=BG-YD&asOf=2025-06-30", false);
		assertThat(text(browser.findElement(By.id("unit-heading")))).isEqualTo("UBND huyện Yên Dũng");
		assertThat(text(browser.findElement(By.id("historical")))).contains("2025-06-30");
		assertThat(browser.findElements(By.cssSelector("#unit optgroup:first-of-type option")).stream()
			.map(o -> o.getDomAttribute("value")).toList()).contains("BG-YD", "BG-VY").noneMatch(code -> code.startsWith("BN-"));
		JsonNode then = api("/api/stats/clearance?groupBy=zone&unit=BG-YD&asOf=2025-06-30").get("total");
		assertThat(text(browser.findElement(By.id("fig-overdue")))).contains(String.valueOf(then.get("overdue").asLong()));
		browser.findElement(By.cssSelector("#progress [data-zone='KCN-YEN-LU'] li[data-code='GD2'] button")).click();
		waitFor("the phase's history", () -> !browser.findElements(By.cssSelector("#timeline li.event")).isEmpty());
		assertThat(browser.findElement(By.id("step-form")).isDisplayed()).as("a past day is read-only").isFalse();
	}

	@Test
	void showsEveryPhaseOfTheDistrictWithProgressOverdueListAndMap() {
		open("/clearance?district=BG-YD");
		JsonNode phases = api("/api/clearance?district=BG-YD").get("features");
		assertThat(phases.size()).as("demo phases of Yên Dũng").isGreaterThanOrEqualTo(3);

		for (JsonNode phase : phases) {
			JsonNode p = phase.get("properties");
			WebElement row = phaseRow(p.get("id").asLong());
			assertThat(text(row)).contains(p.get("name").asString(), p.get("code").asString(), percent(p.get("clearedPct")));
			assertThat(barValue(row)).isEqualTo(p.get("clearedPct").asDouble());
		}
		assertThat(browser.findElements(By.cssSelector("#progress .zone-progress")).stream()
			.map(zone -> zone.getDomAttribute("data-zone")).toList()).contains("KCN-YEN-LU", "CCN-NHAM-SON-YEN-LU");

		JsonNode district = api("/api/stats/clearance?groupBy=zone&unit=BG-YD").get("total");
		assertThat(text(browser.findElement(By.id("fig-phases")))).contains(String.valueOf(district.get("phases").asLong()));
		assertThat(text(browser.findElement(By.id("fig-cleared")))).contains(percent(district.get("clearedPct")));
		assertThat(text(browser.findElement(By.id("fig-overdue")))).contains(String.valueOf(district.get("overdue").asLong()));
		assertThat(text(browser.findElement(By.id("fig-clean")))).contains("Đất sạch sẵn sàng cho thuê", "ha");

		WebElement overdue = browser.findElement(By.cssSelector("#overdue li[data-zone='KCN-YEN-LU'][data-code='GD2']"));
		JsonNode gd2 = properties(phases, "KCN-YEN-LU", "GD2");
		long days = ChronoUnit.DAYS.between(LocalDate.parse(gd2.get("targetDate").asString()), today());
		assertThat(text(overdue)).contains("Khu công nghiệp Yên Lư – Giai đoạn 2 (GD2)", "quá hạn " + days + " ngày");
		assertThat(browser.findElements(By.cssSelector("#overdue li[data-code]")))
			.hasSize((int) countWhere(phases, "overdue"));

		assertThat(browser.findElements(By.cssSelector("#clearance-map path.phase"))).hasSize(phases.size());
		assertThat(browser.findElements(By.cssSelector("#clearance-map path.phase-HANDED_OVER")))
			.hasSize((int) api("/api/clearance?district=BG-YD&status=HANDED_OVER").get("features").size());
		assertThat(browser.findElement(By.id("clearance-legend")).getText()).contains("Trạng thái GPMB",
				"Đã bàn giao mặt bằng", "Vướng mắc, tạm dừng");

		// The history of a phase, oldest first, with what each step changed.
		overdue.findElement(By.cssSelector("button.phase-open")).click();
		waitForPhase(gd2.get("id").asLong());
		JsonNode events = api("/api/clearance/" + gd2.get("id").asLong()).get("properties").get("events");
		List<WebElement> entries = browser.findElements(By.cssSelector("#timeline li.event"));
		assertThat(entries).hasSize(events.size());
		// the public reads who recorded a step (a committee, never an account) but not the staff's note
		assertThat(text(entries.get(entries.size() - 1))).contains("Trạng thái: Đã duyệt phương án bồi thường → Đang chi trả bồi thường",
				events.get(events.size() - 1).get("author").asString()).doesNotContain("Chi trả đợt 1");
		assertThat(text(browser.findElement(By.id("phase-heading")))).isEqualTo("Khu công nghiệp Yên Lư – Giai đoạn 2 (GD2)");
		assertThat(browser.getCurrentUrl()).contains("phase=" + gd2.get("id").asLong());
		screenshot("clearance-desktop");
	}

	@Test
	void blockedPhasesShowTheirReason() {
		open("/clearance?district=BG-VY");
		JsonNode blocked = api("/api/clearance?district=BG-VY&status=BLOCKED").get("features");
		assertThat(blocked.size()).isPositive();
		for (JsonNode phase : blocked) {
			JsonNode p = phase.get("properties");
			assertThat(text(phaseRow(p.get("id").asLong()))).contains("Vướng mắc, tạm dừng", p.get("blockedReason").asString());
			assertThat(browser.findElements(By.cssSelector("#clearance-map path.phase-BLOCKED.phase-id-" + p.get("id").asLong())))
				.hasSize(1);
		}
	}

	@Test
	void recordingAStepUpdatesBarsFiguresMapAndHistory() {
		JsonNode phase = registerPhase();
		long id = phase.get("id").asLong();
		String district = phase.get("district").asString();
		signIn(TestUsers.EDITOR);
		open("/clearance?district=" + district, false);
		JsonNode before = api("/api/stats/clearance?groupBy=zone&unit=" + district).get("total");
		assertThat(barValue(phaseRow(id))).isZero();
		assertThat(browser.findElements(By.cssSelector("#clearance-map path.phase-NOT_STARTED.phase-id-" + id))).hasSize(1);

		openPhase(id);
		long events = eventCount(id);
		assertThat(browser.findElements(By.cssSelector("#timeline li.event"))).hasSize((int) events);
		assertThat(field("eventDate").getDomProperty("value")).isEqualTo(today().toString());
		assertThat(field("eventDate").getDomAttribute("max")).isEqualTo(today().toString());
		BigDecimal area = phase.get("areaHa").decimalValue();
		BigDecimal cleared = area.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
		new Select(field("status")).selectByValue("PAYING");
		type("clearedHa", cleared.toPlainString());
		type("householdsRelocated", "12");
		type("amountPaidVnd", "5000000000");
		assertThat(browser.findElements(By.id("step-author"))).as("the author is the signed-in user").isEmpty();
		assertThat(text(browser.findElement(By.id("recorded-as")))).isEqualTo("Ghi nhận với tên: " + TestUsers.EDITOR);
		type("attachmentRef", "BB 07/2026");
		submit("saved");

		// households are for signed-in readers (registry.clearance.public-figures)
		JsonNode saved = this.editor.get("/api/clearance/" + id).json().get("properties");
		assertThat(saved.get("status").asString()).isEqualTo("PAYING");
		assertThat(saved.get("clearedHa").decimalValue()).isEqualByComparingTo(cleared);
		assertThat(saved.get("householdsRelocated").asInt()).isEqualTo(12);
		assertThat(eventCount(id)).isEqualTo(events + 1);
		assertThat(this.jdbc.sql("SELECT cleared_ha FROM clearance_phase WHERE id = :id").param("id", id)
			.query(BigDecimal.class).single()).isEqualByComparingTo(cleared);

		// Without reloading the page: bar, figures, map, timeline and the form's version follow.
		assertThat(text(browser.findElement(By.id("form-done")))).contains("Đã ghi nhận bước");
		WebElement row = phaseRow(id);
		assertThat(barValue(row)).isEqualTo(saved.get("clearedPct").asDouble()).isPositive();
		assertThat(text(row)).contains(percent(saved.get("clearedPct")), "Đang chi trả bồi thường");
		JsonNode after = api("/api/stats/clearance?groupBy=zone&unit=" + district).get("total");
		assertThat(after.get("clearedHa").decimalValue()).isGreaterThan(before.get("clearedHa").decimalValue());
		assertThat(text(browser.findElement(By.id("fig-cleared")))).contains(percent(after.get("clearedPct")));
		assertThat(browser.findElements(By.cssSelector("#clearance-map path.phase-PAYING.phase-id-" + id))).hasSize(1);
		List<WebElement> entries = browser.findElements(By.cssSelector("#timeline li.event"));
		assertThat(entries).hasSize((int) events + 1);
		assertThat(text(entries.get(entries.size() - 1))).contains(TestUsers.EDITOR,
				"Trạng thái: Chưa triển khai → Đang chi trả bồi thường", "Văn bản kèm theo: BB 07/2026");
		assertThat(new BigDecimal(field("clearedHa").getDomProperty("value"))).isEqualByComparingTo(cleared);
		assertThat(field("attachmentRef").getDomProperty("value")).isEmpty();

		// Going back needs a reason, and a blocked phase the reason it is blocked: the form says so
		// before sending anything.
		type("clearedHa", "0");
		assertThat(browser.findElement(By.id("reason-required")).isDisplayed()).isTrue();
		submit("invalid");
		assertThat(text(browser.findElement(By.id("err-reason")))).contains("hãy ghi lý do");
		assertThat(field("blockedReason").isDisplayed()).isFalse();
		new Select(field("status")).selectByValue("BLOCKED");
		assertThat(field("blockedReason").isDisplayed()).isTrue();
		submit("invalid");
		assertThat(text(browser.findElement(By.id("err-blockedReason")))).contains("cần ghi lý do vướng mắc");
		assertThat(eventCount(id)).isEqualTo(events + 1);
	}

	@Test
	void clearedAboveTheAreaIsRefusedWithTheServersMessageAndNothingWritten() {
		JsonNode phase = registerPhase();
		long id = phase.get("id").asLong();
		signIn(TestUsers.EDITOR);
		open("/clearance?district=" + phase.get("district").asString() + "&phase=" + id, false);
		assertThat(text(browser.findElement(By.id("phase-heading")))).contains(phase.get("code").asString());
		assertThat(((Number) js("return document.querySelector('#clearance-map path.phase-id-' + arguments[0]).getBoundingClientRect().width", id)).doubleValue())
			.as("the map zooms to the selected phase").isGreaterThan(40);
		long events = eventCount(id);
		String tooMuch = phase.get("areaHa").decimalValue().add(BigDecimal.ONE).toPlainString();
		type("clearedHa", tooMuch);

		// The page checks first...
		submit("invalid");
		assertThat(text(browser.findElement(By.id("err-clearedHa")))).contains("không được vượt diện tích cần GPMB");
		assertThat(field("clearedHa").getDomAttribute("aria-invalid")).isEqualTo("true");

		// ...and when its check is out of date, shows the server's own explanation.
		js("document.getElementById('step-clearedHa').removeAttribute('max')");
		submit("refused");
		Http.Response refused = this.editor.postJson("/api/clearance/" + id + "/events", """
				{"version": %d, "eventDate": "%s", "clearedHa": %s}"""
			.formatted(phase.get("version").asLong(), today(), tooMuch));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("rule").asString()).isEqualTo("cleared_within_area");
		WebElement problem = browser.findElement(By.id("form-problem"));
		assertThat(problem.isDisplayed()).isTrue();
		assertThat(text(problem)).contains("Máy chủ không ghi nhận", refused.json().get("detail").asString());
		assertThat(text(browser.findElement(By.id("err-clearedHa")))).isEqualTo(refused.json().get("detail").asString());
		assertThat(eventCount(id)).isEqualTo(events);
		assertThat(api("/api/clearance/" + id).get("properties").get("version").asLong())
			.isEqualTo(phase.get("version").asLong());
	}

	@Test
	void aColleaguesStepMeanwhileIsShownAndTheOfficersValuesKept() {
		JsonNode phase = registerPhase();
		long id = phase.get("id").asLong();
		signIn(TestUsers.EDITOR);
		open("/clearance?district=" + phase.get("district").asString() + "&phase=" + id, false);
		type("clearedHa", "1.5");
		new Select(field("status")).selectByValue("PAYING");

		Http.Response colleague = this.editor.postJson("/api/clearance/" + id + "/events", """
				{"version": %d, "eventDate": "%s", "status": "INVENTORY", "note": "Kiểm đếm của đồng nghiệp"}"""
			.formatted(phase.get("version").asLong(), today()));
		assertThat(colleague.status()).isEqualTo(201);

		submit("conflict");
		assertThat(text(browser.findElement(By.id("form-problem")))).contains("người khác đã ghi nhận",
				"changed by someone else");
		assertThat(field("clearedHa").getDomProperty("value")).isEqualTo("1.5");
		assertThat(new Select(field("status")).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("PAYING");
		assertThat(text(browser.findElement(By.cssSelector("#timeline li.event:last-child")))).contains(TestUsers.EDITOR,
				"Đang kiểm đếm", "Kiểm đếm của đồng nghiệp");
		assertThat(eventCount(id)).isEqualTo(2);

		submit("saved");
		// households are for signed-in readers (registry.clearance.public-figures)
		JsonNode saved = this.editor.get("/api/clearance/" + id).json().get("properties");
		assertThat(saved.get("status").asString()).isEqualTo("PAYING");
		assertThat(saved.get("clearedHa").decimalValue()).isEqualByComparingTo("1.5");
		assertThat(eventCount(id)).isEqualTo(3);
	}

	@Test
	void thePublicSeesTheHistoryButNoFormAndIsOfferedToSignIn() {
		JsonNode phase = registerPhase();
		long id = phase.get("id").asLong();
		open("/clearance?district=" + phase.get("district").asString() + "&phase=" + id);
		assertThat(browser.findElements(By.cssSelector("#timeline li.event"))).isNotEmpty();
		assertThat(browser.findElement(By.id("step-form")).isDisplayed()).isFalse();
		WebElement note = browser.findElement(By.id("step-denied"));
		assertThat(note.isDisplayed()).isTrue();
		assertThat(text(note)).contains("Đăng nhập");
		String back = "/login?next=/clearance?district=" + phase.get("district").asString() + "&phase=" + id;
		assertThat(URLDecoder.decode(note.findElement(By.id("step-sign-in")).getDomAttribute("href"), StandardCharsets.UTF_8))
			.as("back to this page after signing in").isEqualTo(back);
		assertThat(URLDecoder.decode(browser.findElement(By.id("sign-in")).getDomAttribute("href"), StandardCharsets.UTF_8))
			.isEqualTo(back);
		long events = events(id);
		Http.Response anonymous = this.http.postJson("/api/clearance/" + id + "/events", """
				{"version": %d, "eventDate": "%s", "status": "INVENTORY"}""".formatted(phase.get("version").asLong(), today()));
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(events(id)).as("nothing recorded").isEqualTo(events);
	}

	@Test
	void aLocalOfficerRecordsStepsOnlyForTheUnitInChargeToday() {
		JsonNode phase = registerPhase();
		long id = phase.get("id").asLong();
		String unit = phase.get("unit").asString();
		TestUsers.bindOfficer(this.jdbc, unit);
		signIn(TestUsers.OFFICER);
		open("/clearance?unit=" + unit + "&phase=" + id, false);
		assertThat(field("status").isDisplayed()).isTrue();
		assertThat(text(browser.findElement(By.id("recorded-as")))).isEqualTo("Ghi nhận với tên: " + TestUsers.OFFICER);
		assertThat(browser.findElements(By.id("edit-link"))).as("an officer does not edit the map").isEmpty();
		new Select(field("status")).selectByValue("INVENTORY");
		type("note", "Kiểm đếm hiện trạng");
		submit("saved");
		assertThat(text(browser.findElement(By.cssSelector("#timeline li.event:last-child")))).contains(TestUsers.OFFICER,
				"Kiểm đếm hiện trạng");
		assertThat(this.jdbc.sql("SELECT author FROM clearance_event WHERE phase_id = :id ORDER BY id DESC LIMIT 1")
			.param("id", id).query(String.class).single()).isEqualTo(TestUsers.OFFICER);

		// Another unit: the history is there, the form is not, and the server refuses anyway.
		JsonNode other = null;
		for (JsonNode feature : api("/api/clearance").get("features")) {
			if (!unit.equals(feature.get("properties").get("unit").asString())) {
				other = feature.get("properties");
				break;
			}
		}
		assertThat(other).as("a phase in another unit").isNotNull();
		open("/clearance?unit=" + other.get("unit").asString() + "&phase=" + other.get("id").asLong(), false);
		assertThat(browser.findElement(By.id("step-form")).isDisplayed()).isFalse();
		assertThat(text(browser.findElement(By.id("step-denied")))).contains("không được ghi nhận GPMB cho giai đoạn này");
		long events = events(other.get("id").asLong());
		Http.Response refused = this.officer.postJson("/api/clearance/" + other.get("id").asLong() + "/events", """
				{"version": %d, "eventDate": "%s", "note": "thử"}""".formatted(other.get("version").asLong(), today()));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(events(other.get("id").asLong())).as("nothing recorded").isEqualTo(events);
	}

	@Test
	void speaksEnglishAndFitsAPhone() {
		signIn(TestUsers.EDITOR);
		open("/clearance?district=BG-YD&lang=en", false);
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
		assertThat(browser.findElements(By.cssSelector("h2")).stream().map(this::text).toList()).contains("Overview",
				"Progress by zone and phase", "Overdue phases", "Map of the clearance phases");
		JsonNode gd2 = properties(api("/api/clearance?district=BG-YD").get("features"), "KCN-YEN-LU", "GD2");
		WebElement overdue = browser.findElement(By.cssSelector("#overdue li[data-code='GD2']"));
		assertThat(text(overdue)).contains("Yen Lu Industrial Park – Giai đoạn 2 (GD2)", "days overdue",
				gd2.get("clearedPct").decimalValue().setScale(1, RoundingMode.HALF_UP).toPlainString() + "%");
		assertThat(new Select(browser.findElement(By.id("unit"))).getFirstSelectedOption().getText())
			.startsWith("Yen Dung district");
		overdue.findElement(By.tagName("button")).click();
		waitFor("the phase form", () -> field("status").isDisplayed());
		assertThat(text(browser.findElement(By.id("recorded-as")))).isEqualTo("Recorded as: " + TestUsers.EDITOR);
		for (WebElement input : browser.findElements(By.cssSelector("#step-form input, #step-form select, #step-form textarea"))) {
			String id = input.getDomAttribute("id");
			assertThat(browser.findElements(By.cssSelector("label[for='" + id + "']"))).as("label of " + id).hasSize(1);
		}

		browser.manage().window().setSize(new Dimension(360, 800));
		browser.navigate().refresh();
		waitLoaded("true");
		assertThat((Long) js("return document.documentElement.scrollWidth")).as("no horizontal scrolling at 360 px")
			.isLessThanOrEqualTo((Long) js("return window.innerWidth"));
		screenshot("clearance-phone");

		browser.findElement(By.id("lang-switch")).click();
		waitLoaded("true");
		assertThat(text(browser.findElement(By.id("summary-heading")))).isEqualTo("Tổng quan");
		// the same address in the other language: the unit as it was asked for (here ?district=)
		assertThat(browser.getCurrentUrl()).contains("district=BG-YD", "lang=vi");
		assertThat(new Select(browser.findElement(By.id("unit"))).getFirstSelectedOption().getText()).startsWith("Yên Dũng (");
	}

	@Test
	void theMainMapShowsClearancePhasesAndCleanLand() {
		open("/");
		JsonNode phases = api("/api/clearance").get("features");
		assertThat(browser.findElements(By.cssSelector("path.clearance-phase"))).hasSize(phases.size());
		assertThat(browser.findElements(By.cssSelector("path.clean-land")))
			.hasSize(api("/api/plots?status=AVAILABLE_CLEAN").get("features").size())
			.isNotEmpty();
		assertThat(browser.findElement(By.id("legend")).getText()).contains("Giải phóng mặt bằng (GPMB)",
				"Đang chi trả bồi thường", "Viền chấm: quá hạn", "Lô đất sạch sẵn sàng cho thuê (cho nhà đầu tư)");
		assertThat(browser.findElement(By.cssSelector(".leaflet-control-layers")).getDomProperty("textContent"))
			.contains("Giải phóng mặt bằng (GPMB)", "Đất sạch sẵn sàng cho thuê");

		JsonNode gd2 = properties(phases, "KCN-YEN-LU", "GD2");
		long id = gd2.get("id").asLong();
		browser.findElement(By.cssSelector("path.clearance-id-" + id)).click();
		WebElement popup = new WebDriverWait(browser, Duration.ofSeconds(5)).withMessage("the phase's popup")
			.until(d -> d.findElements(By.cssSelector(".clearance-popup")).stream().filter(WebElement::isDisplayed).findFirst()
				.orElse(null));
		assertThat(text(popup)).contains("Giai đoạn 2 (GD2)", "Đang chi trả bồi thường", "Quá hạn, chưa bàn giao",
				"31/12/2025", percent(gd2.get("clearedPct")).replace(",0 %", " %").replace(" %", "%"));
		assertThat(popup.findElement(By.cssSelector("a.clearance-link")).getDomAttribute("href"))
			.isEqualTo("/clearance?unit=" + gd2.get("unit").asString() + "&phase=" + id);
		screenshot("map");

		browser.manage().window().setSize(new Dimension(360, 800));
		open("/");
		assertThat((Long) js("return document.documentElement.scrollWidth")).as("no horizontal scrolling at 360 px")
			.isLessThanOrEqualTo((Long) js("return window.innerWidth"));
		assertThat((Boolean) js("return document.querySelector('#legend details').open")).as("legend folded on a phone").isFalse();
		screenshot("map-phone");
	}

	@Test
	void theOtherPagesLinkToTheDashboard() {
		for (String page : List.of("/", "/stats")) {
			open(page);
			assertThat(browser.findElement(By.id("clearance-link")).getDomAttribute("href")).isEqualTo("/clearance");
		}
		browser.findElement(By.id("clearance-link")).click();
		waitLoaded("true");
		// Without a choice the page asks for one, beside the units compared (issue 15).
		assertThat(new Select(browser.findElement(By.id("unit"))).getFirstSelectedOption().getDomAttribute("value"))
			.isEmpty();
		assertThat(browser.findElements(By.cssSelector("#province-table a.unit-link"))).isNotEmpty();

		open("/clearance?district=NOWHERE");
		assertThat(browser.findElements(By.id("province"))).as("an unknown code is not the province").isEmpty();
		assertThat(text(browser.findElement(By.id("unknown-district")))).contains("NOWHERE");
		assertThat(browser.findElements(By.id("clearance-map"))).isEmpty();
	}

	// ---- issue 15, item 10 ------------------------------------------------------------------------

	@Test
	void withoutAUnitThePageAsksForOneAndComparesTheUnits() {
		open("/clearance");
		assertThat(browser.findElements(By.id("unit-heading"))).as("no unit chosen for the reader").isEmpty();
		assertThat(new Select(browser.findElement(By.id("unit"))).getFirstSelectedOption().getDomAttribute("value")).isEmpty();
		assertThat(text(browser.findElement(By.id("status")))).startsWith("Chọn một xã, phường");
		assertThat(browser.findElements(By.id("clearance-map"))).isEmpty();

		JsonNode units = api("/api/stats/clearance?groupBy=unit");
		List<WebElement> lines = browser.findElements(By.cssSelector("#province-table tbody tr"));
		List<JsonNode> withPhases = new java.util.ArrayList<>();
		units.get("rows").forEach(row -> {
			if (!row.get("key").isNull() && row.get("phases").asLong() > 0) {
				withPhases.add(row);
			}
		});
		assertThat(withPhases).as("demo units with phases").isNotEmpty();
		assertThat(lines.stream().map(tr -> tr.getDomAttribute("data-key")).toList())
			.containsExactlyElementsOf(withPhases.stream().map(row -> row.get("key").asString()).toList());
		for (JsonNode row : withPhases) {
			WebElement tr = browser.findElement(By.cssSelector("#province-table tr[data-key='" + row.get("key").asString() + "']"));
			assertThat(text(tr.findElement(By.cssSelector("td.phases")))).isEqualTo(row.get("phases").asString());
			assertThat(text(tr.findElement(By.cssSelector("td.overdue")))).isEqualTo(row.get("overdue").asString());
			if (!row.get("clearedPct").isNull()) {
				assertThat(text(tr.findElement(By.cssSelector("td.cleared")))).isEqualTo(percent(row.get("clearedPct")));
			}
			assertThat(tr.findElement(By.cssSelector("a.unit-link")).getDomAttribute("href"))
				.isEqualTo("/clearance?unit=" + row.get("key").asString());
		}
		assertThat(text(browser.findElement(By.cssSelector("#province-table tfoot td.phases"))))
			.isEqualTo(units.get("total").get("phases").asString());

		// A unit's link opens its dashboard, headed and titled by it.
		JsonNode first = withPhases.get(0);
		browser.findElement(By.cssSelector("#province-table tr[data-key='" + first.get("key").asString() + "'] a")).click();
		waitLoaded("true");
		JsonNode phase = api("/api/clearance?unit=" + first.get("key").asString()).get("features").get(0).get("properties");
		assertThat(text(browser.findElement(By.id("unit-heading")))).isEqualTo(phase.get("committee").asString());
		assertThat(browser.getTitle()).contains(first.get("name").asString());
		assertThat(browser.findElements(By.id("province"))).isEmpty();
	}

	@Test
	void cleanLandAndClearedAreExplainedInBothLanguages() {
		open("/clearance?district=BG-YD");
		WebElement help = browser.findElement(By.id("clean-vs-cleared"));
		assertThat(browser.findElement(By.id("help-clean")).isDisplayed()).isFalse();
		help.findElement(By.tagName("summary")).click();
		assertThat(text(browser.findElement(By.id("help-clean")))).contains("đã GPMB và chưa cho thuê");
		assertThat(text(browser.findElement(By.id("help-cleared")))).contains("bàn giao mặt bằng");

		open("/clearance?lang=en");
		browser.findElement(By.cssSelector("#clean-vs-cleared summary")).click();
		assertThat(text(browser.findElement(By.id("help-clean")))).contains("cleared and neither leased nor reserved");
		assertThat(text(browser.findElement(By.id("province-heading")))).isEqualTo("Province: land clearance by unit");
	}

	@Test
	void theStepFormRecordsANewTargetTheDecisionAndThePlannedAmount() {
		JsonNode phase = registerPhase();
		long id = phase.get("id").asLong();
		signIn(TestUsers.EDITOR);
		open("/clearance?district=" + phase.get("district").asString() + "&phase=" + id, false);
		waitForPhase(id);
		assertThat(field("targetDate").getDomProperty("value")).isEqualTo("2030-12-31");
		assertThat(field("amountPlannedVnd").getDomProperty("value")).isEqualTo("20000000000");

		// checked before sending: a target before the step, a decision after it, a negative amount
		setValue("targetDate", today().minusDays(1).toString());
		setValue("planDecisionDate", today().plusDays(1).toString());
		setValue("amountPlannedVnd", "-5");
		long events = eventCount(id);
		submit("invalid");
		assertThat(text(browser.findElement(By.id("err-targetDate")))).contains("không được trước ngày của bước");
		assertThat(text(browser.findElement(By.id("err-planDecisionDate")))).contains("không được sau ngày của bước");
		assertThat(text(browser.findElement(By.id("err-amountPlannedVnd")))).isNotEmpty();
		assertThat(eventCount(id)).isEqualTo(events);

		setValue("targetDate", "2031-06-30");
		setValue("planDecisionNo", "77/QĐ-UBND");
		setValue("planDecisionDate", today().toString());
		setValue("amountPlannedVnd", "24000000000");
		new Select(field("status")).selectByValue("PLAN_APPROVED");
		submit("saved");

		JsonNode saved = this.editor.get("/api/clearance/" + id).json().get("properties");
		assertThat(saved.get("targetDate").asString()).isEqualTo("2031-06-30");
		assertThat(saved.get("planDecisionNo").asString()).isEqualTo("77/QĐ-UBND");
		assertThat(saved.get("planDecisionDate").asString()).isEqualTo(today().toString());
		assertThat(saved.get("amountPlannedVnd").decimalValue()).isEqualByComparingTo("24000000000");
		List<WebElement> entries = browser.findElements(By.cssSelector("#timeline li.event"));
		assertThat(text(entries.get(entries.size() - 1))).contains("Hạn hoàn thành: 31/12/2030 → 30/6/2031",
				"77/QĐ-UBND", "24,0 tỷ đồng");
		assertThat(text(browser.findElement(By.id("phase-figures")))).contains("30/6/2031", "77/QĐ-UBND");
	}

	@Test
	void householdsAndAmountsAreShownToSignedInStaffOnly() {
		JsonNode phase = registerPhase();
		long id = phase.get("id").asLong();
		String page = "/clearance?district=" + phase.get("district").asString() + "&phase=" + id;
		open(page);
		waitForPhase(id);
		assertThat(browser.findElements(By.id("fig-paid"))).isEmpty();
		assertThat(browser.findElements(By.id("fig-households"))).isEmpty();
		assertThat(text(browser.findElement(By.id("fig-cleared")))).isNotEmpty();
		assertThat(text(browser.findElement(By.id("phase-figures")))).doesNotContain("Số hộ", "Kinh phí");

		signIn(TestUsers.EDITOR);
		open(page, false);
		waitForPhase(id);
		assertThat(browser.findElements(By.id("fig-paid"))).hasSize(1);
		assertThat(text(browser.findElement(By.id("fig-households")))).isNotEmpty();
		assertThat(text(browser.findElement(By.id("phase-figures")))).contains("20,0 tỷ đồng");
	}

	/** Sets a field as a person would (dates and numbers alike), firing the events the page listens to. */
	private static void setValue(String name, String value) {
		js("const input = arguments[0]; input.value = arguments[1];"
				+ " input.dispatchEvent(new Event('input', { bubbles: true }));"
				+ " input.dispatchEvent(new Event('change', { bubbles: true }));", field(name), value);
	}

	// ---- helpers ----------------------------------------------------------------------------------

	/** A phase of about 10 ha registered today inside KCN Tân Hưng, east of the demo phase. */
	private JsonNode registerPhase() {
		Map<String, Object> centre = this.jdbc
			.sql("SELECT ST_X(ST_Centroid(boundary)) AS lon, ST_Y(ST_Centroid(boundary)) AS lat FROM zone WHERE code = 'KCN-TAN-HUNG'")
			.query().singleRow();
		double lon = ((Number) centre.get("lon")).doubleValue() + 0.0045;
		double lat = ((Number) centre.get("lat")).doubleValue();
		double d = 0.0015;
		String square = "{\"type\":\"Polygon\",\"coordinates\":[[[%1$s,%2$s],[%3$s,%2$s],[%3$s,%4$s],[%1$s,%4$s],[%1$s,%2$s]]]}"
			.formatted(lon - d, lat - d, lon + d, lat + d);
		String code = "UI-" + System.currentTimeMillis() % 100000000 + "-" + PHASES.incrementAndGet();
		Http.Response created = this.editor.postJson("/api/clearance", """
				{"zone": "KCN-TAN-HUNG", "code": "%s", "name": "Giai đoạn kiểm thử", "geometry": %s,
				 "targetDate": "2030-12-31", "householdsAffected": 40, "amountPlannedVnd": 20000000000}"""
			.formatted(code, square));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("properties");
	}

	private long eventCount(long phaseId) {
		return this.jdbc.sql("SELECT count(*) FROM clearance_event WHERE phase_id = :id").param("id", phaseId)
			.query(Long.class).single();
	}

	private static LocalDate today() {
		return LocalDate.parse((String) js("return window.REGISTRY.today"));
	}

	private static JsonNode properties(JsonNode features, String zone, String code) {
		for (JsonNode feature : features) {
			JsonNode p = feature.get("properties");
			if (zone.equals(p.get("zone").asString()) && code.equals(p.get("code").asString())) {
				return p;
			}
		}
		throw new AssertionError("no phase " + zone + " " + code);
	}

	private static long countWhere(JsonNode features, String flag) {
		long n = 0;
		for (JsonNode feature : features) {
			n += feature.get("properties").get(flag).asBoolean() ? 1 : 0;
		}
		return n;
	}

	/** The cleared % as the Vietnamese page prints it: 35,0 %. */
	private static String percent(JsonNode pct) {
		return pct.decimalValue().setScale(1, RoundingMode.HALF_UP).toPlainString().replace('.', ',') + " %";
	}

	private static WebElement phaseRow(long id) {
		return browser.findElement(By.cssSelector("#progress li.phase-row[data-phase-id='" + id + "']"));
	}

	private static double barValue(WebElement row) {
		return Double.parseDouble(row.findElement(By.cssSelector("[role=progressbar]")).getDomAttribute("aria-valuenow"));
	}

	private static WebElement field(String name) {
		return browser.findElement(By.id("step-" + name));
	}

	private static void type(String name, String value) {
		WebElement input = field(name);
		input.clear();
		input.sendKeys(value);
	}

	private void openPhase(long id) {
		phaseRow(id).findElement(By.cssSelector("button.phase-open")).click();
		waitForPhase(id);
	}

	private static void waitForPhase(long id) {
		waitFor("phase " + id, () -> String.valueOf(id).equals(browser.findElement(By.id("phase")).getDomAttribute("data-phase-id")));
	}

	/** Submits the step form and waits for its outcome: saved, invalid, refused or conflict. */
	private static void submit(String expected) {
		js("delete document.getElementById('step-form').dataset.result");
		browser.findElement(By.id("step-submit")).click();
		waitFor("the form's answer", () -> browser.findElement(By.id("step-form")).getDomAttribute("data-result") != null);
		assertThat(browser.findElement(By.id("step-form")).getDomAttribute("data-result")).isEqualTo(expected);
	}

	private long events(long phase) {
		return this.jdbc.sql("SELECT count(*) FROM clearance_event WHERE phase_id = :id").param("id", phase).query(Long.class)
			.single();
	}

	private JsonNode api(String pathAndQuery) {
		Http.Response response = this.http.get(pathAndQuery);
		assertThat(response.status()).as(pathAndQuery).isEqualTo(200);
		return response.json();
	}

	/** Visible text with no-break spaces (35,0&nbsp;%) as plain ones. */
	private String text(WebElement element) {
		return element.getText().replace('\u00a0', ' ');
	}

	private static Object js(String script, Object... args) {
		return ((JavascriptExecutor) browser).executeScript(script, args);
	}

	/** Screenshots of the whole page, top to bottom, in parts of at most 1400 px, to look at by eye. */
	private static void screenshot(String name) {
		Dimension window = browser.manage().window().getSize();
		browser.manage().window().setSize(new Dimension(window.getWidth(), 1400));
		try {
			Files.createDirectories(SCREENSHOTS);
			long height = (Long) js("return document.documentElement.scrollHeight");
			for (int part = 0; part * 1300L < height; part++) {
				js("window.scrollTo(0, arguments[0])", part * 1300);
				Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + "-" + part + ".png"),
						StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			js("window.scrollTo(0, 0)");
			browser.manage().window().setSize(window);
		}
	}

	/** Opens a page as the public: without cookies, so signed out and in the default language. */
	private void open(String path) {
		open(path, true);
	}

	private void open(String path, boolean anonymous) {
		if (anonymous) {
			browser.get("http://127.0.0.1:" + this.port + "/favicon.ico");
			browser.manage().deleteAllCookies();
		}
		browser.get("http://127.0.0.1:" + this.port + path);
		waitLoaded("true");
	}

	/** Signs in through the /login form (a fresh session); the next pages are opened with open(path, false). */
	private void signIn(String username) {
		browser.get("http://127.0.0.1:" + this.port + "/favicon.ico");
		browser.manage().deleteAllCookies();
		browser.get("http://127.0.0.1:" + this.port + "/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		waitLoaded("true");
		assertThat(browser.findElement(By.id("user-name")).getText()).isEqualTo(username);
	}

	private static void waitLoaded(String expected) {
		waitFor("the page", () -> browser.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);
		assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-loaded")).isEqualTo(expected);
	}

	private static void waitFor(String what, java.util.function.BooleanSupplier condition) {
		new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(what)
			.ignoring(StaleElementReferenceException.class) // a page still being replaced after a form is sent
			.until(d -> condition.getAsBoolean());
	}

}
