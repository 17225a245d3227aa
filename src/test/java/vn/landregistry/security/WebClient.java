package vn.landregistry.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.landregistry.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that keeps its cookies (a browser tab, step by step: redirects are not followed), on
 * 127.0.0.1 (an ordinary client) or [::1] (the tests' trusted reverse proxy).
 */
final class WebClient {

	private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final String base;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private WebClient(String base) {
		this.base = base;
	}

	/** An ordinary client connecting from 127.0.0.1. */
	static WebClient direct(int port) {
		return new WebClient("http://127.0.0.1:" + port);
	}

	/** The trusted proxy ([::1]), forwarding for {@code client}. */
	static WebClient behindProxy(int port, String client) {
		return new WebClient("http://[::1]:" + port).with("X-Forwarded-For", client);
	}

	/** A header sent with every request from now on. */
	WebClient with(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	WebClient basic(String username, String password) {
		return with("Authorization", "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	HttpResponse<String> send(String method, String path, String json, String... extraHeaders) {
		HttpRequest.Builder request = request(path);
		if (extraHeaders.length > 0) {
			request.headers(extraHeaders);
		}
		return send(json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
				: request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)));
	}

	/** Posts the sign-in form; {@code csrf} null sends none. */
	HttpResponse<String> signIn(String username, String password, String csrf) {
		String body = "username=" + encode(username) + "&password=" + encode(password)
				+ (csrf == null ? "" : "&_csrf=" + encode(csrf));
		return send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Opens the sign-in page and signs in with its token. */
	HttpResponse<String> signInThroughThePage(String username, String password) {
		return signIn(username, password, formToken(get("/login").body()));
	}

	static String formToken(String html) {
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("a CSRF token in the form").isTrue();
		return m.group(1);
	}

	static String metaToken(String html) {
		Matcher m = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("a CSRF token in the page's head").isTrue();
		return m.group(1);
	}

	static Http.Response response(HttpResponse<String> response) {
		return Http.Response.of(response);
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path));
		this.headers.forEach(builder::header);
		return builder;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
