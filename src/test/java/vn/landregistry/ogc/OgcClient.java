package vn.landregistry.ogc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GET with request headers, answers as bytes with all their headers. */
final class OgcClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	private final int port;

	OgcClient(int port) {
		this.port = port;
	}

	/** {@code headers}: name, value, name, value... */
	Answer get(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return new Answer(this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Answer(HttpResponse<byte[]> response) {

		int status() {
			return this.response.statusCode();
		}

		byte[] body() {
			return this.response.body();
		}

		String text() {
			return new String(body(), StandardCharsets.UTF_8);
		}

		JsonNode json() {
			return JSON.readTree(body());
		}

		String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		/** X-Cache: HIT, MISS, or null without a cache. */
		String cache() {
			return header(OgcController.CACHE_HEADER);
		}

	}

}
