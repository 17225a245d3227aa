package vn.landregistry.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in from a page's "Sign in" link leads back to that page; a return target that is not a
 * path of this site is ignored (no open redirect). Real HTTP with the session cookie, as a browser.
 */
class SignInReturnTest extends PostgisTest {

	@Test
	void theSignInLinkOfAPageLeadsBackToIt() throws Exception {
		Browser browser = new Browser();
		String page = browser.get("/clearance?district=BG-YD").body();
		Matcher link = Pattern.compile("id=\"sign-in\" href=\"([^\"]+)\"").matcher(page);
		assertThat(link.find()).as("the sign-in link of the page").isTrue();
		String signIn = link.group(1).replace("&amp;", "&");
		assertThat(signIn).startsWith("/login?next=");

		String form = browser.get(signIn).body();
		assertThat(hidden(form, "next")).isEqualTo("/clearance?district=BG-YD");
		assertThat(form).as("the target survives a change of language").contains("lang=en&amp;next=");
		HttpResponse<String> login = browser.signIn(form, TestUsers.EDITOR, TestUsers.PASSWORD, hidden(form, "next"));

		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(path(login)).isEqualTo("/clearance?district=BG-YD");
		assertThat(browser.get("/clearance?district=BG-YD").body()).contains("id=\"user-name\"");
	}

	@Test
	void withoutATargetThePageThatAskedForSignInOrTheMapFollows() throws Exception {
		Browser browser = new Browser();
		assertThat(browser.get("/edit").statusCode()).isEqualTo(302);
		String form = browser.get("/login").body();
		assertThat(path(browser.signIn(form, TestUsers.EDITOR, TestUsers.PASSWORD, null))).as("the page saved by Spring Security")
			.startsWith("/edit");

		Browser other = new Browser();
		String plain = other.get("/login").body();
		assertThat(plain).as("the language links carry no empty target").contains("href=\"/login?lang=en\"");
		assertThat(path(other.signIn(plain, TestUsers.EDITOR, TestUsers.PASSWORD, null))).isEqualTo("/");
	}

	@ParameterizedTest
	@ValueSource(strings = { "//evil.example/", "https://evil.example/", "/\\evil.example", "/\t/evil.example",
			"http:/evil.example", "evil.example", "/login?error", " /stats" })
	void aTargetOutsideThisSiteIsIgnored(String target) throws Exception {
		Browser browser = new Browser();
		String form = browser.get("/login?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8)).body();
		assertThat(form).as("not carried in the form").doesNotContain("name=\"next\"");

		HttpResponse<String> login = browser.signIn(form, TestUsers.EDITOR, TestUsers.PASSWORD, target);

		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(path(login)).isEqualTo("/");
	}

	@Test
	void aFailedSignInKeepsTheTarget() throws Exception {
		Browser browser = new Browser();
		String form = browser.get("/login?next=%2Fstats").body();

		HttpResponse<String> failed = browser.signIn(form, TestUsers.EDITOR, "wrong-password", "/stats");

		assertThat(path(failed)).isEqualTo("/login?error&next=%2Fstats");
		String again = browser.get(path(failed)).body();
		assertThat(again).contains("role=\"alert\"");
		assertThat(path(browser.signIn(again, TestUsers.EDITOR, TestUsers.PASSWORD, hidden(again, "next")))).isEqualTo("/stats");
		Browser fresh = new Browser(); // the token of its own page: another session's is refused (CSRF)
		HttpResponse<String> evil = fresh.signIn(fresh.get("/login").body(), TestUsers.EDITOR, "wrong-password", "//evil.example");
		assertThat(path(evil)).isEqualTo("/login?error");
	}

	/** The Location of a redirect, as a path of this site (a relative one, or this server's). */
	private String path(HttpResponse<String> response) {
		String location = response.headers().firstValue("Location").orElseThrow();
		String base = "http://127.0.0.1:" + this.port;
		assertThat(location).as("stays on this site").matches("^(" + Pattern.quote(base) + ")?/.*");
		return location.startsWith(base) ? location.substring(base.length()) : location;
	}

	private static String hidden(String html, String name) {
		Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
		assertThat(m.find()).as("hidden field " + name).isTrue();
		return m.group(1).replace("&amp;", "&");
	}

	/** A client that keeps its cookies and does not follow redirects, like a browser tab watched step by step. */
	private final class Browser {

		private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		HttpResponse<String> get(String path) throws Exception {
			return this.client.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> signIn(String form, String username, String password, String next) throws Exception {
			String body = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(hidden(form, "_csrf"))
					+ (next == null ? "" : "&next=" + encode(next));
			return this.client.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		private String base() {
			return "http://127.0.0.1:" + SignInReturnTest.this.port;
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
