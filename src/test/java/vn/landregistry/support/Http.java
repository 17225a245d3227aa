package vn.landregistry.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the running application: tests see what a user's client sees. */
public final class Http {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	private final String base;

	public Http(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public Response get(String pathAndQuery) {
		return send(HttpRequest.newBuilder(URI.create(this.base + pathAndQuery)).GET().build());
	}

	public Response postJson(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/** POST with extra headers given as name, value, name, value... */
	public Response postJson(String path, String json, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.headers(headers)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	public byte[] bytes(String pathAndQuery) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + pathAndQuery)).GET().build();
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + pathAndQuery + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body(), response.headers().firstValue("ETag").orElse(null));
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Response(int status, String contentType, String body, String etag) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}
