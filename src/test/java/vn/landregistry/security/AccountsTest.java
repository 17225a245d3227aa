package vn.landregistry.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.landregistry.support.Problems.assertProblem;

/**
 * The administrator disables, enables and deletes accounts: a disabled or deleted user cannot sign
 * in (form or HTTP Basic) and their open session ends at its next request; nobody disables or
 * deletes their own account; a deleted account's row and name stay for the history.
 */
class AccountsTest extends PostgisTest {

	static final String USER = "t-leaving";

	static final String PASSWORD = "a-long-password-1";

	@BeforeEach
	void create() {
		remove();
		assertThat(this.admin.postJson("/api/users", "{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD
				+ "\",\"role\":\"AUTHORITY_EDITOR\"}").status()).isEqualTo(201);
	}

	@AfterEach
	void remove() {
		this.jdbc.sql("DELETE FROM app_user WHERE username = :u").param("u", USER).update();
	}

	@Test
	void aDisabledUserCannotSignInAndTheirSessionEnds() {
		WebClient browser = WebClient.direct(this.port);
		assertThat(browser.signInThroughThePage(USER, PASSWORD).statusCode()).isEqualTo(302);
		assertThat(browser.get("/api/users/me").statusCode()).isEqualTo(200);
		assertThat(user().get("/api/users/me").status()).isEqualTo(200);

		Http.Response disabled = this.admin.send("PATCH", "/api/users/" + USER, "{\"enabled\":false}");

		assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
		assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
		assertThat(browser.get("/api/users/me").statusCode()).as("the open session ends").isEqualTo(401);
		assertThat(browser.get("/edit").statusCode()).isEqualTo(302);
		assertThat(user().get("/api/users/me").status()).as("HTTP Basic").isEqualTo(401);
		assertThat(WebClient.direct(this.port).signInThroughThePage(USER, PASSWORD).headers().firstValue("Location").orElse(""))
			.as("the form").endsWith("/login?error");

		Http.Response enabled = this.admin.send("PATCH", "/api/users/" + USER, "{\"enabled\":true}");
		assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
		assertThat(enabled.json().get("enabled").asBoolean()).isTrue();
		Http.Response me = user().get("/api/users/me");
		assertThat(me.status()).as("enabled again").isEqualTo(200);
		assertThat(me.json().get("username").asString()).isEqualTo(USER);
	}

	@Test
	void aDeletedUserIsGoneButTheirNameStays() {
		Http.Response deleted = this.admin.send("DELETE", "/api/users/" + USER, null);

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(user().get("/api/users/me").status()).isEqualTo(401);
		assertThat(this.admin.get("/api/users").body()).doesNotContain(USER);
		assertThat(this.jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u AND deleted_at IS NOT NULL AND NOT enabled")
			.param("u", USER).query(Long.class).single()).as("the row stays for the history").isEqualTo(1);
		assertProblem(this.admin.postJson("/api/users", "{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD
				+ "\",\"role\":\"AUTHORITY_EDITOR\"}"), 409, "username_taken", "already exists");
		assertProblem(this.admin.send("DELETE", "/api/users/" + USER, null), 404, null, "no user");
		assertProblem(this.admin.send("PATCH", "/api/users/" + USER, "{\"enabled\":true}"), 404, null, "no user");
	}

	@Test
	void nobodyDisablesOrDeletesTheirOwnAccount() {
		String before = row(TestUsers.ADMIN);

		Http.Response disable = this.admin.send("PATCH", "/api/users/" + TestUsers.ADMIN, "{\"enabled\":false}");
		Http.Response delete = this.admin.send("DELETE", "/api/users/" + TestUsers.ADMIN.toUpperCase(), null);

		assertProblem(disable, 409, "own_account", "your own account");
		assertProblem(delete, 409, "own_account", "your own account");
		assertThat(disable.body() + delete.body()).doesNotContain("Exception");
		assertThat(row(TestUsers.ADMIN)).as("nothing written").isEqualTo(before);
	}

	@Test
	void onlyTheAdministratorManagesAccounts() {
		String before = row(USER);

		assertProblem(this.editor.send("PATCH", "/api/users/" + USER, "{\"enabled\":false}"), 403, null, "your role");
		assertProblem(this.editor.send("DELETE", "/api/users/" + USER, null), 403, null, "your role");
		assertThat(this.http.send("DELETE", "/api/users/" + USER, null).status()).isEqualTo(401);
		assertProblem(this.admin.send("PATCH", "/api/users/" + USER, "{}"), 400, null, "enabled");

		assertThat(row(USER)).as("nothing written").isEqualTo(before);
	}

	private Http user() {
		return this.http.as(USER, PASSWORD);
	}

	private String row(String username) {
		return this.jdbc.sql("SELECT md5(u::text) FROM app_user u WHERE username = :u").param("u", username)
			.query(String.class).single();
	}

}
