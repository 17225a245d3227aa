package vn.landregistry.maps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Browsers;
import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authority's editing page (/edit) in Debian's headless Chromium, signed in through the
 * /login form: drawing by clicking on the map (with snapping), drafts the public does not see,
 * publishing, the server's refusals shown beside the shape, a colleague's concurrent change,
 * history and restore, merge, split and delete. Each test draws in a square CCN of its own,
 * created through the API in an empty part of Sơn Động far from the demo zones, and removes it
 * (with its plots) afterwards; their history stays.
 */
class MapEditingBrowserTest extends PostgisTest {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static final AtomicInteger ZONES = new AtomicInteger();

	/** Side of the test zone, in degrees (about 1.1 km). */
	static final double SIDE = 0.01;

	static ChromeDriver browser;

	/** Zones this test created, removed after it. */
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

	@AfterEach
	void cleanUp() {
		try {
			assertThat((List<?>) js("return window.__errors || []")).as("script errors on the page").isEmpty();
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 900));
			for (long id : this.created) {
				this.jdbc.sql("DELETE FROM plot WHERE zone_id = :id").param("id", id).update();
				this.jdbc.sql("DELETE FROM zone WHERE id = :id").param("id", id).update();
			}
		}
	}

	@Test
	void aPlotDrawnOnTheMapIsADraftUntilPublishedThenThePublicSeesIt() {
		TestZone zone = createZone();
		signIn(TestUsers.EDITOR);
		chooseZone(zone);

		// Draw: the first vertex is dropped 4 px off the zone's south-west corner and snaps onto it;
		// clicking it (where it now is) again closes the shape.
		click("tool-new-plot");
		assertThat(document("mode")).isEqualTo("draw-plot");
		clickMap(zone.lat, zone.lon, 3, -3);
		clickMap(zone.lat + 0.2 * SIDE, zone.lon + 0.4 * SIDE, 0, 0);
		clickMap(zone.lat + 0.4 * SIDE, zone.lon + 0.4 * SIDE, 0, 0);
		clickMap(zone.lat + 0.4 * SIDE, zone.lon + 0.2 * SIDE, 0, 0);
		clickMap(zone.lat, zone.lon, 0, 0);
		waitFor("the drawn shape", () -> "idle".equals(document("mode")));
		assertThat(text(By.id("item-heading"))).contains("Lô đất mới", zone.code);
		assertThat(text(By.id("p-zone"))).contains(zone.code);
		type("p-code", "UI-A1");
		new Select(browser.findElement(By.id("p-landUse"))).selectByValue("LOGISTICS");
		type("reason", "Lô mới theo bản vẽ kiểm thử");
		save("save-draft", "saved");
		assertThat(text(By.id("done"))).contains("Đã lưu nháp UI-A1");

		Map<String, Object> plot = this.jdbc.sql("""
				SELECT id, published, land_use, ST_NPoints(boundary) AS points,
				       EXISTS (SELECT 1 FROM ST_DumpPoints(boundary) d
				                WHERE ST_Equals(d.geom, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326))) AS snapped
				  FROM plot WHERE zone_id = :zone AND code = 'UI-A1' AND deleted_at IS NULL""")
			.param("zone", zone.id).param("lon", zone.lon).param("lat", zone.lat).query().singleRow();
		long plotId = ((Number) plot.get("id")).longValue();
		assertThat(plot.get("published")).isEqualTo(false);
		assertThat(plot.get("land_use")).isEqualTo("LOGISTICS");
		assertThat(plot.get("points")).as("four corners and the closing point").isEqualTo(5);
		assertThat(plot.get("snapped")).as("the first vertex snapped onto the zone's corner").isEqualTo(true);
		assertThat(this.jdbc.sql("SELECT changed_by || ': ' || reason FROM change_history WHERE table_name = 'plot' AND row_id = :id")
			.param("id", plotId).query(String.class).list()).containsExactly(TestUsers.EDITOR + ": Lô mới theo bản vẽ kiểm thử");
		assertThat(browser.findElements(By.cssSelector("#edit-map path.plot-id-" + plotId + ".draft"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector(".draft-label")).stream().map(WebElement::getText))
			.contains("Nháp");
		screenshot("edit-desktop");

		// A draft: the public neither reads it from the API nor sees it on the map.
		assertThat(plotIds(this.http, zone.code)).doesNotContain(plotId);
		assertThat(plotIds(this.editor, zone.code)).contains(plotId);
		assertThat(plotsOnThePublicMap(zone)).doesNotContain(plotId);

		// Published from the editing page...
		signIn(TestUsers.EDITOR);
		chooseZone(zone);
		browser.findElement(By.cssSelector("#edit-map path.plot-id-" + plotId)).click();
		waitFor("the plot in the panel", () -> String.valueOf(plotId).equals(browser.findElement(By.id("item")).getDomAttribute("data-id")));
		assertThat(text(By.id("item-state"))).isEqualTo("Nháp (chưa công bố)");
		save("publish", "published");
		assertThat(text(By.id("item-state"))).isEqualTo("Đã công bố");
		assertThat(this.jdbc.sql("SELECT published FROM plot WHERE id = :id").param("id", plotId).query(Boolean.class).single())
			.isTrue();

		// ...and the public sees it, in a fresh session.
		assertThat(plotIds(this.http, zone.code)).containsExactly(plotId);
		assertThat(plotsOnThePublicMap(zone)).containsExactly(plotId);
		WebElement drawn = browser.findElement(By.cssSelector("#map path.plot-id-" + plotId));
		assertThat(drawn.getSize().getWidth()).isGreaterThan(20);
		assertThat(browser.findElements(By.id("sign-in"))).as("the public is not signed in").hasSize(1);
	}

	@Test
	void aChangeOfAPublishedZoneWaitsAsADraftThePublicDoesNotSeeUntilPublishedAndHistoryDrawsBothShapes() {
		TestZone zone = createZone();
		String[] published = zoneOnThePublicMap(zone);
		assertThat(published[0]).isEqualTo("Cụm kiểm thử giao diện");
		signIn(TestUsers.EDITOR);
		chooseZone(zone);
		assertThat(text(By.id("item-state"))).isEqualTo("Đã công bố");
		assertThat(text(By.id("draft-hint"))).contains("công chúng vẫn thấy bản đã công bố");

		// Renamed, and its north-east corner dragged to the middle of the zone.
		click("tool-edit-shape");
		int[] from = screen(zone.lat + SIDE, zone.lon + SIDE);
		int[] to = screen(zone.lat + 0.5 * SIDE, zone.lon + 0.5 * SIDE);
		new Actions(browser).moveToLocation(from[0], from[1]).clickAndHold().pause(Duration.ofMillis(50))
			.moveToLocation((from[0] + to[0]) / 2, (from[1] + to[1]) / 2).pause(Duration.ofMillis(50))
			.moveToLocation(to[0], to[1]).pause(Duration.ofMillis(50)).release().pause(Duration.ofMillis(150)).perform();
		click("tool-finish");
		type("z-name", "Cụm kiểm thử (bản nháp)");
		type("reason", "Thu hẹp theo quy hoạch điều chỉnh");
		save("save-draft", "drafted");

		assertThat(text(By.id("done"))).contains("Đã lưu bản nháp", "công chúng vẫn thấy bản đã công bố");
		Map<String, Object> row = this.jdbc.sql("SELECT name_vi, version, published FROM zone WHERE id = :id").param("id", zone.id)
			.query().singleRow();
		assertThat(row).as("the zone itself as published").containsEntry("name_vi", "Cụm kiểm thử giao diện")
			.containsEntry("published", true);
		assertThat(((Number) row.get("version")).longValue()).isZero();
		assertThat(this.jdbc.sql("SELECT author FROM draft_revision WHERE table_name = 'zone' AND row_id = :id")
			.param("id", zone.id).query(String.class).list()).containsExactly(TestUsers.EDITOR);
		WebElement pending = browser.findElement(By.id("pending-draft"));
		assertThat(pending.isDisplayed()).isTrue();
		assertThat(text(pending)).contains("Bản nháp chờ công bố", "Lưu bởi " + TestUsers.EDITOR, "Thu hẹp theo quy hoạch điều chỉnh",
				"Ranh giới", "Tên");
		assertThat(text(By.id("item-state"))).isEqualTo("Đã công bố");
		assertThat(browser.findElement(By.id("z-name")).getDomProperty("value")).as("the form shows the published zone")
			.isEqualTo("Cụm kiểm thử giao diện");
		assertThat(browser.findElements(By.cssSelector("#edit-map path.zone-id-" + zone.id + ".pending-draft"))).hasSize(1);

		// The draft's shape against the published one, with a legend.
		click("draft-show");
		assertThat(browser.findElements(By.cssSelector("#edit-map path.compare-published"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector("#edit-map path.compare-draft"))).hasSize(1);
		assertThat(text(By.id("compare-legend"))).contains("Bản đã công bố", "Bản nháp");
		screenshot("edit-draft-compare");
		click("draft-show");
		assertThat(browser.findElements(By.cssSelector("#edit-map path.compare-draft"))).isEmpty();
		assertThat(browser.findElement(By.id("compare-legend")).isDisplayed()).isFalse();

		// The public still sees the published zone.
		assertThat(zoneOnThePublicMap(zone)).containsExactly(published);

		// Published from the editing page: one change, by the publisher, with the draft's reason.
		signIn(TestUsers.EDITOR);
		chooseZone(zone);
		waitFor("the pending draft", () -> browser.findElement(By.id("pending-draft")).isDisplayed());
		save("draft-publish", "published");
		assertThat(text(By.id("done"))).contains("Đã công bố bản nháp");
		assertThat(browser.findElement(By.id("pending-draft")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.id("z-name")).getDomProperty("value")).isEqualTo("Cụm kiểm thử (bản nháp)");
		assertThat(this.jdbc.sql("""
				SELECT changed_by || ': ' || reason FROM change_history WHERE table_name = 'zone' AND row_id = :id AND operation = 'UPDATE'""")
			.param("id", zone.id).query(String.class).list()).containsExactly(TestUsers.EDITOR + ": Thu hẹp theo quy hoạch điều chỉnh");

		// The history draws the shapes before and after the change chosen.
		click("tab-history");
		waitFor("the history", () -> browser.findElement(By.id("history-list")).getDomAttribute("data-loaded") != null);
		List<WebElement> entries = browser.findElements(By.cssSelector("#history-list li.history-entry"));
		assertThat(entries).hasSize(2);
		entries.get(0).findElement(By.cssSelector("button.history-show")).click();
		assertThat(browser.findElements(By.cssSelector("#edit-map path.history-old"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector("#edit-map path.history-new"))).hasSize(1);
		assertThat(text(By.id("compare-legend"))).contains("Hình trước thay đổi", "Hình sau thay đổi");
		screenshot("edit-history-shapes");
		entries.get(1).findElement(By.cssSelector("button.history-show")).click();
		assertThat(browser.findElements(By.cssSelector("#edit-map path.history-old"))).as("a creation has no shape before").isEmpty();
		assertThat(browser.findElements(By.cssSelector("#edit-map path.history-new"))).hasSize(1);
		assertThat(entries.get(0).findElement(By.cssSelector("button.history-show")).getDomAttribute("aria-pressed")).isEqualTo("false");
		click("tab-attributes");
		assertThat(browser.findElements(By.cssSelector("#edit-map path.history-old, #edit-map path.history-new"))).isEmpty();
		assertThat(browser.findElement(By.id("compare-legend")).isDisplayed()).isFalse();

		// A draft can be discarded too: the published zone stays.
		Http.Response another = this.editor.send("PATCH", "/api/zones/" + zone.id,
				"{\"version\": 1, \"draft\": true, \"note\": \"Nháp sẽ bỏ\"}");
		assertThat(another.status()).as(another.body()).isEqualTo(200);
		open("/edit");
		chooseZone(zone);
		waitFor("the pending draft", () -> browser.findElement(By.id("pending-draft")).isDisplayed());
		js("window.confirm = () => true");
		save("draft-discard", "draft-discarded");
		assertThat(browser.findElement(By.id("pending-draft")).isDisplayed()).isFalse();
		assertThat(this.jdbc.sql("SELECT count(*) FROM draft_revision WHERE table_name = 'zone' AND row_id = :id")
			.param("id", zone.id).query(Long.class).single()).isZero();

		// And the public sees the published change.
		String[] now = zoneOnThePublicMap(zone);
		assertThat(now[0]).isEqualTo("Cụm kiểm thử (bản nháp)");
		assertThat(now[1]).as("the new shape").isNotEqualTo(published[1]);
	}

	@Test
	void aDraftOverTakenByADirectChangeIsRefusedKeptAndSavedAgainFromTheCurrentVersion() {
		TestZone zone = createZone();
		Http.Response drafted = this.editor.send("PATCH", "/api/zones/" + zone.id,
				"{\"version\": 0, \"draft\": true, \"communes\": \"Xã Thanh Luận\", \"reason\": \"bổ sung xã\"}");
		assertThat(drafted.status()).as(drafted.body()).isEqualTo(200);
		Http.Response direct = this.admin.send("PATCH", "/api/zones/" + zone.id,
				"{\"version\": 0, \"developer\": \"Công ty hạ tầng thử\", \"reason\": \"chủ đầu tư\"}");
		assertThat(direct.status()).as(direct.body()).isEqualTo(200);
		signIn(TestUsers.EDITOR);
		chooseZone(zone);
		waitFor("the pending draft", () -> browser.findElement(By.id("pending-draft")).isDisplayed());
		assertThat(browser.findElement(By.id("pending-draft-stale")).isDisplayed()).as("marked out of date").isTrue();

		save("draft-publish", "stale-draft");
		assertThat(text(By.id("problem"))).contains("Bản nháp chưa được công bố", "changed after the draft was saved");
		waitFor("the kept draft", () -> browser.findElement(By.id("pending-draft")).isDisplayed());
		assertThat(this.jdbc.sql("SELECT communes IS NULL FROM zone WHERE id = :id").param("id", zone.id).query(Boolean.class)
			.single()).as("not published").isTrue();

		// Opened in the form over the current version, and saved again: then it is published.
		save("draft-edit", "draft-loaded");
		assertThat(browser.findElement(By.id("z-communes")).getDomProperty("value")).isEqualTo("Xã Thanh Luận");
		assertThat(browser.findElement(By.id("z-developer")).getDomProperty("value")).isEqualTo("Công ty hạ tầng thử");
		assertThat(browser.findElement(By.id("reason")).getDomProperty("value")).isEqualTo("bổ sung xã");
		save("save-draft", "drafted");
		assertThat(browser.findElement(By.id("pending-draft-stale")).isDisplayed()).isFalse();
		save("draft-publish", "published");
		Map<String, Object> zoneRow = this.jdbc.sql("SELECT communes, developer FROM zone WHERE id = :id").param("id", zone.id)
			.query().singleRow();
		assertThat(zoneRow).containsEntry("communes", "Xã Thanh Luận").containsEntry("developer", "Công ty hạ tầng thử");
	}

	@Test
	void aZoneOverlappingAnotherOfItsKindShowsTheOverlapAndItsAreaBesideTheShape() {
		Map<String, Object> demo = this.jdbc.sql("""
				SELECT id, code, ST_X(ST_Centroid(boundary)) AS lon, ST_Y(ST_Centroid(boundary)) AS lat FROM zone
				 WHERE kind = 'CCN' AND published AND deleted_at IS NULL AND code = 'CCN-DAI-LAM'""").query().singleRow();
		double lon = ((Number) demo.get("lon")).doubleValue();
		double lat = ((Number) demo.get("lat")).doubleValue();
		signIn(TestUsers.EDITOR);
		new Select(browser.findElement(By.id("zone-picker"))).selectByValue(String.valueOf(demo.get("id")));
		js("editMap.setZoom(14, { animate: false })");

		click("tool-new-zone");
		clickMap(lat - 0.002, lon, 0, 0);
		clickMap(lat - 0.002, lon + 0.01, 0, 0);
		clickMap(lat + 0.002, lon + 0.01, 0, 0);
		clickMap(lat + 0.002, lon, 0, 0);
		click("tool-finish");
		String code = "CCN-UI-OVERLAP-" + ZONES.incrementAndGet();
		type("z-code", code);
		type("z-name", "Cụm kiểm thử chồng lấn");
		type("z-source", "kiểm thử giao diện");
		type("reason", "Cụm mới cạnh Đại Lâm");
		save("save-draft", "problem");

		// The overlaps the server measured, computed again here from the shape the page sent.
		String sent = (String) js("return JSON.stringify(editState.current.geometry)");
		List<Map<String, Object>> expected = this.jdbc.sql("""
				SELECT code, round(ST_Area(ST_Intersection(boundary, ST_SetSRID(ST_GeomFromGeoJSON(:g), 4326))::geography)) AS m2
				  FROM zone WHERE kind = 'CCN' AND deleted_at IS NULL
				   AND ST_Intersects(boundary, ST_SetSRID(ST_GeomFromGeoJSON(:g), 4326))
				   AND ST_Area(ST_Intersection(boundary, ST_SetSRID(ST_GeomFromGeoJSON(:g), 4326))::geography) > 100
				 ORDER BY code""").param("g", sent).query().listOfRows();
		assertThat(expected).as("overlaps of " + sent + " (" + demo + "): " + text(By.id("problem"))).extracting(row -> row.get("code"))
			.contains("CCN-DAI-LAM");
		WebElement problem = browser.findElement(By.id("problem"));
		assertThat(problem.getDomAttribute("data-rule")).isEqualTo("zone_overlap");
		assertThat(text(problem)).contains("Máy chủ không lưu", "the zone overlaps", "CCN-DAI-LAM");
		List<String> labels = browser.findElements(By.cssSelector(".overlap-label")).stream().map(this::text).toList();
		assertThat(labels).hasSize(expected.size());
		NumberFormat vi = NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN"));
		for (Map<String, Object> overlap : expected) {
			String area = vi.format(((Number) overlap.get("m2")).longValue()) + " m²";
			assertThat(labels).anySatisfy(label -> assertThat(label).contains("Chồng lấn " + overlap.get("code"), area));
		}
		assertThat(browser.findElements(By.cssSelector("#edit-map path.overlap"))).hasSize(expected.size());
		assertThat(text(By.cssSelector(".problem-tip"))).contains("the zone overlaps");
		assertThat(this.jdbc.sql("SELECT count(*) FROM zone WHERE code = :c").param("c", code).query(Long.class).single())
			.as("nothing written").isZero();
		screenshot("edit-overlap");
	}

	@Test
	void aBowTieIsRefusedWithTheReasonAndTheSuggestedShapeIsUsedOnlyWhenChosen() {
		TestZone zone = createZone();
		signIn(TestUsers.EDITOR);
		chooseZone(zone);
		click("tool-new-plot");
		clickMap(zone.lat + 0.5 * SIDE, zone.lon + 0.5 * SIDE, 0, 0);
		clickMap(zone.lat + 0.8 * SIDE, zone.lon + 0.8 * SIDE, 0, 0);
		clickMap(zone.lat + 0.8 * SIDE, zone.lon + 0.5 * SIDE, 0, 0);
		clickMap(zone.lat + 0.5 * SIDE, zone.lon + 0.8 * SIDE, 0, 0);
		click("tool-finish");
		type("p-code", "UI-BOW");
		type("reason", "Lô hình nơ");
		save("save-draft", "problem");

		WebElement problem = browser.findElement(By.id("problem"));
		assertThat(problem.getDomAttribute("data-rule")).isEqualTo("geometry_valid");
		assertThat(text(problem)).contains("Self-intersection", "ST_MakeValid", "Dùng hình đề xuất");
		assertThat(text(By.cssSelector(".problem-tip"))).contains("not a valid polygon");
		assertThat(browser.findElements(By.cssSelector("#edit-map path.suggestion"))).isNotEmpty();
		assertThat(plotCount(zone)).as("nothing written, nothing repaired silently").isZero();

		click("use-suggestion");
		waitFor("the suggestion taken", () -> "suggestion-used".equals(panelResult()));
		assertThat(browser.findElements(By.cssSelector("#edit-map path.suggestion"))).isEmpty();
		save("save-draft", "saved");
		assertThat(this.jdbc.sql("""
				SELECT ST_NumGeometries(boundary) = 2 AND ST_IsValid(boundary) FROM plot
				 WHERE zone_id = :zone AND code = 'UI-BOW'""").param("zone", zone.id).query(Boolean.class).single())
			.as("the two triangles of the suggestion").isTrue();
	}

	@Test
	void aColleaguesChangeMeanwhileIsLoadedAndTheEditorsValuesKeptThenHistoryAndRestore() {
		TestZone zone = createZone();
		signIn(TestUsers.EDITOR);
		chooseZone(zone);
		assertThat(text(By.id("item-heading"))).isEqualTo(zone.code + " – Cụm kiểm thử giao diện");
		type("z-name", "Cụm kiểm thử (đổi tên)");
		type("z-legalAreaHa", "60");
		type("reason", "Đổi tên theo quyết định mới");

		Http.Response colleague = this.editor.send("PATCH", "/api/zones/" + zone.id, """
				{"version": 0, "note": "Ghi chú của đồng nghiệp", "reason": "Bổ sung ghi chú"}""");
		assertThat(colleague.status()).as(colleague.body()).isEqualTo(200);

		save("save-publish", "conflict");
		assertThat(text(By.id("conflict"))).contains("Người khác đã thay đổi mục này", "phiên bản 1", "Ghi chú",
				"changed by someone else");
		assertThat(browser.findElement(By.id("z-name")).getDomProperty("value")).isEqualTo("Cụm kiểm thử (đổi tên)");
		assertThat(browser.findElement(By.id("reason")).getDomProperty("value")).isEqualTo("Đổi tên theo quyết định mới");
		assertThat(browser.findElement(By.id("z-note")).getDomProperty("value")).as("their note, loaded")
			.isEqualTo("Ghi chú của đồng nghiệp");
		assertThat(browser.findElement(By.id("unsaved")).isDisplayed()).isTrue();

		save("save-publish", "published");
		// Saved, with the server's warning that the drawn area is far from the new legal area.
		WebElement warnings = browser.findElement(By.id("warnings"));
		assertThat(warnings.isDisplayed()).isTrue();
		assertThat(text(warnings)).contains("Cảnh báo", "differs from the legal area (60.00 ha)");
		Map<String, Object> saved = this.jdbc.sql("SELECT name_vi, note, version, published FROM zone WHERE id = :id")
			.param("id", zone.id).query().singleRow();
		assertThat(saved).containsEntry("name_vi", "Cụm kiểm thử (đổi tên)").containsEntry("note", "Ghi chú của đồng nghiệp")
			.containsEntry("published", true);
		assertThat(((Number) saved.get("version")).longValue()).isEqualTo(2);

		click("tab-history");
		waitFor("the history", () -> browser.findElement(By.id("history-list")).getDomAttribute("data-loaded") != null);
		List<WebElement> entries = browser.findElements(By.cssSelector("#history-list li.history-entry"));
		assertThat(entries).hasSize(3);
		assertThat(text(entries.get(0))).contains("Sửa", "bởi " + TestUsers.EDITOR, "Đổi tên theo quyết định mới",
				"Tên: Cụm kiểm thử giao diện → Cụm kiểm thử (đổi tên)");
		assertThat(text(entries.get(1))).contains("Bổ sung ghi chú", "Ghi chú: – → Ghi chú của đồng nghiệp");
		assertThat(text(entries.get(2))).contains("Tạo mới");

		// Restoring the first version asks for a reason once chosen, under that entry, and comes back as a new change.
		assertThat(browser.findElements(By.id("restore-reason"))).as("no reason asked before Restore is chosen").isEmpty();
		WebElement restore = entries.get(2).findElement(By.cssSelector("button.restore"));
		restore.click();
		WebElement reason = entries.get(2).findElement(By.id("restore-reason"));
		assertThat(reason.isDisplayed()).isTrue();
		assertThat(browser.switchTo().activeElement()).as("the reason asked, focused").isEqualTo(reason);
		assertThat(restore.getDomAttribute("aria-expanded")).isEqualTo("true");
		assertThat(text(entries.get(2).findElement(By.id("restore-box")))).contains("Lý do khôi phục");
		save("restore-confirm", "invalid");
		assertThat(browser.findElement(By.id("restore-reason")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(this.jdbc.sql("SELECT version FROM zone WHERE id = :id").param("id", zone.id).query(Long.class).single())
			.as("nothing restored without a reason").isEqualTo(2);
		type("restore-reason", "Quay lại tên ban đầu");
		save("restore-confirm", "restored");
		assertThat(this.jdbc.sql("SELECT name_vi FROM zone WHERE id = :id").param("id", zone.id).query(String.class).single())
			.isEqualTo("Cụm kiểm thử giao diện");
		assertThat(browser.findElement(By.id("z-name")).getDomProperty("value")).isEqualTo("Cụm kiểm thử giao diện");
	}

	@Test
	void aVertexDraggedNearAZoneCornerSnapsOntoItAndTheNewShapeIsSaved() {
		TestZone zone = createZone();
		long plot = apiPlot(zone, "UI-V", zone.lon + 0.3 * SIDE, zone.lon + 0.6 * SIDE);
		signIn(TestUsers.EDITOR);
		chooseZone(zone);
		browser.findElement(By.cssSelector("#edit-map path.plot-id-" + plot)).click();
		waitFor("the plot in the panel", () -> String.valueOf(plot).equals(browser.findElement(By.id("item")).getDomAttribute("data-id")));
		click("tool-edit-shape");
		assertThat(document("mode")).isEqualTo("edit-shape");
		assertThat(browser.findElements(By.cssSelector("#edit-map .leaflet-editing-icon"))).as("4 vertices, 4 edge middles")
			.hasSize(8);

		// The plot's south-west vertex, dropped 4 px off the zone's south-west corner.
		int[] from = screen(zone.lat + 0.2 * SIDE, zone.lon + 0.3 * SIDE);
		int[] to = screen(zone.lat, zone.lon);
		new Actions(browser).moveToLocation(from[0], from[1]).clickAndHold().pause(Duration.ofMillis(50))
			.moveToLocation((from[0] + to[0]) / 2, (from[1] + to[1]) / 2).pause(Duration.ofMillis(50))
			.moveToLocation(to[0] + 3, to[1] - 3).pause(Duration.ofMillis(50)).release().pause(Duration.ofMillis(150)).perform();
		click("tool-finish");
		assertThat(browser.findElement(By.id("unsaved")).isDisplayed()).isTrue();
		type("reason", "Mở rộng lô tới góc khu");
		save("save-draft", "saved");

		Map<String, Object> saved = this.jdbc.sql("""
				SELECT version, ST_NPoints(boundary) AS points,
				       EXISTS (SELECT 1 FROM ST_DumpPoints(boundary) d
				                WHERE ST_Equals(d.geom, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326))) AS snapped
				  FROM plot WHERE id = :id""").param("id", plot).param("lon", zone.lon).param("lat", zone.lat).query().singleRow();
		assertThat(((Number) saved.get("version")).longValue()).isEqualTo(1);
		assertThat(saved.get("points")).isEqualTo(5);
		assertThat(saved.get("snapped")).as("the dragged vertex snapped onto the zone's corner").isEqualTo(true);
		assertThat(this.jdbc.sql("""
				SELECT reason FROM change_history WHERE table_name = 'plot' AND row_id = :id AND operation = 'UPDATE'""")
			.param("id", plot).query(String.class).list()).containsExactly("Mở rộng lô tới góc khu");
	}

	@Test
	void plotsAreMergedSplitAndDeletedFromTheMap() {
		TestZone zone = createZone();
		long west = apiPlot(zone, "UI-W", zone.lon + 0.2 * SIDE, zone.lon + 0.5 * SIDE);
		long east = apiPlot(zone, "UI-E", zone.lon + 0.5 * SIDE, zone.lon + 0.8 * SIDE);
		signIn(TestUsers.EDITOR);
		chooseZone(zone);

		browser.findElement(By.cssSelector("#edit-map path.plot-id-" + west)).click();
		waitFor("the plot in the panel", () -> String.valueOf(west).equals(browser.findElement(By.id("item")).getDomAttribute("data-id")));
		click("tool-merge");
		assertThat(browser.findElement(By.id("tool-merge")).getDomAttribute("aria-pressed")).isEqualTo("true");
		browser.findElement(By.cssSelector("#edit-map path.plot-id-" + east)).click();
		assertThat(browser.findElements(By.cssSelector("#merge-list li[data-plot-id]"))).hasSize(2);
		type("merge-code", "UI-WE");
		type("merge-reason", "Gộp theo nhu cầu nhà đầu tư");
		save("merge-confirm", "merged");
		long merged = this.jdbc.sql("SELECT id FROM plot WHERE zone_id = :z AND code = 'UI-WE' AND deleted_at IS NULL")
			.param("z", zone.id).query(Long.class).single();
		assertThat(this.jdbc.sql("SELECT count(*) FROM plot WHERE id IN (:ids) AND deleted_at IS NOT NULL")
			.param("ids", List.of(west, east)).query(Long.class).single()).isEqualTo(2);
		assertThat(text(By.id("done"))).contains("UI-WE");

		// Split along a north-south line through the middle.
		click("tool-split");
		clickMap(zone.lat + 0.1 * SIDE, zone.lon + 0.35 * SIDE, 0, 0);
		clickMap(zone.lat + 0.9 * SIDE, zone.lon + 0.35 * SIDE, 0, 0);
		click("tool-finish");
		waitFor("the cutting line", () -> browser.findElement(By.id("split-confirm")).isEnabled());
		type("split-codes", "UI-S1, UI-S2");
		save("split-confirm", "split");
		List<String> parts = this.jdbc.sql("SELECT code FROM plot WHERE zone_id = :z AND deleted_at IS NULL ORDER BY code")
			.param("z", zone.id).query(String.class).list();
		assertThat(parts).containsExactly("UI-S1", "UI-S2");
		assertThat(this.jdbc.sql("SELECT deleted_at IS NOT NULL FROM plot WHERE id = :id").param("id", merged)
			.query(Boolean.class).single()).isTrue();

		// Deleting asks for a reason first.
		assertThat(text(By.id("item-heading"))).contains("UI-S1");
		click("tool-delete");
		save("delete-confirm", "invalid");
		type("delete-reason", "Trả lại đất cho địa phương");
		save("delete-confirm", "deleted");
		Map<String, Object> kept = this.jdbc.sql("SELECT id, code FROM plot WHERE zone_id = :z AND deleted_at IS NULL")
			.param("z", zone.id).query().singleRow();
		assertThat(kept.get("code")).isEqualTo("UI-S2");
		long deleted = this.jdbc.sql("SELECT id FROM plot WHERE zone_id = :z AND code = 'UI-S1'").param("z", zone.id)
			.query(Long.class).single();
		assertThat(browser.findElements(By.cssSelector("#edit-map path.plot-id-" + kept.get("id")))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector("#edit-map path.plot-id-" + deleted))).isEmpty();
		for (long gone : List.of(west, east, merged)) {
			assertThat(browser.findElements(By.cssSelector("#edit-map path.plot-id-" + gone))).isEmpty();
		}
		assertThat(this.jdbc.sql("""
				SELECT reason FROM change_history WHERE table_name = 'plot' AND operation = 'UPDATE'
				 AND row_id = (SELECT id FROM plot WHERE zone_id = :z AND code = 'UI-S1')""").param("z", zone.id)
			.query(String.class).list()).contains("Trả lại đất cho địa phương");
	}

	@Test
	void labelledInTwoLanguagesAndUsableOnAPhone() {
		TestZone zone = createZone();
		signIn(TestUsers.EDITOR);
		for (WebElement input : browser.findElements(By.cssSelector("#panel input, #panel select, #panel textarea"))) {
			String id = input.getDomAttribute("id");
			assertThat(browser.findElements(By.cssSelector("label[for='" + id + "']"))).as("label of " + id).hasSize(1);
		}
		assertThat(browser.findElement(By.id("user-name")).getText()).isEqualTo(TestUsers.EDITOR);

		// A phone 360 px wide (emulated: a headless window cannot be made narrower than 500 px).
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 360, "height", 780, "deviceScaleFactor", 1, "mobile", true));
		try {
			open("/edit");
			chooseZone(zone);
			assertThat((Long) js("return window.innerWidth")).isEqualTo(360);
			assertThat((Long) js("return document.documentElement.scrollWidth")).as("no horizontal scrolling at 360 px")
				.isLessThanOrEqualTo(360);
			WebElement map = browser.findElement(By.id("edit-map"));
			WebElement panel = browser.findElement(By.id("panel"));
			assertThat(panel.getLocation().getY()).as("the panel below the map")
				.isGreaterThanOrEqualTo(map.getLocation().getY() + map.getSize().getHeight());
			assertThat(map.getSize().getHeight()).isGreaterThan(250);
			screenshot("edit-phone");
			js("document.getElementById('item-heading').scrollIntoView()");
			screenshot("edit-phone-panel");
		}
		finally {
			browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}

		open("/edit?lang=en");
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
		chooseZone(zone);
		assertThat(text(By.id("toolbar"))).contains("Draw a new zone", "Draw a new plot", "Edit vertices", "Split plot",
				"Merge plots", "Delete");
		assertThat(text(By.id("save-box"))).contains("Save as draft", "Save and publish", "Reason for the change");
		assertThat(text(By.id("item-state"))).isEqualTo("Published");
		open("/edit?lang=vi");
	}

	@Test
	void theEditingPageNeedsTheAuthority() {
		browser.get(base() + "/favicon.ico");
		browser.manage().deleteAllCookies();
		browser.get(base() + "/edit");
		waitFor("the sign-in form", () -> !browser.findElements(By.id("username")).isEmpty());
		assertThat(browser.getCurrentUrl()).contains("/login");
		Http.Response anonymous = this.http.get("/edit");
		assertThat(anonymous.status()).as("anonymous: sent to sign in").isEqualTo(302);
		assertThat(anonymous.location()).contains("/login");

		TestUsers.bindOfficer(this.jdbc, "BG-YD");
		assertThat(this.officer.get("/edit").status()).as("a district officer does not edit the map").isEqualTo(403);
		assertThat(this.editor.get("/edit").status()).isEqualTo(200);
		assertThat(this.admin.get("/edit").status()).isEqualTo(200);
	}

	@Test
	void theUnitsOfTheDayAreOutlinedUnderTheZonesAndAKeySaysWhatEachColourAndLineMeans() {
		signIn(TestUsers.EDITOR);
		JsonNode units = this.editor.get("/api/units?level=local").json().get("features");
		int outlined = 0;
		for (JsonNode unit : units) {
			outlined += unit.get("geometry").isNull() ? 0 : 1;
		}
		assertThat(outlined).isPositive();
		int expected = outlined;
		waitFor("the unit outlines", () -> browser.findElements(By.cssSelector("#edit-map path.unit-outline")).size() == expected);
		Number unitsZ = (Number) js("return Number(getComputedStyle(editMap.getPane('unitsPane')).zIndex)");
		Number zonesZ = (Number) js("return Number(getComputedStyle(editMap.getPane('zonesPane')).zIndex)");
		assertThat((Boolean) js("return editMap.getPane('unitsPane').contains(document.querySelector('#edit-map path.unit-outline'))"))
			.isTrue();
		assertThat(unitsZ.intValue()).as("under the zones").isLessThan(zonesZ.intValue());
		assertThat(browser.findElement(By.cssSelector("#edit-map path.unit-outline")).getDomAttribute("fill")).isEqualTo("none");

		WebElement key = browser.findElement(By.id("map-key"));
		assertThat(key.isDisplayed()).isTrue();
		assertThat(text(key)).contains("Chú giải", "Khu công nghiệp (KCN)", "Cụm công nghiệp (CCN)", "Đất sạch, sẵn sàng cho thuê",
				"Chưa giải phóng mặt bằng", "Đã giữ chỗ", "Đã cho thuê", "Đang hoạt động", "Xã, phường", "Ranh giới gần đúng (chưa đo đạc)",
				"nháp");
		assertThat(browser.findElements(By.cssSelector("#map-key li[data-key]"))).hasSize(10);

		// Plots are filled by their status, with the colour the key gives it.
		JsonNode plot = this.editor.get("/api/plots?limit=1").json().get("features").get(0);
		String status = plot.get("properties").get("status").asString();
		WebElement path = browser.findElement(By.cssSelector("#edit-map path.plot-id-" + plot.get("properties").get("id").asLong()));
		assertThat(path.getDomAttribute("class")).contains("plot-status-" + status);
		String swatch = (String) js("return getComputedStyle(document.querySelector('#map-key li[data-key=\"plot-' + arguments[0] + '\"] .swatch')).backgroundColor",
				status);
		assertThat(rgb(path.getDomAttribute("fill"))).isEqualTo(swatch);
		screenshot("edit-key");

		open("/edit?lang=en");
		assertThat(text(browser.findElement(By.id("map-key")))).contains("Legend", "Industrial zone (KCN)", "Communes and wards",
				"Approximate boundary", "draft");
		open("/edit?lang=vi");
	}

	@Test
	void historyIsWrittenInWordsAndWrappedAndADraftAsksForItsReason() {
		TestZone zone = createZone();
		String longNote = "Ghi-chú-rất-dài-không-có-khoảng-trắng-".repeat(12);
		Http.Response changed = this.editor.send("PATCH", "/api/zones/" + zone.id, """
				{"version": 0, "planStatus": "EXPANDED", "boundaryAccuracy": "SURVEYED", "legalAreaHa": 120.5,
				 "note": "%s", "reason": "Cập nhật theo quyết định mở rộng"}""".formatted(longNote));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		signIn(TestUsers.EDITOR);
		chooseZone(zone);

		// A draft without a reason is not sent: the reason is asked for.
		type("z-name", "Cụm kiểm thử (nháp không lý do)");
		assertThat(browser.findElement(By.id("reason")).getDomProperty("value")).isEmpty();
		save("save-draft", "invalid");
		assertThat(browser.findElement(By.id("reason")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("reason");
		assertThat(text(By.id("problem"))).contains("lý do của bản nháp");
		assertThat(this.jdbc.sql("SELECT count(*) FROM draft_revision WHERE table_name = 'zone' AND row_id = :id")
			.param("id", zone.id).query(Long.class).single()).as("nothing saved").isZero();
		type("reason", "Đổi tên chờ duyệt");
		save("save-draft", "drafted");
		assertThat(browser.findElement(By.id("reason")).getDomAttribute("aria-invalid")).isNull();
		assertThat(text(By.id("pending-draft"))).contains("Đổi tên chờ duyệt");

		// The history in words: labels and values as people read them, no column names or codes.
		click("tab-history");
		waitFor("the history", () -> browser.findElement(By.id("history-list")).getDomAttribute("data-loaded") != null);
		WebElement change = browser.findElements(By.cssSelector("#history-list li.history-entry")).get(0);
		String words = text(change);
		assertThat(words).contains("Sửa", "Cập nhật theo quyết định mở rộng", "Quy hoạch 2021–2030: Thành lập mới → Mở rộng",
				"Độ chính xác ranh giới: Gần đúng → Đã đo đạc", "Diện tích pháp lý: 115 ha → 120,5 ha", "Ghi chú: – → Ghi-chú");
		assertThat(words).doesNotContain("EXPANDED", "SURVEYED", "APPROXIMATE", "plan_status", "legal_area_ha", "boundary_accuracy");
		WebElement history = browser.findElement(By.id("history"));
		assertThat(((Number) js("return arguments[0].scrollWidth - arguments[0].clientWidth", history)).intValue())
			.as("long values wrap inside the panel").isLessThanOrEqualTo(0);
		WebElement note = change.findElement(By.cssSelector("li.change-note"));
		assertThat(note.getSize().getHeight()).as("the long note on several lines").isGreaterThan(3 * 14);
		screenshot("edit-history-words");
	}

	@Test
	void theZonePickerStaysInStepWithThePanelWhenASwitchIsCancelled() {
		TestZone first = createZone();
		TestZone second = createZone();
		long plot = apiPlot(second, "UI-PK", second.lon + 0.3 * SIDE, second.lon + 0.6 * SIDE);
		signIn(TestUsers.EDITOR);
		chooseZone(first);
		assertThat(pickerValue()).isEqualTo(String.valueOf(first.id));
		type("z-name", "Cụm kiểm thử (chưa lưu)");

		// Another zone chosen, the unsaved change kept: the picker goes back to the zone in the panel.
		js("window.confirm = () => false");
		new Select(browser.findElement(By.id("zone-picker"))).selectByValue(String.valueOf(second.id));
		assertThat(browser.findElement(By.id("item")).getDomAttribute("data-id")).isEqualTo(String.valueOf(first.id));
		assertThat(pickerValue()).as("in step with the panel").isEqualTo(String.valueOf(first.id));
		assertThat(browser.findElement(By.id("z-name")).getDomProperty("value")).isEqualTo("Cụm kiểm thử (chưa lưu)");

		// Choosing the blank line does not leave the picker blank beside a zone either.
		new Select(browser.findElement(By.id("zone-picker"))).selectByValue("");
		assertThat(pickerValue()).isEqualTo(String.valueOf(first.id));

		// The change dropped: the switch happens, and both show the second zone.
		js("window.confirm = () => true");
		new Select(browser.findElement(By.id("zone-picker"))).selectByValue(String.valueOf(second.id));
		waitFor("the second zone", () -> String.valueOf(second.id).equals(browser.findElement(By.id("item")).getDomAttribute("data-id")));
		assertThat(pickerValue()).isEqualTo(String.valueOf(second.id));

		// A plot chosen on the map: the picker shows no zone, since the panel shows none.
		js("editMap.setZoom(editMap.getZoom() - 1, { animate: false })");
		browser.findElement(By.cssSelector("#edit-map path.plot-id-" + plot)).click();
		waitFor("the plot", () -> String.valueOf(plot).equals(browser.findElement(By.id("item")).getDomAttribute("data-id")));
		assertThat(pickerValue()).isEmpty();
		js("window.confirm = () => { throw new Error('nothing to confirm'); }");
		new Select(browser.findElement(By.id("zone-picker"))).selectByValue(String.valueOf(first.id));
		waitFor("the first zone", () -> String.valueOf(first.id).equals(browser.findElement(By.id("item")).getDomAttribute("data-id")));
		assertThat(pickerValue()).isEqualTo(String.valueOf(first.id));
	}

	private static String pickerValue() {
		return browser.findElement(By.id("zone-picker")).getDomProperty("value");
	}

	/** A colour of SVG (#43a047) as CSS computes it (rgb(67, 160, 71)). */
	private static String rgb(String hex) {
		int value = Integer.parseInt(hex.substring(1), 16);
		return "rgb(" + (value >> 16) + ", " + ((value >> 8) & 0xff) + ", " + (value & 0xff) + ")";
	}

	// ---- helpers ----------------------------------------------------------------------------------

	record TestZone(long id, String code, double lon, double lat) {
	}

	/**
	 * A published CCN square of SIDE degrees, created by the editor through the API, in Sơn Động
	 * where there is no zone: the first free spot of a grid, checked in the database.
	 */
	private TestZone createZone() {
		for (int i = 0; i < 40; i++) {
			double lon = 106.78 + (i % 8) * 0.02;
			double lat = 21.30 + (i / 8) * 0.02;
			boolean free = this.jdbc.sql("""
					SELECT NOT EXISTS (SELECT 1 FROM zone WHERE ST_Intersects(boundary, ST_Expand(e, 0.002)))
					       AND ST_Within(e, (SELECT boundary FROM admin_unit WHERE code = 'BG-SD'))
					  FROM ST_MakeEnvelope(:lon, :lat, :lon + :side, :lat + :side, 4326) e""")
				.param("lon", lon).param("lat", lat).param("side", SIDE).query(Boolean.class).single();
			if (!free) {
				continue;
			}
			String code = "CCN-UI-" + System.currentTimeMillis() % 100000000 + "-" + ZONES.incrementAndGet();
			String square = "{\"type\":\"Polygon\",\"coordinates\":[[[%1$s,%2$s],[%3$s,%2$s],[%3$s,%4$s],[%1$s,%4$s],[%1$s,%2$s]]]}"
				.formatted(lon, lat, lon + SIDE, lat + SIDE);
			Http.Response response = this.editor.postJson("/api/zones", """
					{"kind": "CCN", "code": "%s", "name": "Cụm kiểm thử giao diện", "planStatus": "NEW", "lifecycle": "PLANNED",
					 "legalAreaHa": 115, "geometry": %s, "source": "kiểm thử giao diện", "publish": true,
					 "reason": "vùng thử cho trang chỉnh sửa"}""".formatted(code, square));
			assertThat(response.status()).as(response.body()).isEqualTo(201);
			long id = response.json().get("properties").get("id").asLong();
			this.created.add(id);
			return new TestZone(id, code, lon, lat);
		}
		throw new AssertionError("no free spot for a test zone in Sơn Động");
	}

	/** A draft plot made by the editor through the API: a strip between two longitudes of the zone. */
	private long apiPlot(TestZone zone, String code, double west, double east) {
		double south = zone.lat + 0.2 * SIDE;
		double north = zone.lat + 0.8 * SIDE;
		String shape = "{\"type\":\"Polygon\",\"coordinates\":[[[%1$s,%2$s],[%3$s,%2$s],[%3$s,%4$s],[%1$s,%4$s],[%1$s,%2$s]]]}"
			.formatted(west, south, east, north);
		Http.Response response = this.editor.postJson("/api/zones/" + zone.id + "/plots",
				"{\"code\": \"" + code + "\", \"geometry\": " + shape + "}");
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("properties").get("id").asLong();
	}

	private long plotCount(TestZone zone) {
		return this.jdbc.sql("SELECT count(*) FROM plot WHERE zone_id = :z").param("z", zone.id).query(Long.class).single();
	}

	private static List<Long> plotIds(Http client, String zoneCode) {
		Http.Response response = client.get("/api/plots?zone=" + zoneCode);
		assertThat(response.status()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		for (JsonNode feature : response.json().get("features")) {
			ids.add(feature.get("properties").get("id").asLong());
		}
		return ids;
	}

	/** The plots the public map draws in the zone, in a session without cookies (signed out). */
	private List<Long> plotsOnThePublicMap(TestZone zone) {
		browser.get(base() + "/favicon.ico");
		browser.manage().deleteAllCookies();
		browser.get(base() + "/");
		waitFor("the map", () -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
		js("registryMap.fitBounds([[arguments[0], arguments[1]], [arguments[2], arguments[3]]], { animate: false })", zone.lat,
				zone.lon, zone.lat + SIDE, zone.lon + SIDE);
		long zoom = ((Number) js("return registryMap.getZoom()")).longValue();
		assertThat(zoom).as("plots are drawn from zoom 13").isGreaterThanOrEqualTo(13);
		waitFor("the plots of the view", () -> String.valueOf(browser.findElement(By.tagName("body")).getDomAttribute("data-plots"))
			.startsWith(zoom + "/"));
		List<Long> ids = new ArrayList<>();
		for (WebElement path : browser.findElements(By.cssSelector("#map path.plot"))) {
			for (String name : path.getDomAttribute("class").split(" ")) {
				if (name.startsWith("plot-id-")) {
					ids.add(Long.parseLong(name.substring("plot-id-".length())));
				}
			}
		}
		return ids;
	}

	/** The name and the drawn outline (SVG path) of a zone on the public map, in a session without cookies. */
	private String[] zoneOnThePublicMap(TestZone zone) {
		browser.get(base() + "/favicon.ico");
		browser.manage().deleteAllCookies();
		browser.get(base() + "/");
		waitFor("the map", () -> "true".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
		js("registryMap.fitBounds([[arguments[0], arguments[1]], [arguments[2], arguments[3]]], { animate: false })", zone.lat,
				zone.lon, zone.lat + SIDE, zone.lon + SIDE);
		String name = (String) js("""
				let name = null;
				registryMap.eachLayer((l) => {
				  const p = l.feature && l.feature.properties;
				  if (p && p.kind && p.code === arguments[0]) name = p.name;
				});
				return name;""", zone.code);
		List<WebElement> paths = browser.findElements(By.cssSelector("#map path.zone-code-" + zone.code));
		assertThat(paths).hasSize(1);
		return new String[] { name, paths.get(0).getDomAttribute("d") };
	}

	/** Signs in through the /login form, reached by asking for /edit, and waits for the editing page. */
	private void signIn(String username) {
		browser.get(base() + "/favicon.ico");
		browser.manage().deleteAllCookies();
		browser.get(base() + "/edit");
		waitFor("the sign-in form", () -> !browser.findElements(By.id("username")).isEmpty());
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		waitLoaded();
		assertThat(browser.getCurrentUrl()).contains("/edit");
	}

	private void open(String path) {
		browser.get(base() + path);
		waitLoaded();
	}

	private static void waitLoaded() {
		waitFor("the page", () -> browser.findElement(By.tagName("body")).getDomAttribute("data-loaded") != null);
		assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-loaded")).isEqualTo("true");
	}

	/**
	 * Selects the zone in the finder: the map zooms to it and the panel shows it. One level out, so
	 * that its corners lie clear of the map's controls (the notice that the base map failed).
	 */
	private static void chooseZone(TestZone zone) {
		new Select(browser.findElement(By.id("zone-picker"))).selectByValue(String.valueOf(zone.id));
		waitFor("the zone in the panel", () -> String.valueOf(zone.id).equals(browser.findElement(By.id("item")).getDomAttribute("data-id")));
		js("editMap.setZoom(editMap.getZoom() - 1, { animate: false })");
	}

	/** Where a place of the map is on the screen (viewport pixels), from the map's own projection. */
	private static int[] screen(double lat, double lon) {
		@SuppressWarnings("unchecked")
		List<Number> point = (List<Number>) js("""
				const p = editMap.latLngToContainerPoint([arguments[0], arguments[1]]);
				const box = document.getElementById('edit-map').getBoundingClientRect();
				return [box.left + p.x, box.top + p.y];""", lat, lon);
		return new int[] { (int) Math.round(point.get(0).doubleValue()), (int) Math.round(point.get(1).doubleValue()) };
	}

	/** A real click (mouse down, up) on the map at a place, moved by (dx, dy) screen pixels. */
	private static void clickMap(double lat, double lon, int dx, int dy) {
		int[] point = screen(lat, lon);
		int x = point[0] + dx;
		int y = point[1] + dy;
		assertThat(x).as("x on screen, window " + js("return [innerWidth, innerHeight, scrollX, scrollY]")).isBetween(0,
				((Number) js("return innerWidth")).intValue());
		assertThat(y).as("y on screen, window " + js("return [innerWidth, innerHeight, scrollX, scrollY]")).isBetween(0,
				((Number) js("return innerHeight")).intValue());
		new Actions(browser).moveToLocation(x, y).pause(Duration.ofMillis(50)).clickAndHold().pause(Duration.ofMillis(60))
			.release().pause(Duration.ofMillis(150)).perform();
	}

	private static void click(String id) {
		browser.findElement(By.id(id)).click();
	}

	private static void type(String id, String value) {
		WebElement input = browser.findElement(By.id(id));
		input.clear();
		input.sendKeys(value);
	}

	/** Presses a button of the panel and waits for the page's outcome (saved, problem, conflict...). */
	private static void save(String button, String expected) {
		js("delete document.getElementById('panel').dataset.result");
		click(button);
		waitFor("the answer to " + button, () -> panelResult() != null);
		assertThat(panelResult()).as("outcome of " + button + ": " + browser.findElement(By.id("panel")).getText())
			.isEqualTo(expected);
	}

	private static String panelResult() {
		return browser.findElement(By.id("panel")).getDomAttribute("data-result");
	}

	private static String document(String name) {
		return browser.findElement(By.tagName("body")).getDomAttribute("data-" + name);
	}

	private String text(By by) {
		return text(browser.findElement(by));
	}

	private String text(WebElement element) {
		return element.getText().replace('\u00a0', ' ');
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private static Object js(String script, Object... args) {
		return ((JavascriptExecutor) browser).executeScript(script, args);
	}

	private static void waitFor(String what, java.util.function.BooleanSupplier condition) {
		new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(what)
			.ignoring(StaleElementReferenceException.class)
			.until(d -> condition.getAsBoolean());
	}

	private static void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
