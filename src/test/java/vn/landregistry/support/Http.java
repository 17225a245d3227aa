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

	private final String[] credentials;

	public Http(int port) {
		this("http://127.0.0.1:" + port, new String[0]);
	}

	private Http(String base, String[] credentials) {
		this.base = base;
		this.credentials = credentials;
	}

	/** The same client sending HTTP Basic credentials with every request. */
	public Http as(String username, String password) {
		String token = java.util.Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return new Http(this.base, new String[] { "Authorization", "Basic " + token });
	}

	public Response get(String pathAndQuery) {
		return send(request(pathAndQuery).GET().build());
	}

	public Response postJson(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/** Any method with a JSON body (PATCH, DELETE...), or none when {@code json} is null. */
	public Response send(String method, String path, String json, String... headers) {
		HttpRequest.Builder request = request(path);
		if (headers.length > 0) {
			request.headers(headers);
		}
		if (json == null) {
			return send(request.method(method, HttpRequest.BodyPublishers.noBody()).build());
		}
		return send(request.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json)).build());
	}

	/** A JSON body sent chunked, without a declared length. */
	public Response sendChunked(String method, String path, byte[] json) {
		return send(request(path).header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(json)))
			.build());
	}

	/** POST with extra headers given as name, value, name, value... */
	public Response postJson(String path, String json, String... headers) {
		return send(request(path).header("Content-Type", "application/json")
			.headers(headers)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/** POST of a multipart form: one file part named "file" and text parts given as name, value... */
	public Response upload(String path, String fileName, byte[] content, String... fields) {
		String boundary = "----registry" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
		for (int i = 0; i + 1 < fields.length; i += 2) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
					+ fields[i + 1] + "\r\n").getBytes(utf8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(utf8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	public byte[] bytes(String pathAndQuery) {
		HttpRequest request = request(pathAndQuery).GET().build();
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

	/** GET of a file: its status, headers and bytes as sent. */
	public Download download(String pathAndQuery) {
		HttpRequest request = request(pathAndQuery).GET().build();
		try {
			HttpResponse<byte[]> response = this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return new Download(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + pathAndQuery + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path));
		if (this.credentials.length > 0) {
			builder.headers(this.credentials);
		}
		return builder;
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return Response.of(response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Download(int status, java.net.http.HttpHeaders headers, byte[] body) {

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		/** The body as a problem detail or other JSON answer. */
		public Response asResponse() {
			return new Response(this.status, header("Content-Type") == null ? "" : header("Content-Type"),
					new String(this.body, java.nio.charset.StandardCharsets.UTF_8), header("ETag"), header("Location"));
		}

	}

	public record Response(int status, String contentType, String body, String etag, String location) {

		/** The answer of any JDK HTTP client call. */
		public static Response of(HttpResponse<String> response) {
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body(), response.headers().firstValue("ETag").orElse(null),
					response.headers().firstValue("Location").orElse(null));
		}

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}
