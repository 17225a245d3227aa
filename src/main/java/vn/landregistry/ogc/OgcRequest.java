package vn.landregistry.ogc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import vn.landregistry.shared.AsOf;
import vn.landregistry.shared.InvalidParameterException;

/**
 * The parameters of an items request, read and checked in one place (as pg_featureserv's api
 * package does): paging, bbox and its CRS, the answer's CRS, datetime, sortby, the queryables'
 * filters and the encoding. Anything else is refused, naming what the collection takes.
 *
 * @param rest the other parameters as given (filters, bbox, crs, datetime, sortby), for the page's links
 */
record OgcRequest(Map<String, String> filters, int limit, long offset, OgcBox box, Instant at, String orderBy,
		OgcCrs crs, boolean html, String rest) {

	static final int DEFAULT_LIMIT = 100;

	static final int MAX_LIMIT = 10_000;

	static final Set<String> ITEM_PARAMETERS = Set.of("limit", "offset", "bbox", "bbox-crs", "datetime", "crs", "sortby", "f");

	private static final Set<String> PAGING = Set.of("limit", "offset", "f");

	static OgcRequest items(OgcCollection collection, Map<String, String> query, String accept, Clock clock) {
		Map<String, String> filters = filters(collection, query);
		int limit = limit(query.get("limit"));
		long offset = offset(query.get("offset"));
		OgcCrs crs = OgcCrs.parse("crs", query.get("crs"));
		OgcBox box = OgcBox.parse(query.get("bbox"), OgcCrs.parse("bbox-crs", query.get("bbox-crs")));
		Instant at = datetime(query.get("datetime"), clock);
		String orderBy = orderBy(collection, query.get("sortby"));
		boolean html = wantsHtml(query.get("f"), accept);
		return new OgcRequest(filters, limit, offset, box, at, orderBy, crs, html, rest(query));
	}

	OgcFeatures.Query select() {
		return new OgcFeatures.Query(this.filters, this.box, this.at, this.orderBy, this.crs);
	}

	/** Whether to answer with HTML: {@code f=html}, or no f and an Accept that prefers HTML to JSON. */
	static boolean wantsHtml(String f, String accept) {
		boolean html = "html".equalsIgnoreCase(f)
				|| (f == null && accept != null && accept.contains("text/html") && !accept.contains("json"));
		if (f != null && !html && !"json".equalsIgnoreCase(f)) {
			throw new InvalidParameterException("f", f, "f is json or html");
		}
		return html;
	}

	/** An instant, a date, or an interval a/b (its end; ".." = now); null for now. */
	static Instant datetime(String text, Clock clock) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String end = text.contains("/") ? text.substring(text.indexOf('/') + 1) : text;
		if (end.isBlank() || "..".equals(end)) {
			return null;
		}
		try {
			return AsOf.parse(end, clock).instant();
		}
		catch (InvalidParameterException ex) {
			throw new InvalidParameterException("datetime", text,
					"datetime '" + text + "' is not RFC 3339 (e.g. 2025-01-01T00:00:00Z, 2025-01-01, or an interval ../2025-01-01)");
		}
	}

	private static Map<String, String> filters(OgcCollection collection, Map<String, String> query) {
		Map<String, String> filters = new LinkedHashMap<>();
		for (Map.Entry<String, String> parameter : query.entrySet()) {
			Optional<OgcQueryable> queryable = collection.queryable(parameter.getKey());
			if (queryable.isPresent()) {
				filters.put(parameter.getKey(), queryable.get().accept(parameter.getValue()));
			}
			else if (!ITEM_PARAMETERS.contains(parameter.getKey())) {
				throw new InvalidParameterException(parameter.getKey(), parameter.getValue(), "unknown parameter '"
						+ parameter.getKey() + "'; this collection takes " + String.join(", ", new TreeSet<>(ITEM_PARAMETERS))
						+ " and its queryables " + String.join(", ", collection.queryableNames()));
			}
		}
		return filters;
	}

	private static int limit(String text) {
		if (text == null || text.isBlank()) {
			return DEFAULT_LIMIT;
		}
		try {
			int limit = Integer.parseInt(text.trim());
			if (limit >= 1 && limit <= MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new InvalidParameterException("limit", text, "limit is a whole number from 1 to " + MAX_LIMIT);
	}

	private static long offset(String text) {
		if (text == null || text.isBlank()) {
			return 0;
		}
		try {
			long offset = Long.parseLong(text.trim());
			if (offset >= 0) {
				return offset;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new InvalidParameterException("offset", text, "offset is a whole number from 0");
	}

	/**
	 * SQL order of a page from {@code sortby}: queryables, each optionally prefixed by + or - (a + may
	 * arrive decoded as a space); ties, and no sortby, by id.
	 */
	private static String orderBy(OgcCollection collection, String sortby) {
		if (sortby == null || sortby.isBlank()) {
			return "t.id";
		}
		StringBuilder order = new StringBuilder();
		for (String key : sortby.split(",")) {
			String name = key.strip();
			boolean descending = name.startsWith("-");
			if (descending || name.startsWith("+")) {
				name = name.substring(1);
			}
			String sortable = name;
			OgcQueryable queryable = collection.queryable(sortable).orElseThrow(() -> new InvalidParameterException("sortby",
					sortby, "cannot sort by '" + sortable + "'; sort by " + String.join(", ", collection.queryableNames())));
			order.append(queryable.column()).append(descending ? " DESC, " : " ASC, ");
		}
		return order.append("t.id").toString();
	}

	/** The other query parameters of a page (filters, bbox, datetime), for its links. */
	private static String rest(Map<String, String> query) {
		StringBuilder rest = new StringBuilder();
		query.forEach((k, v) -> {
			if (!PAGING.contains(k)) {
				rest.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
			}
		});
		return rest.toString();
	}

}
