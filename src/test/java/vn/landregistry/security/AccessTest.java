package vn.landregistry.security;

import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TableChecksums;
import vn.landregistry.support.TestRegistry;
import vn.landregistry.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.landregistry.support.Problems.assertProblem;

/**
 * Who may write what: every write endpoint for every role, district scoping, CSRF on
 * session-based writes, and nothing written when refused.
 */
class AccessTest extends PostgisTest {

	TestRegistry registry;

	long zone;

	long plot;

	@BeforeEach
	void build() {
		this.registry = new TestRegistry(this.jdbc).create();
		this.zone = this.registry.zone("TST-Z", "KCN", TestRegistry.district(1), 100.1, 10.1, new BigDecimal("100"));
		this.plot = this.registry.plot(this.zone, "P1", 100.101, 10.101, 0.002, null);
	}

	@AfterEach
	void clear() {
		this.registry.clear();
	}

	/** The tables the writes below would change. */
	static final String[] WRITTEN = { "zone", "plot", "lease", "draft_revision", "clearance_phase", "clearance_event",
			"app_user", "app_user_unit" };

	/** Method, path, and which roles may (anonymous never). Bodies are empty: allowed means "not 401/403". */
	List<Object[]> writes() {
		return List.of(new Object[] { "POST", "/api/zones", true, false, false },
				new Object[] { "PATCH", "/api/zones/" + this.zone, true, false, false },
				new Object[] { "DELETE", "/api/zones/" + this.zone + "?version=99&reason=x", true, false, false },
				new Object[] { "POST", "/api/zones/" + this.zone + "/publish", true, false, false },
				new Object[] { "POST", "/api/zones/" + this.zone + "/restore", true, false, false },
				new Object[] { "POST", "/api/zones/" + this.zone + "/plots", true, false, false },
				new Object[] { "DELETE", "/api/zones/" + this.zone + "/draft", true, false, false },
				new Object[] { "PATCH", "/api/plots/" + this.plot, true, false, false },
				new Object[] { "DELETE", "/api/plots/" + this.plot + "?version=99&reason=x", true, false, false },
				new Object[] { "POST", "/api/plots/" + this.plot + "/publish", true, false, false },
				new Object[] { "DELETE", "/api/plots/" + this.plot + "/draft", true, false, false },
				new Object[] { "POST", "/api/plots/" + this.plot + "/split", true, false, false },
				new Object[] { "POST", "/api/plots/merge", true, false, false },
				new Object[] { "POST", "/api/plots/" + this.plot + "/leases", true, false, false },
				new Object[] { "POST", "/api/clearance", true, false, false },
				new Object[] { "POST", "/api/clearance/999999/events", true, true, false },
				new Object[] { "POST", "/api/users", false, false, true });
	}

	@Test
	void eachRoleMayDoWhatItsRoleAllowsAndNothingElse() {
		long changesBefore = changes();
		Map<String, String> rowsBefore = TableChecksums.of(this.jdbc, WRITTEN);
		for (Object[] write : writes()) {
			String method = (String) write[0];
			String path = (String) write[1];
			boolean authority = (boolean) write[2];
			boolean officer = (boolean) write[3];
			boolean adminOnly = (boolean) write[4];
			assertThat(this.http.send(method, path, "{}").status()).as("anonymous %s %s", method, path).isEqualTo(401);
			assertAllowed(this.officer.send(method, path, "{}"), officer, "officer", method, path);
			assertAllowed(this.editor.send(method, path, "{}"), authority, "editor", method, path);
			assertAllowed(this.admin.send(method, path, "{}"), authority || adminOnly, "admin", method, path);
		}
		assertThat(changes()).as("no write passed with an empty body").isEqualTo(changesBefore);
		assertThat(TableChecksums.of(this.jdbc, WRITTEN)).as("no row changed").isEqualTo(rowsBefore);
	}

	@Test
	void aDistrictOfficerRecordsClearanceOnlyInTheirDistrict() {
		TestUsers.bindOfficer(this.jdbc, TestRegistry.district(1));
		this.registry.zone("TST-Y", "CCN", TestRegistry.district(2), 100.6, 10.1, new BigDecimal("10"));
		long own = phase("TST-Z", TestRegistry.square(100.105, 10.105, 0.002));
		long other = phase("TST-Y", TestRegistry.square(100.602, 10.102, 0.002));
		String step = "{\"version\":0,\"eventDate\":\"2024-05-01\",\"status\":\"INVENTORY\"}";

		Http.Response allowed = this.officer.postJson("/api/clearance/" + own + "/events", step);
		Http.Response refused = this.officer.postJson("/api/clearance/" + other + "/events", step);

		assertThat(allowed.status()).as(allowed.body()).isEqualTo(201);
		assertThat(allowed.json().get("properties").get("events").get(1).get("author").asString()).isEqualTo(TestUsers.OFFICER);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("detail").asString()).contains("TST-2");
		assertThat(events(other)).as("nothing written").isEqualTo(1);
		assertThat(this.officer.send("PATCH", "/api/zones/" + this.zone, "{\"version\":0,\"name\":\"x\"}").status())
			.as("an officer does not edit zones").isEqualTo(403);
		assertThat(this.jdbc.sql("SELECT name_vi FROM zone WHERE id = :id").param("id", this.zone).query(String.class).single())
			.isEqualTo("Khu thử TST-Z");
	}

	@Test
	void sessionWritesNeedTheCsrfTokenOfTheirSession() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String base = "http://127.0.0.1:" + this.port;
		String token = csrf(browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body());
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", TestUsers.EDITOR, "password",
					TestUsers.PASSWORD, "_csrf", token))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
		String patch = "{\"version\":0,\"name\":\"Through the page\"}";

		HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/zones/" + this.zone))
			.header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(patch)).build(),
				HttpResponse.BodyHandlers.ofString());
		String sessionToken = csrf(browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body());
		HttpResponse<String> genuine = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/zones/" + this.zone))
			.header("Content-Type", "application/json").header("X-CSRF-TOKEN", sessionToken)
			.method("PATCH", HttpRequest.BodyPublishers.ofString(patch)).build(), HttpResponse.BodyHandlers.ofString());

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.body()).contains("CSRF");
		assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT name_vi FROM zone WHERE id = :id").param("id", this.zone).query(String.class).single())
			.isEqualTo("Through the page");
	}

	@Test
	void wrongPasswordsAndUnknownUsersAre401AndPasswordsAreStoredHashed() {
		long zones = this.jdbc.sql("SELECT count(*) FROM zone").query(Long.class).single();
		String create = "{\"kind\":\"KCN\",\"code\":\"TST-401\",\"name\":\"n\",\"planStatus\":\"NEW\",\"source\":\"test\","
				+ "\"geometry\":" + TestRegistry.square(100.2, 10.2, 0.01) + "}";
		assertThat(this.http.as(TestUsers.EDITOR, "wrong-password").postJson("/api/zones", create).status()).isEqualTo(401);
		assertThat(this.http.as("nobody", TestUsers.PASSWORD).postJson("/api/zones", create).status()).isEqualTo(401);
		assertThat(this.jdbc.sql("SELECT count(*) FROM zone").query(Long.class).single()).as("nothing written").isEqualTo(zones);
		assertThat(this.jdbc.sql("SELECT count(*) FROM app_user WHERE password_hash NOT LIKE '$2_$%'").query(Long.class).single())
			.as("bcrypt only").isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'admin' AND role = 'AUTHORITY_ADMIN'")
			.query(Long.class).single()).as("the first administrator, created at start").isEqualTo(1);
	}

	@Test
	void theAdministratorCreatesUsersWithTheirDistricts() {
		Http.Response created = this.admin.postJson("/api/users", "{\"username\":\"t-new\",\"password\":\"a-long-password-1\","
				+ "\"role\":\"DISTRICT_OFFICER\",\"districts\":[\"TST-2\"]}");

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.location()).endsWith("/api/users/t-new");
		assertThat(created.json().get("username").asString()).isEqualTo("t-new");
		assertThat(created.json().get("role").asString()).isEqualTo("DISTRICT_OFFICER");
		assertThat(created.json().get("units")).extracting(JsonNode::asString).containsExactly("TST-2");
		assertThat(created.body()).doesNotContain("password");
		assertThat(this.http.as("t-new", "a-long-password-1").get("/api/users/me").json().get("role").asString())
			.isEqualTo("DISTRICT_OFFICER");
		String before = TableChecksums.of(this.jdbc, "app_user", "app_user_unit").toString();
		JsonNode shortPassword = assertProblem(this.admin.postJson("/api/users",
				"{\"username\":\"t-short\",\"password\":\"short\",\"role\":\"AUTHORITY_EDITOR\"}"), 400, null, "password needs at least");
		assertThat(shortPassword.get("parameter").asString()).isEqualTo("password");
		JsonNode noUnit = assertProblem(this.admin.postJson("/api/users", "{\"username\":\"t-none\",\"password\":\"a-long-password-1\","
				+ "\"role\":\"DISTRICT_OFFICER\"}"), 400, null, "needs one or more unit codes");
		assertThat(noUnit.get("parameter").asString()).isEqualTo("units");
		assertProblem(this.admin.postJson("/api/users", "{\"username\":\"t-new\",\"password\":\"a-long-password-1\","
				+ "\"role\":\"AUTHORITY_EDITOR\"}"), 409, "username_taken", "t-new already exists");
		assertThat(TableChecksums.of(this.jdbc, "app_user", "app_user_unit").toString()).as("nothing written").isEqualTo(before);
		this.jdbc.sql("DELETE FROM app_user WHERE username = 't-new'").update();
	}

	private long phase(String zone, String geometry) {
		Http.Response response = this.editor.postJson("/api/clearance", "{\"zone\":\"" + zone
				+ "\",\"code\":\"C1\",\"name\":\"c\",\"eventDate\":\"2024-01-01\",\"geometry\":" + geometry + "}");
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	private long events(long phase) {
		return this.jdbc.sql("SELECT count(*) FROM clearance_event WHERE phase_id = :id").param("id", phase)
			.query(Long.class).single();
	}

	private long changes() {
		return this.jdbc.sql("SELECT count(*) FROM change_history").query(Long.class).single();
	}

	private static void assertAllowed(Http.Response response, boolean allowed, String role, String method, String path) {
		if (allowed) {
			assertThat(response.status()).as("%s %s %s: %s", role, method, path, response.body()).isNotIn(401, 403);
		}
		else {
			assertThat(response.status()).as("%s %s %s", role, method, path).isEqualTo(403);
		}
	}

	private static String csrf(String html) {
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("a CSRF token in the page").isTrue();
		return m.group(1);
	}

	private static String form(Map<String, String> fields) {
		return String.join("&", fields.entrySet().stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
	}

}
