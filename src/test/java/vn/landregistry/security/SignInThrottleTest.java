package vn.landregistry.security;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.landregistry.support.Problems.assertProblem;

/**
 * Password guessing is slowed down: 5 failures of one account, or 20 from one address, in 15
 * minutes lock it for the rest of the window, on HTTP Basic (429 problem detail, Retry-After) and
 * the sign-in form (back to the page, which says so); each lock is audited. Clients are told apart
 * by the address the trusted proxy ([::1]) forwards, so each test has addresses of its own.
 */
class SignInThrottleTest extends PostgisTest {

	static final String GUESSED = "t-guessed";

	@Autowired
	SignInThrottle throttle;

	String address;

	@BeforeEach
	void user() {
		this.address = "198.18." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
		this.jdbc.sql("DELETE FROM app_user WHERE username = :u").param("u", GUESSED).update();
		this.jdbc.sql("INSERT INTO app_user (username, display_name, password_hash, role) VALUES (:u, :u, :h, 'AUTHORITY_EDITOR')")
			.param("u", GUESSED).param("h", new BCryptPasswordEncoder(4).encode(TestUsers.PASSWORD)).update();
	}

	@AfterEach
	void clear() {
		this.throttle.reset();
		this.jdbc.sql("DELETE FROM app_user WHERE username = :u").param("u", GUESSED).update();
		this.jdbc.sql("DELETE FROM sign_in_audit WHERE username = :u OR address = :a").param("u", GUESSED).param("a", this.address)
			.update();
	}

	@Test
	void fiveWrongPasswordsLockTheAccountOnHttpBasic() {
		for (int i = 0; i < 5; i++) {
			assertThat(client(GUESSED, "wrong-" + i).get("/api/users/me").statusCode()).isEqualTo(401);
		}
		long zones = count("zone");

		HttpResponse<String> refused = client(GUESSED, TestUsers.PASSWORD).send("POST", "/api/zones", "{}");

		Http.Response problem = WebClient.response(refused);
		assertProblem(problem, 429, null, "too many failed sign-ins for this account");
		assertThat(problem.body()).doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L)).isBetween(1L, 15 * 60L + 1);
		assertThat(count("zone")).as("nothing written").isEqualTo(zones);
		assertThat(audit("LOCKED", "ACCOUNT")).isEqualTo(1);
		assertThat(audit("REFUSED", "ACCOUNT")).isEqualTo(1);
		assertThat(WebClient.behindProxy(this.port, "198.19.0.1").basic(GUESSED, TestUsers.PASSWORD).get("/api/users/me")
			.statusCode()).as("the account is locked from every address").isEqualTo(429);
		assertThat(client(TestUsers.EDITOR, TestUsers.PASSWORD).get("/api/users/me").statusCode())
			.as("another account from the same address").isEqualTo(200);
	}

	@Test
	void aGoodPasswordClearsTheAccountsFailures() {
		for (int i = 0; i < 4; i++) {
			client(GUESSED, "wrong").get("/api/users/me");
		}
		assertThat(client(GUESSED, TestUsers.PASSWORD).get("/api/users/me").statusCode()).isEqualTo(200);
		for (int i = 0; i < 4; i++) {
			client(GUESSED, "wrong").get("/api/users/me");
		}
		assertThat(client(GUESSED, TestUsers.PASSWORD).get("/api/users/me").statusCode()).isEqualTo(200);
		assertThat(audit("LOCKED", "ACCOUNT")).isZero();
	}

	@Test
	void twentyFailuresFromOneAddressLockTheAddress() {
		for (int i = 0; i < 20; i++) {
			assertThat(client("t-nobody-" + i, "wrong").get("/api/users/me").statusCode()).isEqualTo(401);
		}

		assertProblem(WebClient.response(client(TestUsers.EDITOR, TestUsers.PASSWORD).get("/api/users/me")), 429, null,
				"from your address");
		assertThat(audit("LOCKED", "ADDRESS")).isEqualTo(1);
		assertThat(WebClient.behindProxy(this.port, "198.19.0.2").basic(TestUsers.EDITOR, TestUsers.PASSWORD)
			.get("/api/users/me").statusCode()).as("another address").isEqualTo(200);
	}

	@Test
	void theSignInFormIsThrottledTooAndSaysSo() {
		WebClient browser = WebClient.behindProxy(this.port, this.address);
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> failed = browser.signInThroughThePage(GUESSED, "wrong-" + i);
			assertThat(failed.headers().firstValue("Location").orElse("")).endsWith("/login?error");
		}

		HttpResponse<String> refused = browser.signInThroughThePage(GUESSED, TestUsers.PASSWORD);

		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/login?locked");
		assertThat(browser.get("/login?locked&lang=en").body()).contains("role=\"alert\"").contains("Too many failed sign-ins");
		assertThat(browser.get("/login?locked&lang=vi").body()).contains("Đăng nhập sai quá nhiều lần");
		assertThat(browser.get("/api/users/me").statusCode()).as("not signed in").isEqualTo(401);
		assertThat(this.jdbc.sql("SELECT count(*) FROM sign_in_audit WHERE username = :u AND channel = 'FORM' AND event = 'LOCKED'")
			.param("u", GUESSED).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theCountersStayWithinTheirBound() {
		SignInThrottle small = new SignInThrottle(this.jdbc, Clock.systemUTC(), 5, 20, Duration.ofMinutes(15), 50);
		for (int i = 0; i < 2_000; i++) {
			small.failed("t-someone-" + i, "192.0.2." + (i % 250) + "-" + i, SignInThrottle.Channel.BASIC);
		}

		assertThat(small.tracked()).isLessThanOrEqualTo(100);
		for (int i = 0; i < 5; i++) {
			small.failed(GUESSED, this.address, SignInThrottle.Channel.BASIC);
		}
		assertThat(small.refusal(GUESSED, "192.0.2.1", SignInThrottle.Channel.BASIC)).as("recent failures still count")
			.isNotNull();
	}

	private WebClient client(String username, String password) {
		return WebClient.behindProxy(this.port, this.address).basic(username, password);
	}

	private long audit(String event, String scope) {
		return this.jdbc.sql("SELECT count(*) FROM sign_in_audit WHERE event = :e AND scope = :s AND (username = :u OR address = :a)")
			.param("e", event).param("s", scope).param("u", GUESSED).param("a", this.address).query(Long.class).single();
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

}
