package vn.landregistry.zones;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: to the public a draft or deleted zone or plot is exactly as unknown as one that never
 * existed — same status, content type and body but for the id or code asked — on the API, the
 * portal's API and the portal's pages; nothing in the answer says "draft".
 */
class HiddenLikeUnknownTest extends PostgisTest {

	TestRegistry registry;

	long draftZone;

	long deletedZone;

	/** Hidden plots: unpublished, deleted, and a published one in a draft zone. */
	List<Long> hiddenPlots;

	long missingZone;

	long missingPlot;

	@BeforeEach
	void build() {
		this.registry = new TestRegistry(this.jdbc).create();
		String district = TestRegistry.district(1);
		long open = this.registry.zone("TST-OPEN", "KCN", district, 100.1, 10.1, new BigDecimal("100"));
		this.draftZone = this.registry.zone("TST-DRAFT", "KCN", district, 100.2, 10.1, new BigDecimal("100"));
		this.deletedZone = this.registry.zone("TST-GONE", "KCN", district, 100.3, 10.1, new BigDecimal("100"));
		long unpublished = this.registry.plot(open, "P1", 100.101, 10.101, 0.002, null);
		long deleted = this.registry.plot(open, "P2", 100.104, 10.104, 0.002, null);
		long inDraftZone = this.registry.plot(this.draftZone, "P3", 100.201, 10.101, 0.002, null);
		this.jdbc.sql("UPDATE plot SET published = false WHERE id = :id").param("id", unpublished).update();
		this.jdbc.sql("UPDATE plot SET deleted_at = now() WHERE id = :id").param("id", deleted).update();
		this.jdbc.sql("UPDATE zone SET published = false WHERE id = :id").param("id", this.draftZone).update();
		this.jdbc.sql("UPDATE zone SET deleted_at = now() WHERE id = :id").param("id", this.deletedZone).update();
		this.hiddenPlots = List.of(unpublished, deleted, inDraftZone);
		this.missingZone = this.jdbc.sql("SELECT max(id) + 1000 FROM zone").query(Long.class).single();
		this.missingPlot = this.jdbc.sql("SELECT max(id) + 1000 FROM plot").query(Long.class).single();
	}

	@AfterEach
	void clear() {
		this.registry.clear();
	}

	@Test
	void aHiddenZoneOrPlotAnswersAsOneThatNeverExisted() {
		for (long hidden : List.of(this.draftZone, this.deletedZone)) {
			assertAlike("/api/zones/", hidden, this.missingZone, true);
		}
		for (long hidden : this.hiddenPlots) {
			assertAlike("/api/plots/", hidden, this.missingPlot, true);
			assertAlike("/api/portal/plots/", hidden, this.missingPlot, true);
			assertAlike("/portal/plots/", hidden, this.missingPlot, false);
		}
	}

	@Test
	void aHiddenZoneCodeAnswersAsACodeThatNeverExisted() {
		for (String code : List.of("TST-DRAFT", "TST-GONE")) {
			assertAlike("/api/portal/zones/", code, "TST-NEVER", true);
			assertAlike("/portal/zones/", code, "TST-NEVER", false);
		}
	}

	private void assertAlike(String path, Object hidden, Object missing, boolean problem) {
		Http.Response unknown = this.http.get(path + missing);
		Http.Response answer = this.http.get(path + hidden);
		assertThat(unknown.status()).as(path + missing).isEqualTo(404);
		assertThat(answer.status()).as(path + hidden).isEqualTo(404);
		assertThat(answer.contentType()).isEqualTo(unknown.contentType());
		if (problem) {
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(answer.json().get("title").asString()).isEqualTo("Not found");
			assertThat(answer.json().get("type").asString()).isEqualTo("urn:problem:not-found");
			assertThat(answer.body()).doesNotContain("trace", "Exception");
		}
		// the id or code as a whole word: an id 40 is not the 40 of "404"
		assertThat(answer.body().replaceAll("\\b" + hidden + "\\b", "X")).as(path + hidden)
			.isEqualTo(unknown.body().replaceAll("\\b" + missing + "\\b", "X"));
		assertThat(answer.body().replace("TST-DRAFT", "")).doesNotContainIgnoringCase("draft");
	}

}
