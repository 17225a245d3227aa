package vn.landregistry.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headers of every answer: a Content-Security-Policy whose nonce is the one of the page's inline
 * scripts, Referrer-Policy, nosniff; HSTS and a Secure session cookie only over TLS (here: the
 * trusted proxy saying https); X-Forwarded-* from anyone else ignored; health details for staff.
 */
class SecurityHeadersTest extends PostgisTest {

	@Test
	void everyPageHasAPolicyWhoseNonceIsTheOneOfItsInlineScripts() {
		for (String page : List.of("/", "/portal", "/stats", "/login", "/clearance")) {
			HttpResponse<String> response = WebClient.direct(this.port).get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(200);
			String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
			Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(csp);
			assertThat(nonce.find()).as(csp).isTrue();
			assertThat(csp).contains("script-src 'self' 'nonce-").contains("object-src 'none'").contains("frame-ancestors 'none'")
				.as("the base map's tile server (test tile-url)").contains("img-src 'self' data: blob: http://127.0.0.1:9");
			Matcher scripts = Pattern.compile("<script(?![^>]*\\ssrc=)([^>]*)>").matcher(response.body());
			while (scripts.find()) {
				assertThat(scripts.group(1)).as("inline script of %s", page).contains("nonce=\"" + nonce.group(1) + "\"");
			}
			assertThat(response.body()).as("no inline event handlers in " + page).doesNotContainPattern("<[^>]+\\son[a-z]+=\"");
			assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.headers().firstValue("Strict-Transport-Security")).as("plain HTTP").isEmpty();
		}
		String other = WebClient.direct(this.port).get("/").headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(other).as("a new nonce each time")
			.isNotEqualTo(WebClient.direct(this.port).get("/").headers().firstValue("Content-Security-Policy").orElseThrow());
	}

	@Test
	void theTileServerOfATemplateIsItsOrigin() {
		assertThat(ContentSecurityPolicy.tileOrigin("https://tile.openstreetmap.org/{z}/{x}/{y}.png"))
			.isEqualTo("https://tile.openstreetmap.org");
		assertThat(ContentSecurityPolicy.tileOrigin("https://{s}.tiles.example.org:8443/{z}/{x}/{y}.png"))
			.isEqualTo("https://*.tiles.example.org:8443");
		assertThat(ContentSecurityPolicy.tileOrigin("/tiles/base/{z}/{x}/{y}.png")).isNull();
	}

	@Test
	void overTlsBehindTheTrustedProxyHstsAndASecureSessionCookie() {
		WebClient proxy = WebClient.behindProxy(this.port, "198.51.100.20").with("X-Forwarded-Proto", "https");
		HttpResponse<String> login = proxy.get("/login");

		assertThat(login.headers().firstValue("Strict-Transport-Security").orElse("")).contains("max-age=31536000");
		assertThat(login.headers().firstValue("Set-Cookie").orElse("")).contains("JSESSIONID").contains("Secure")
			.containsIgnoringCase("SameSite=Lax").contains("HttpOnly");

		HttpResponse<String> plain = WebClient.direct(this.port).get("/login");
		assertThat(plain.headers().firstValue("Set-Cookie").orElse("")).containsIgnoringCase("SameSite=Lax")
			.doesNotContain("Secure");
		HttpResponse<String> forged = WebClient.direct(this.port).with("X-Forwarded-Proto", "https").get("/login");
		assertThat(forged.headers().firstValue("Strict-Transport-Security")).as("not from a trusted proxy").isEmpty();
		assertThat(forged.headers().firstValue("Set-Cookie").orElse("")).doesNotContain("Secure");
	}

	@Test
	void aForwardedHostFromAnOrdinaryClientIsIgnored() {
		HttpResponse<String> forged = WebClient.direct(this.port).with("X-Forwarded-Host", "evil.example").get("/edit");
		assertThat(forged.statusCode()).isEqualTo(302);
		assertThat(forged.headers().firstValue("Location").orElse("")).doesNotContain("evil.example").contains("/login");
		assertThat(WebClient.direct(this.port).with("X-Forwarded-Host", "evil.example").get("/portal").body())
			.doesNotContain("evil.example");

		HttpResponse<String> proxied = WebClient.behindProxy(this.port, "198.51.100.21").with("X-Forwarded-Host", "registry.example")
			.get("/edit");
		assertThat(proxied.headers().firstValue("Location").orElse("")).as("the trusted proxy's host").contains("registry.example");
	}

	@Test
	void healthDetailsAreForSignedInStaffOnly() {
		var anonymous = this.http.get("/actuator/health");
		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(anonymous.json().get("status").asString()).isEqualTo("UP");
		assertThat(anonymous.body()).doesNotContain("components").doesNotContain("db").doesNotContain("diskSpace");

		assertThat(this.editor.get("/actuator/health").body()).contains("components").contains("db");
		assertThat(this.http.as(TestUsers.OFFICER, TestUsers.PASSWORD).get("/actuator/health").body()).contains("components");
	}

}
