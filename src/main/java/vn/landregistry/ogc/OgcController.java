package vn.landregistry.ogc;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import vn.landregistry.shared.AsOf;
import vn.landregistry.shared.BBox;
import vn.landregistry.shared.GeoJson;
import vn.landregistry.shared.InvalidParameterException;
import vn.landregistry.shared.NotFoundException;

/**
 * OGC API – Features, Part 1 (Core, GeoJSON, HTML, OpenAPI 3.0) under /ogc, for GIS clients (QGIS,
 * GDAL's OAPIF driver). Public data only. {@code datetime} replays zones and plots as they were
 * (an interval: its end); other collections answer with their current state.
 */
@RestController
@RequestMapping("/ogc")
@Tag(name = "OGC API - Features", description = "Standard access to the layers (Part 1: Core, GeoJSON, HTML, OpenAPI 3.0)")
class OgcController {

	static final int DEFAULT_LIMIT = 100;

	static final int MAX_LIMIT = 10_000;

	static final Set<String> ITEM_PARAMETERS = Set.of("limit", "offset", "bbox", "datetime", "f");

	static final MediaType GEO_JSON = MediaType.parseMediaType(GeoJson.MEDIA_TYPE_VALUE);

	static final String[] CONFORMANCE = { "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
			"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
			"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
			"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30" };

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final OgcCollections collections;

	private final OgcFeatures features;

	private final Clock clock;

	OgcController(OgcCollections collections, OgcFeatures features, Clock clock) {
		this.collections = collections;
		this.features = features;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Landing page")
	ResponseEntity<String> landing(@RequestParam(required = false) String f,
			@RequestHeader(name = "Accept", required = false) String accept) {
		ObjectNode body = JSON.createObjectNode().put("title", "KCN/CCN land registry — Bắc Giang")
			.put("description", "Industrial zones, plots, land clearance and districts as OGC API – Features");
		ArrayNode links = body.putArray("links");
		link(links, base() + "/ogc", "self", "application/json", "This document");
		link(links, base() + "/ogc?f=html", "alternate", "text/html", "This document as HTML");
		link(links, base() + "/v3/api-docs", "service-desc", "application/vnd.oai.openapi+json;version=3.0", "The API definition");
		link(links, base() + "/swagger-ui", "service-doc", "text/html", "The API documentation");
		link(links, base() + "/ogc/conformance", "conformance", "application/json", "Conformance classes");
		link(links, base() + "/ogc/collections", "data", "application/json", "The collections");
		return answer(body, "application/json", f, accept);
	}

	@GetMapping("/conformance")
	@Operation(summary = "The conformance classes implemented")
	ResponseEntity<String> conformance(@RequestParam(required = false) String f,
			@RequestHeader(name = "Accept", required = false) String accept) {
		ObjectNode body = JSON.createObjectNode().put("title", "Conformance");
		ArrayNode conforms = body.putArray("conformsTo");
		for (String c : CONFORMANCE) {
			conforms.add(c);
		}
		return answer(body, "application/json", f, accept);
	}

	@GetMapping("/collections")
	@Operation(summary = "The collections")
	ResponseEntity<String> collections(@RequestParam(required = false) String f,
			@RequestHeader(name = "Accept", required = false) String accept) {
		ObjectNode body = JSON.createObjectNode().put("title", "Collections");
		ArrayNode links = body.putArray("links");
		link(links, base() + "/ogc/collections", "self", "application/json", "This document");
		link(links, base() + "/ogc/collections?f=html", "alternate", "text/html", "This document as HTML");
		ArrayNode list = body.putArray("collections");
		for (OgcCollection collection : this.collections.all()) {
			list.add(describe(collection));
		}
		return answer(body, "application/json", f, accept);
	}

	@GetMapping("/collections/{id}")
	@Operation(summary = "One collection")
	ResponseEntity<String> collection(@PathVariable String id, @RequestParam(required = false) String f,
			@RequestHeader(name = "Accept", required = false) String accept) {
		return answer(describe(find(id)), "application/json", f, accept);
	}

	@GetMapping("/collections/{id}/items")
	@Operation(summary = "Features of a collection, in pages",
			description = "limit (1–10000, default 100), offset, bbox (minLon,minLat,maxLon,maxLat), datetime (an instant, "
					+ "or an interval: its end), and equality filters on the collection's queryables, e.g. kind=KCN.")
	ResponseEntity<String> items(@PathVariable String id, @RequestParam Map<String, String> query,
			@RequestHeader(name = "Accept", required = false) String accept) {
		OgcCollection collection = find(id);
		Map<String, String> filters = new LinkedHashMap<>();
		for (Map.Entry<String, String> parameter : query.entrySet()) {
			if (collection.queryables().containsKey(parameter.getKey())) {
				filters.put(parameter.getKey(), parameter.getValue());
			}
			else if (!ITEM_PARAMETERS.contains(parameter.getKey())) {
				throw new InvalidParameterException(parameter.getKey(), parameter.getValue(), "unknown parameter '"
						+ parameter.getKey() + "'; this collection takes limit, offset, bbox, datetime, f and "
						+ String.join(", ", collection.queryables().keySet()));
			}
		}
		int limit = limit(query.get("limit"));
		long offset = offset(query.get("offset"));
		Instant at = datetime(query.get("datetime"));
		OgcFeatures.Page page = this.features.page(collection, filters, BBox.parse("bbox", query.get("bbox")), at, limit,
				offset);
		ObjectNode body = (ObjectNode) JSON.readTree(page.features());
		int returned = body.get("features").size();
		body.put("numberMatched", page.matched()).put("numberReturned", returned).put("timeStamp", Instant.now(this.clock).toString());
		String items = base() + "/ogc/collections/" + id + "/items";
		String rest = rest(query);
		ArrayNode links = body.putArray("links");
		link(links, items + "?offset=" + offset + "&limit=" + limit + rest, "self", GeoJson.MEDIA_TYPE_VALUE, "This page");
		link(links, items + "?offset=" + offset + "&limit=" + limit + rest + "&f=html", "alternate", "text/html", "This page as HTML");
		if (offset + returned < page.matched()) {
			link(links, items + "?offset=" + (offset + limit) + "&limit=" + limit + rest, "next", GeoJson.MEDIA_TYPE_VALUE, "Next page");
		}
		if (offset > 0) {
			link(links, items + "?offset=" + Math.max(0, offset - limit) + "&limit=" + limit + rest, "prev",
					GeoJson.MEDIA_TYPE_VALUE, "Previous page");
		}
		return answer(body, GeoJson.MEDIA_TYPE_VALUE, query.get("f"), accept);
	}

	@GetMapping("/collections/{id}/items/{fid}")
	@Operation(summary = "One feature")
	ResponseEntity<String> item(@PathVariable String id, @PathVariable String fid,
			@RequestParam(required = false) String f, @RequestParam(required = false) String datetime,
			@RequestHeader(name = "Accept", required = false) String accept) {
		OgcCollection collection = find(id);
		long featureId;
		try {
			featureId = Long.parseLong(fid);
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException("no feature " + fid + " in " + id);
		}
		ObjectNode body = (ObjectNode) JSON.readTree(this.features.one(collection, featureId, datetime(datetime))
			.orElseThrow(() -> new NotFoundException("no feature " + fid + " in " + id)));
		ArrayNode links = body.putArray("links");
		String self = base() + "/ogc/collections/" + id + "/items/" + fid;
		link(links, self, "self", GeoJson.MEDIA_TYPE_VALUE, "This feature");
		link(links, self + "?f=html", "alternate", "text/html", "This feature as HTML");
		link(links, base() + "/ogc/collections/" + id, "collection", "application/json", "The collection");
		return answer(body, GeoJson.MEDIA_TYPE_VALUE, f, accept);
	}

	private ObjectNode describe(OgcCollection collection) {
		ObjectNode node = JSON.createObjectNode().put("id", collection.id()).put("title", collection.title())
			.put("description", collection.description()).put("itemType", "feature");
		node.putArray("crs").add("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
		double[] extent = this.features.extent(collection);
		if (extent != null) {
			ObjectNode spatial = node.putObject("extent").putObject("spatial");
			ArrayNode box = spatial.putArray("bbox").addArray();
			for (double v : extent) {
				box.add(v);
			}
			spatial.put("crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84");
		}
		String self = base() + "/ogc/collections/" + collection.id();
		ArrayNode links = node.putArray("links");
		link(links, self, "self", "application/json", "This collection");
		link(links, self + "?f=html", "alternate", "text/html", "This collection as HTML");
		link(links, self + "/items", "items", GeoJson.MEDIA_TYPE_VALUE, "Its features");
		link(links, self + "/items?f=html", "items", "text/html", "Its features as HTML");
		return node;
	}

	private OgcCollection find(String id) {
		return this.collections.find(id).orElseThrow(() -> new NotFoundException("no collection '" + id
				+ "'; the collections are zones, plots, clearance, districts"));
	}

	private static ResponseEntity<String> answer(JsonNode body, String jsonType, String f, String accept) {
		boolean html = "html".equalsIgnoreCase(f)
				|| (f == null && accept != null && accept.contains("text/html") && !accept.contains("json"));
		if (f != null && !html && !"json".equalsIgnoreCase(f)) {
			throw new InvalidParameterException("f", f, "f is json or html");
		}
		if (html) {
			return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
				.body(OgcHtml.page(body.path("title").asString(body.path("id").asString("Features")), body));
		}
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(jsonType)).body(body.toString());
	}

	private static void link(ArrayNode links, String href, String rel, String type, String title) {
		links.addObject().put("href", href).put("rel", rel).put("type", type).put("title", title);
	}

	private static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
	}

	/** The other query parameters of a page (filters, bbox, datetime), for its links. */
	private static String rest(Map<String, String> query) {
		StringBuilder rest = new StringBuilder();
		query.forEach((k, v) -> {
			if (!Set.of("limit", "offset", "f").contains(k)) {
				rest.append('&').append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
			}
		});
		return rest.toString();
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

	/** An instant, a date, or an interval a/b (its end; ".." = now); null for now. */
	private Instant datetime(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String end = text.contains("/") ? text.substring(text.indexOf('/') + 1) : text;
		if (end.isBlank() || "..".equals(end)) {
			return null;
		}
		try {
			return AsOf.parse(end, this.clock).instant();
		}
		catch (InvalidParameterException ex) {
			throw new InvalidParameterException("datetime", text,
					"datetime '" + text + "' is not RFC 3339 (e.g. 2025-01-01T00:00:00Z, 2025-01-01, or an interval ../2025-01-01)");
		}
	}

}
