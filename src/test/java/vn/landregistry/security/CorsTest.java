package vn.landregistry.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TileClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Web maps of other sites may read the tiles and the OGC API, and nothing else. */
class CorsTest extends PostgisTest {

	private static final String ELSEWHERE = "https://maps.example.org";

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void tilesAndTheOgcApiMayBeReadFromAnyOrigin() throws Exception {
		HttpResponse<Void> tile = get(TileClient.path("zones", 8, 106.2, 21.3));
		assertThat(tile.statusCode()).as("zones of Bắc Giang are in this tile").isEqualTo(200);
		assertThat(tile.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(tile.headers().firstValue("Access-Control-Expose-Headers").orElse("")).contains("ETag", "X-Tile-Cache");

		HttpResponse<Void> items = get("/ogc/collections/zones/items?limit=1");
		assertThat(items.statusCode()).isEqualTo(200);
		assertThat(items.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(items.headers().firstValue("Access-Control-Expose-Headers").orElse("")).contains("Content-Crs");
	}

	@Test
	void aPreflightIsAnsweredForReadingOnly() throws Exception {
		HttpResponse<Void> get = preflight("/ogc/collections/plots/items", "GET");
		assertThat(get.statusCode()).isEqualTo(200);
		assertThat(get.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("GET");

		assertThat(preflight("/ogc/collections/plots/items", "DELETE").statusCode()).isEqualTo(403);
	}

	@Test
	void theRegistryApiIsNotOpenedToOtherSites() throws Exception {
		// answered, but without the header a browser needs to hand it to the other site's script
		HttpResponse<Void> zones = get("/api/zones");
		assertThat(zones.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(preflight("/api/zones/1", "PATCH").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	private HttpResponse<Void> get(String path) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Origin", ELSEWHERE).GET().build(), HttpResponse.BodyHandlers.discarding());
	}

	private HttpResponse<Void> preflight(String path, String method) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Origin", ELSEWHERE).header("Access-Control-Request-Method", method)
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
	}

}
