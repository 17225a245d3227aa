package vn.landregistry.ogc;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import vn.landregistry.shared.CachedAnswer;
import vn.landregistry.shared.CachedAnswers;

/**
 * Items pages and features the cache holds as JSON, for the short way ({@link CachedAnswers}),
 * found by the request as it came: its path and query string, the server's address as the
 * request gives it (links are absolute; a trusted proxy's X-Forwarded-* are applied by then),
 * Accept and Accept-Language. The normal path names each JSON answer it serves so
 * ({@link OgcCache}); HTML pages go the normal way.
 */
@Component
class OgcAnswers implements CachedAnswers {

	private static final String PREFIX = "/ogc/collections/";

	private final OgcCache cache;

	OgcAnswers(OgcCache cache) {
		this.cache = cache;
	}

	@Override
	public CachedAnswer find(HttpServletRequest request) {
		String uri = request.getRequestURI();
		if (!this.cache.enabled() || !uri.startsWith(PREFIX, request.getContextPath().length()) || !uri.contains("/items")) {
			return null;
		}
		OgcAnswer answer = this.cache.cached(alias(request));
		return answer == null ? null : new CachedAnswer(answer.body(), answer.contentType().toString(), answer.etag(),
				OgcController.REVALIDATE.getHeaderValue(), List.of("Content-Crs", answer.contentCrs(), OgcController.CACHE_HEADER, "HIT"));
	}

	/** Everything the bytes of a JSON answer depend on besides the data and the day. */
	static String alias(HttpServletRequest request) {
		return String.join("\n", request.getRequestURI(), String.valueOf(request.getQueryString()), request.getScheme(),
				request.getServerName(), String.valueOf(request.getServerPort()), String.valueOf(request.getHeader("Accept")),
				String.valueOf(request.getHeader("Accept-Language")));
	}

}
