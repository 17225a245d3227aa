package vn.landregistry.history;

import java.math.BigDecimal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;
import vn.landregistry.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: a local officer reads the history of a record without the authority's internal
 * columns (zone.internal_note), without the changes of those alone, and without user names (the
 * authority instead of its accounts, also inside a reason); the authority reads it whole.
 */
class OfficerHistoryTest extends PostgisTest {

	TestRegistry registry;

	long zone;

	@BeforeEach
	void build() {
		this.registry = new TestRegistry(this.jdbc).create();
		this.zone = this.registry.zone("TST-H", "KCN", TestRegistry.district(1), 100.1, 10.1, new BigDecimal("100"));
		// a change by an editor of a public and an internal column, then of the internal one alone
		change("note = 'PUBLIC-NOTE', internal_note = 'SECRET-NOTE'", "published the draft of " + TestUsers.EDITOR);
		change("internal_note = 'SECRET-ONLY'", "internal");
	}

	@AfterEach
	void clear() {
		this.registry.clear();
	}

	@Test
	void anOfficerReadsNoInternalColumnsNorUserNames() {
		Http.Response answer = this.officer.get("/api/zones/" + this.zone + "/history");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("PUBLIC-NOTE")
			.doesNotContain("SECRET-NOTE", "SECRET-ONLY", "internal_note", TestUsers.EDITOR);
		JsonNode entries = answer.json();
		assertThat(entries).hasSize(2);
		JsonNode update = entries.get(1);
		assertThat(update.get("changedBy").asString()).isEqualTo("Ban Quản lý các KCN");
		assertThat(update.get("reason").asString()).isEqualTo("published the draft of Ban Quản lý các KCN");
		assertThat(update.get("changed").toString()).contains("note").doesNotContain("internal_note");
		assertThat(update.get("newValues").has("internal_note")).isFalse();
		assertThat(update.get("oldValues").has("internal_note")).isFalse();
	}

	@Test
	void theAuthorityReadsItWhole() {
		Http.Response answer = this.editor.get("/api/zones/" + this.zone + "/history");

		assertThat(answer.status()).isEqualTo(200);
		JsonNode entries = answer.json();
		assertThat(entries).hasSize(3);
		assertThat(entries.get(1).get("changedBy").asString()).isEqualTo(TestUsers.EDITOR);
		assertThat(entries.get(1).get("newValues").get("internal_note").asString()).isEqualTo("SECRET-NOTE");
		assertThat(entries.get(2).get("newValues").get("internal_note").asString()).isEqualTo("SECRET-ONLY");
	}

	@Test
	void thePublicReadsNoHistory() {
		Http.Response answer = this.http.get("/api/zones/" + this.zone + "/history");
		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.body()).doesNotContain("SECRET", TestUsers.EDITOR);
	}

	/** An UPDATE attributed to the editor, as the application attributes its writes (history/Changes). */
	private void change(String set, String reason) {
		this.jdbc.sql("""
				WITH who AS (SELECT set_config('registry.user', :user, true), set_config('registry.reason', :reason, true))
				UPDATE zone SET %s FROM who WHERE id = :id""".formatted(set))
			.param("user", TestUsers.EDITOR).param("reason", reason).param("id", this.zone).update();
	}

}
