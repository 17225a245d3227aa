package vn.landregistry.tiles;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import vn.landregistry.shared.CachedAnswer;
import vn.landregistry.shared.CachedAnswers;

/**
 * Tiles and TileJSON documents the caches hold, for the short way ({@link CachedAnswers}): the
 * same bytes and headers as {@link TileController}, a tile hit counted as one. Only plain paths
 * (no query string, nothing encoded): anything else goes the normal way.
 */
@Component
class TileAnswers implements CachedAnswers {

	private static final String PREFIX = "/tiles/";

	private static final TileLayer[] LAYERS = TileLayer.values();

	private static final String[] IDS = Arrays.stream(LAYERS).map(TileLayer::id).toArray(String[]::new);

	private static final List<String> HIT = List.of(TileController.CACHE_HEADER, "HIT");

	private final TileService tiles;

	private final String cacheControl;

	TileAnswers(TileService tiles, TileProperties properties) {
		this.tiles = tiles;
		this.cacheControl = TileController.cacheControl(properties).getHeaderValue();
	}

	@Override
	public CachedAnswer find(HttpServletRequest request) {
		String uri = request.getRequestURI();
		int start = request.getContextPath().length();
		if (!uri.startsWith(PREFIX, start) || request.getQueryString() != null) {
			return null;
		}
		String path = uri.substring(start + PREFIX.length());
		if (path.endsWith(".mvt")) {
			return tile(path.substring(0, path.length() - 4).split("/", -1));
		}
		if (path.endsWith(".json") && path.indexOf('/') < 0) {
			return tileJson(path.substring(0, path.length() - 5), request);
		}
		return null;
	}

	private CachedAnswer tile(String[] parts) {
		TileLayer layer = parts.length == 4 ? layer(parts[0]) : null;
		TileAddress address = layer == null ? null : address(parts);
		Tile tile = address == null ? null : this.tiles.cached(new TileKey(layer, address));
		return tile == null ? null : new CachedAnswer(tile.bytes(), TileController.MVT_VALUE, tile.etag(), this.cacheControl, HIT);
	}

	private CachedAnswer tileJson(String id, HttpServletRequest request) {
		TileLayer layer = layer(id);
		if (layer == null) {
			return null;
		}
		byte[] document = this.tiles.cachedTileJson(layer, ServletUriComponentsBuilder.fromContextPath(request).toUriString());
		return document == null ? null : new CachedAnswer(document, "application/json", null, null, HIT);
	}

	private static TileLayer layer(String id) {
		for (int i = 0; i < IDS.length; i++) {
			if (IDS[i].equals(id)) {
				return LAYERS[i];
			}
		}
		return null;
	}

	/** As {@link TileAddress#parse}, without its regular expression; null where it would refuse (400). */
	private static TileAddress address(String[] parts) {
		int z = number(parts[1], TileLayer.MAX_ZOOM);
		int last = z < 0 ? -1 : (1 << z) - 1;
		int x = number(parts[2], last);
		int y = number(parts[3], last);
		return z < 0 || x < 0 || y < 0 ? null : new TileAddress(z, x, y);
	}

	private static int number(String text, int max) {
		if (text.isEmpty() || text.length() > 9 || max < 0) {
			return -1;
		}
		int value = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value <= max ? value : -1;
	}

}
