package vn.landregistry.shared;

import java.util.List;

/**
 * An answer held in memory, as the normal path writes it: status (200, or 204 when there is no
 * body), body and Content-Type, strong ETag (may be null), Cache-Control (null: none, and the
 * security headers forbid caching as they do on the normal path) and the controller's own headers
 * (the cache's HIT header, Content-Crs), as name-value pairs.
 */
public record CachedAnswer(byte[] body, String contentType, String etag, String cacheControl, List<String> headers) {

	public CachedAnswer {
		if (headers.size() % 2 != 0) {
			throw new IllegalArgumentException("headers are name-value pairs");
		}
	}

	public int status() {
		return this.body.length == 0 ? 204 : 200;
	}

}
