package vn.landregistry.security;

import java.math.BigDecimal;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;
import vn.landregistry.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.landregistry.support.Problems.assertProblem;

/**
 * CSRF: the sign-in form needs the token of its page (no login CSRF); a request with a live
 * session needs the token whatever Authorization header it carries; requests without a session
 * (HTTP Basic API clients, anonymous investors) need none.
 */
class CsrfTest extends PostgisTest {

	TestRegistry registry;

	long zone;

	@BeforeEach
	void build() {
		this.registry = new TestRegistry(this.jdbc).create();
		this.zone = this.registry.zone("TST-CSRF", "KCN", TestRegistry.district(1), 100.1, 10.1, new BigDecimal("100"));
	}

	@AfterEach
	void clear() {
		this.registry.clear();
	}

	@Test
	void anotherSiteCannotSignABrowserIn() {
		WebClient victim = WebClient.direct(this.port);

		HttpResponse<String> forged = victim.signIn(TestUsers.EDITOR, TestUsers.PASSWORD, null);

		assertProblem(WebClient.response(forged), 403, null, "CSRF");
		assertThat(forged.body()).doesNotContain("Exception");
		assertThat(victim.get("/api/users/me").statusCode()).as("not signed in").isEqualTo(401);

		WebClient withSession = WebClient.direct(this.port);
		withSession.get("/login");
		assertProblem(WebClient.response(withSession.signIn(TestUsers.EDITOR, TestUsers.PASSWORD, "not-the-token")), 403, null,
				"CSRF");
		assertThat(withSession.get("/api/users/me").statusCode()).isEqualTo(401);
	}

	@Test
	void theSignInPageCarriesItsTokenAndSignsIn() {
		WebClient browser = WebClient.direct(this.port);
		HttpResponse<String> signIn = browser.signInThroughThePage(TestUsers.EDITOR, TestUsers.PASSWORD);

		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		assertThat(browser.get("/api/users/me").body()).contains(TestUsers.EDITOR);
	}

	@Test
	void aSessionCookieWithAnyAuthorizationHeaderStillNeedsTheToken() {
		WebClient browser = WebClient.direct(this.port);
		assertThat(browser.signInThroughThePage(TestUsers.EDITOR, TestUsers.PASSWORD).statusCode()).isEqualTo(302);
		String before = zoneRow();
		String patch = "{\"version\":0,\"name\":\"Forged\"}";

		HttpResponse<String> bogus = browser.send("PATCH", "/api/zones/" + this.zone, patch, "Authorization", "Bearer anything");
		HttpResponse<String> basic = browser.send("PATCH", "/api/zones/" + this.zone, patch, "Authorization",
				"Basic " + java.util.Base64.getEncoder().encodeToString((TestUsers.ADMIN + ":" + TestUsers.PASSWORD).getBytes()));

		assertProblem(WebClient.response(bogus), 403, null, "CSRF");
		assertProblem(WebClient.response(basic), 403, null, "CSRF");
		assertThat(zoneRow()).as("nothing written").isEqualTo(before);
	}

	@Test
	void withoutASessionHttpBasicAndTheAnonymousNeedNoToken() {
		String before = zoneRow();
		assertThat(this.editor.send("PATCH", "/api/zones/" + this.zone, "{\"version\":0,\"name\":\"By the API\"}").status())
			.isEqualTo(200);
		assertThat(zoneRow()).isNotEqualTo(before);
		assertThat(zoneName()).isEqualTo("By the API");
		assertThat(this.http.send("PATCH", "/api/zones/" + this.zone, "{\"version\":1,\"name\":\"Anonymous\"}").status())
			.as("the anonymous get 401, not a CSRF 403").isEqualTo(401);
		assertThat(zoneName()).isEqualTo("By the API");

		String enquiry = "{\"zone\":\"TST-CSRF\",\"name\":\"N\",\"email\":\"n@b.co\",\"message\":\"m\"}";
		assertThat(this.http.postJson("/api/portal/enquiries", enquiry).status()).as("an investor without a session")
			.isEqualTo(202);
		assertThat(enquiries()).isEqualTo(1);
		WebClient visitor = WebClient.direct(this.port);
		visitor.get("/login"); // now has a session: the portal page gives its token
		String token = WebClient.metaToken(visitor.get("/portal").body());
		assertProblem(WebClient.response(visitor.send("POST", "/api/portal/enquiries", enquiry)), 403, null, "CSRF");
		assertThat(enquiries()).as("with a session, no token: not stored").isEqualTo(1);
		assertThat(visitor.send("POST", "/api/portal/enquiries", enquiry, "X-CSRF-TOKEN", token).statusCode()).isEqualTo(202);
		assertThat(enquiries()).isEqualTo(2);
	}

	private String zoneName() {
		return this.jdbc.sql("SELECT name_vi FROM zone WHERE id = :id").param("id", this.zone).query(String.class).single();
	}

	private long enquiries() {
		return this.jdbc.sql("SELECT count(*) FROM enquiry WHERE zone_id = :id").param("id", this.zone).query(Long.class).single();
	}

	private String zoneRow() {
		return this.jdbc.sql("SELECT md5(z::text) FROM zone z WHERE id = :id").param("id", this.zone).query(String.class).single();
	}

}
