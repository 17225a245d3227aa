package vn.landregistry.ogc;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.Explode;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.enums.ParameterStyle;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import vn.landregistry.shared.ContentTags;
import vn.landregistry.shared.GeoJson;
import vn.landregistry.shared.NotFoundException;

/**
 * OGC API – Features under /ogc, for GIS clients (QGIS, GDAL's OAPIF driver): Part 1 (Core,
 * GeoJSON, HTML, OpenAPI 3.0), Part 2 (CRS by reference: CRS84, EPSG:4326 and Bắc Giang's VN-2000
 * plane, see {@link OgcCrs}) and Part 3's queryables, used as query parameters. Public data only.
 * {@code datetime} replays zones and plots as they were (an interval: its end); other collections
 * answer with their current state.
 */
@RestController
@RequestMapping("/ogc")
@Tag(name = "OGC API - Features",
		description = "Standard access to the layers (Part 1: Core, GeoJSON, HTML, OpenAPI 3.0; Part 2: CRS by reference; Part 3: queryables)")
class OgcController {

	static final MediaType GEO_JSON = MediaType.parseMediaType(GeoJson.MEDIA_TYPE_VALUE);

	static final String[] CONFORMANCE = { "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
			"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
			"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
			"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
			"http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
			"http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
			"http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters" };

	/** Says whether the answer came from the server's cache: HIT or MISS (absent when the cache is off). */
	static final String CACHE_HEADER = "X-Cache";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final byte[] FEATURES_OPEN = GeoJson.COLLECTION_START.getBytes(StandardCharsets.UTF_8);

	private static final MediaType HTML_UTF8 = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	/** Clients may keep pages and features but must ask again (If-None-Match) before using them: edits show at once. */
	static final CacheControl REVALIDATE = CacheControl.noCache().cachePublic();

	private final OgcCollections collections;

	private final OgcFeatures features;

	private final OgcCache cache;

	private final Clock clock;

	OgcController(OgcCollections collections, OgcFeatures features, OgcCache cache, Clock clock) {
		this.collections = collections;
		this.features = features;
		this.cache = cache;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Landing page")
	ResponseEntity<String> landing(@RequestParam(required = false) String f,
			@RequestHeader(name = "Accept", required = false) String accept) {
		ObjectNode body = JSON.createObjectNode().put("title", "KCN/CCN land registry — Bắc Giang")
			.put("description", "Industrial zones, plots, land clearance and districts as OGC API – Features");
		OgcLinks.landing(body.putArray("links"));
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
		OgcLinks.collections(body.putArray("links"));
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
			description = "Equality filters on the collection's queryables (listed at /ogc/collections/{id}/queryables) "
					+ "are further query parameters, e.g. kind=KCN.")
	@Parameters({
			@Parameter(name = "limit", in = ParameterIn.QUERY, style = ParameterStyle.FORM, explode = Explode.FALSE,
					description = "Features per page", schema = @Schema(type = "integer", minimum = "1",
							maximum = "" + OgcRequest.MAX_LIMIT, defaultValue = "" + OgcRequest.DEFAULT_LIMIT)),
			@Parameter(name = "offset", in = ParameterIn.QUERY, style = ParameterStyle.FORM, explode = Explode.FALSE,
					description = "Features skipped (paging; follow the next and prev links)",
					schema = @Schema(type = "integer", minimum = "0", defaultValue = "0")),
			@Parameter(name = "bbox", in = ParameterIn.QUERY, style = ParameterStyle.FORM, explode = Explode.FALSE,
					description = "Only features that intersect the box, in bbox-crs axis order "
							+ "(CRS84: minLon,minLat,maxLon,maxLat)",
					array = @ArraySchema(schema = @Schema(type = "number"), minItems = 4, maxItems = 6)),
			@Parameter(name = "bbox-crs", in = ParameterIn.QUERY, style = ParameterStyle.FORM, explode = Explode.FALSE,
					description = "CRS of bbox", schema = @Schema(type = "string", format = "uri",
							allowableValues = { OgcCrs.Uri.CRS84, OgcCrs.Uri.EPSG_4326, OgcCrs.Uri.EPSG_9214 },
							defaultValue = OgcCrs.Uri.CRS84)),
			@Parameter(name = "datetime", in = ParameterIn.QUERY, style = ParameterStyle.FORM, explode = Explode.FALSE,
					description = "An instant or an interval (its end): zones and plots as they were then",
					schema = @Schema(type = "string")),
			@Parameter(name = "crs", in = ParameterIn.QUERY, style = ParameterStyle.FORM, explode = Explode.FALSE,
					description = "CRS of the geometries in the answer (see the Content-Crs header)",
					schema = @Schema(type = "string", format = "uri",
							allowableValues = { OgcCrs.Uri.CRS84, OgcCrs.Uri.EPSG_4326, OgcCrs.Uri.EPSG_9214 },
							defaultValue = OgcCrs.Uri.CRS84)),
			@Parameter(name = "sortby", in = ParameterIn.QUERY, style = ParameterStyle.FORM, explode = Explode.FALSE,
					description = "Order of the features: queryables separated by commas, each optionally prefixed by + "
							+ "(ascending, the default) or - (descending); ties by id",
					array = @ArraySchema(schema = @Schema(type = "string"))),
			@Parameter(name = "f", in = ParameterIn.QUERY, description = "Encoding",
					schema = @Schema(type = "string", allowableValues = { "json", "html" })) })
	@ApiResponse(responseCode = "200", description = "The page; ETag and X-Cache (HIT or MISS: whether the server's cache had it)")
	@ApiResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match")
	ResponseEntity<byte[]> items(@PathVariable String id, @Parameter(hidden = true) @RequestParam Map<String, String> query,
			@RequestHeader(name = "Accept", required = false) String accept,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			HttpServletRequest request) {
		OgcCollection collection = find(id);
		OgcRequest items = OgcRequest.items(collection, query, accept, this.clock);
		String href = OgcLinks.collection(id) + "/items";
		// the links repeat the other parameters as given: they are part of the key as they are
		String key = String.join("\n", "items", id, LocalDate.now(this.clock).toString(), items.html() ? "html" : "json", href,
				items.offset() + "/" + items.limit(), items.rest());
		return served(this.cache.serve(id, key, items.html() ? null : OgcAnswers.alias(request),
				() -> page(collection, items, href)), ifNoneMatch);
	}

	@GetMapping("/collections/{id}/items/{fid}")
	@Operation(summary = "One feature")
	@ApiResponse(responseCode = "200", description = "The feature; ETag and X-Cache (HIT or MISS: whether the server's cache had it)")
	@ApiResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match")
	ResponseEntity<byte[]> item(@PathVariable String id, @PathVariable String fid,
			@RequestParam(required = false) String f, @RequestParam(required = false) String datetime,
			@Parameter(description = "CRS of the geometry in the answer", schema = @Schema(type = "string", format = "uri",
					allowableValues = { OgcCrs.Uri.CRS84, OgcCrs.Uri.EPSG_4326, OgcCrs.Uri.EPSG_9214 },
					defaultValue = OgcCrs.Uri.CRS84)) @RequestParam(required = false) String crs,
			@RequestHeader(name = "Accept", required = false) String accept,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			HttpServletRequest request) {
		OgcCollection collection = find(id);
		OgcCrs in = OgcCrs.parse("crs", crs);
		long featureId;
		try {
			featureId = Long.parseLong(fid);
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException("no feature " + fid + " in " + id);
		}
		Instant at = OgcRequest.datetime(datetime, this.clock);
		boolean html = OgcRequest.wantsHtml(f, accept);
		String self = OgcLinks.collection(id) + "/items/" + fid;
		String key = String.join("\n", "item", id, LocalDate.now(this.clock).toString(), html ? "html" : "json", self,
				String.valueOf(at), in.name());
		return served(this.cache.serve(id, key, html ? null : OgcAnswers.alias(request), () -> {
			byte[] feature = this.features.one(collection, featureId, at, in)
				.orElseThrow(() -> new NotFoundException("no feature " + fid + " in " + id));
			ObjectNode tail = JSON.createObjectNode();
			OgcLinks.feature(tail.putArray("links"), self, id);
			// the feature's closing brace gives way to its links
			return encoded(join(Arrays.copyOf(feature, feature.length - 1), ",", tail), GEO_JSON, html, in);
		}), ifNoneMatch);
	}

	@GetMapping("/collections/{id}/queryables")
	@Operation(summary = "The properties one may filter the collection's items on",
			description = "A JSON Schema (OGC API – Features Part 3); each property is also a query parameter of the items")
	ResponseEntity<String> queryables(@PathVariable String id, @RequestParam(required = false) String f,
			@RequestHeader(name = "Accept", required = false) String accept) {
		OgcCollection collection = find(id);
		String self = OgcLinks.collection(id) + "/queryables";
		ObjectNode schema = JSON.createObjectNode().put("$schema", "https://json-schema.org/draft/2020-12/schema")
			.put("$id", self)
			.put("type", "object")
			.put("title", collection.title())
			.put("description", "Filters of " + self.replace("/queryables", "/items")
					+ ": name=value, equality; several filters must all hold");
		ObjectNode properties = schema.putObject("properties");
		collection.queryables().forEach(q -> properties.set(q.name(), q.schema()));
		schema.put("additionalProperties", false);
		if (OgcRequest.wantsHtml(f, accept)) {
			ObjectNode page = schema.deepCopy();
			OgcLinks.queryables(page.putArray("links"), self, id);
			return answer(page, OgcLinks.SCHEMA_JSON, "html", accept);
		}
		return answer(schema, OgcLinks.SCHEMA_JSON, f, accept);
	}

	/** One page: the features as PostgreSQL wrote them, in an envelope of counts and links. */
	private OgcAnswer page(OgcCollection collection, OgcRequest items, String href) {
		OgcFeatures.Page page = this.features.page(collection, items.select(), items.limit(), items.offset());
		ObjectNode tail = JSON.createObjectNode().put("numberMatched", page.matched()).put("numberReturned", page.returned())
			.put("timeStamp", Instant.now(this.clock).toString());
		OgcLinks.page(tail.putArray("links"), collection.id(), href, items.rest(), items.limit(), items.offset(),
				page.returned(), page.matched());
		byte[] json = join(join(FEATURES_OPEN, page.features()), "],", tail);
		return encoded(json, GEO_JSON, items.html(), items.crs());
	}

	/** The JSON as sent, or its HTML page. */
	private static OgcAnswer encoded(byte[] json, MediaType jsonType, boolean html, OgcCrs crs) {
		if (html) {
			JsonNode body = JSON.readTree(json);
			byte[] page = OgcHtml.page(body.path("title").asString(body.path("id").asString("Features")), body)
				.getBytes(StandardCharsets.UTF_8);
			return OgcAnswer.of(page, HTML_UTF8, crs.header());
		}
		return OgcAnswer.of(json, jsonType, crs.header());
	}

	private ResponseEntity<byte[]> served(OgcCache.Served served, String ifNoneMatch) {
		OgcAnswer answer = served.answer();
		boolean notModified = ContentTags.noneMatch(ifNoneMatch, answer.etag());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(notModified ? HttpStatus.NOT_MODIFIED : HttpStatus.OK)
			.eTag(answer.etag()).cacheControl(REVALIDATE).header("Content-Crs", answer.contentCrs());
		if (served.hit() != null) {
			response.header(CACHE_HEADER, served.hit() ? "HIT" : "MISS");
		}
		if (notModified) {
			return response.build();
		}
		return response.contentType(answer.contentType()).body(answer.body());
	}

	/** {@code head}, then {@code separator} and the members of {@code tail} (an object without its opening brace). */
	private static byte[] join(byte[] head, String separator, ObjectNode tail) {
		String members = tail.toString().substring(1);
		return join(head, (separator + members).getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] join(byte[] a, byte[] b) {
		byte[] joined = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, joined, a.length, b.length);
		return joined;
	}

	private ObjectNode describe(OgcCollection collection) {
		ObjectNode node = JSON.createObjectNode();
		OgcLinks.describe(node, collection, this.features.extent(collection));
		return node;
	}

	private OgcCollection find(String id) {
		return this.collections.find(id).orElseThrow(() -> new NotFoundException("no collection '" + id
				+ "'; the collections are zones, plots, clearance, districts"));
	}

	private static ResponseEntity<String> answer(JsonNode body, String jsonType, String f, String accept) {
		if (OgcRequest.wantsHtml(f, accept)) {
			return ResponseEntity.ok().contentType(HTML_UTF8)
				.body(OgcHtml.page(body.path("title").asString(body.path("id").asString("Features")), body));
		}
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(jsonType)).body(body.toString());
	}

}
