package vn.landregistry.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Fetches tiles (or any bytes) with the headers a map client sends and reads. */
public final class TileClient {

	private final HttpClient client = HttpClient.newHttpClient();

	private final String host;

	private final int port;

	public TileClient(int port) {
		this("127.0.0.1", port);
	}

	/** A client of the server at {@code host} ("[::1]" plays the trusted proxy in the tests). */
	public TileClient(String host, int port) {
		this.host = host;
		this.port = port;
	}

	public HttpResponse<byte[]> get(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + this.host + ":" + this.port + path)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The path of the tile at zoom z that holds the point. */
	public static String path(String layer, int z, double lon, double lat) {
		int n = 1 << z;
		int x = (int) Math.floor((lon + 180) / 360 * n);
		double phi = Math.toRadians(lat);
		int y = (int) Math.floor((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2 * n);
		return "/tiles/" + layer + "/" + z + "/" + x + "/" + y + ".mvt";
	}

	public static String header(HttpResponse<?> response, String name) {
		return response.headers().firstValue(name).orElse(null);
	}

}
