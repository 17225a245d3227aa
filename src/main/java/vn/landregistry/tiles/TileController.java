package vn.landregistry.tiles;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import vn.landregistry.shared.ContentTags;
import vn.landregistry.shared.NotFoundException;

/**
 * Vector tiles (Mapbox Vector Tile 2.1, XYZ scheme in Web Mercator) of the public layers, with a
 * TileJSON document per layer. Tiles carry a strong ETag (a hash of their bytes) and may be kept
 * for a short while only (registry.tiles.max-age), then revalidated: edits show soon. A tile
 * without features is answered 204 No Content (MapLibre and Leaflet.VectorGrid draw nothing).
 */
@RestController
@RequestMapping("/tiles")
@Tag(name = "Vector tiles", description = "Mapbox Vector Tiles of zones, plots, clearance phases and districts, "
		+ "with TileJSON 3.0.0 documents")
class TileController {

	static final String MVT_VALUE = "application/vnd.mapbox-vector-tile";

	static final MediaType MVT = MediaType.parseMediaType(MVT_VALUE);

	/** Says where a tile came from: HIT (memory), STORE (the pyramid kept in PostGIS) or MISS (made now). */
	static final String CACHE_HEADER = "X-Tile-Cache";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final TileService tiles;

	private final TileJson tileJson;

	private final CacheControl cacheControl;

	private final TilePyramid pyramid;

	private final TileStore store;

	TileController(TileService tiles, TileJson tileJson, TilePyramid pyramid, TileStore store, TileProperties properties) {
		this.tiles = tiles;
		this.pyramid = pyramid;
		this.store = store;
		this.tileJson = tileJson;
		this.cacheControl = cacheControl(properties);
	}

	static CacheControl cacheControl(TileProperties properties) {
		return CacheControl.maxAge(properties.maxAge()).cachePublic().mustRevalidate();
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The tile layers, with the address of their tiles and TileJSON document",
			description = "generalisation (plots): what the tiles draw by zoom range, as in the TileJSON document; "
					+ "pyramid: the tiles kept in PostGIS (up to storeMaxZoom) and how far this instance's seeding "
					+ "of them stands (IDLE, SEEDING, READY, FAILED, or ELSEWHERE when another instance seeds)")
	ObjectNode layers() {
		String base = base();
		ObjectNode body = JSON.createObjectNode();
		ArrayNode layers = body.putArray("layers");
		for (TileLayer layer : TileLayer.values()) {
			ObjectNode entry = layers.addObject().put("id", layer.id()).put("title", layer.title()).put("description", layer.description())
				.put("minzoom", layer.minZoom()).put("maxzoom", TileLayer.MAX_ZOOM)
				.put("tilejson", base + "/tiles/" + layer.id() + ".json")
				.put("tiles", base + "/tiles/" + layer.id() + "/{z}/{x}/{y}.mvt");
			if (!layer.generalisation().isEmpty()) {
				TileJson.generalisation(layer, entry.putArray("generalisation"));
			}
		}
		pyramid(body.putObject("pyramid"));
		return body;
	}

	@GetMapping(path = "/{layer}.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "TileJSON 3.0.0 document of a layer",
			description = "tiles (absolute URL), minzoom, maxzoom, bounds and center of the province from the data, "
					+ "vector_layers with the attributes, attribution; feature_count: how many records the layer holds. "
					+ "plots also has generalisation: by zoom range, the level drawn (zone: zone outlines with their fill "
					+ "rate, z8–12; status: plots merged by status per zone, z13; plot: every plot, from z14), what it "
					+ "draws and its attributes.")
	@ApiResponse(responseCode = "200", description = "The TileJSON document; X-Tile-Cache tells whether the server's cache had it")
	@ApiResponse(responseCode = "404", description = "Unknown layer",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	ResponseEntity<byte[]> tileJson(@Parameter(description = "zones, plots, clearance or districts") @PathVariable String layer) {
		TileLayer tileLayer = layer(layer);
		String base = base();
		TileJsonCache.Served served = this.tiles.tileJson(tileLayer, base,
				() -> JSON.writeValueAsBytes(this.tileJson.document(tileLayer, base)));
		return ResponseEntity.ok().header(CACHE_HEADER, served.hit() ? "HIT" : "MISS").contentType(MediaType.APPLICATION_JSON)
			.body(served.document());
	}

	@GetMapping("/{layer}/{z}/{x}/{y}.mvt")
	@Operation(summary = "One vector tile",
			description = "Web Mercator XYZ tile (z 0–22, x and y 0 to 2^z − 1, y from the north). Published data only. "
					+ "Few attributes at low zooms, all public ones from the layer's detail zoom; geometry simplified per "
					+ "zoom. Plots are generalised where they would be too small to see, so that no tile is costly: "
					+ "zone outlines with their fill rate at z8–12, plots merged by status per zone at z13 (no feature id; "
					+ "attribute level = zone, status or plot), each plot from z14. 204 when the tile holds no feature "
					+ "(e.g. plots below zoom 8). Strong ETag; If-None-Match "
					+ "answers 304. X-Tile-Cache tells where the tile came from: HIT (memory), STORE (the pyramid kept in "
					+ "PostGIS) or MISS (made now).")
	@ApiResponse(responseCode = "200", description = "The tile",
			content = @Content(mediaType = MVT_VALUE, schema = @Schema(type = "string", format = "binary")))
	@ApiResponse(responseCode = "204", description = "No feature in this tile")
	@ApiResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match")
	@ApiResponse(responseCode = "400", description = "z, x or y not a whole number within the grid",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "404", description = "Unknown layer",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	ResponseEntity<byte[]> tile(@Parameter(description = "zones, plots, clearance or districts") @PathVariable String layer,
			@PathVariable String z, @PathVariable String x, @PathVariable String y,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		TileLayer tileLayer = layer(layer);
		TileService.Served served = this.tiles.tile(tileLayer, TileAddress.parse(z, x, y));
		Tile tile = served.tile();
		HttpStatus status = ContentTags.noneMatch(ifNoneMatch, tile.etag()) ? HttpStatus.NOT_MODIFIED
				: tile.empty() ? HttpStatus.NO_CONTENT : HttpStatus.OK;
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status).eTag(tile.etag())
			.cacheControl(this.cacheControl).header(CACHE_HEADER, served.origin().header());
		if (status != HttpStatus.OK) {
			return response.build();
		}
		return response.contentType(MVT).contentLength(tile.bytes().length).body(tile.bytes());
	}

	private void pyramid(ObjectNode node) {
		TilePyramid.Progress progress = this.pyramid.progress();
		node.put("storeMaxZoom", this.store.maxZoom()).put("state", progress.state().name())
			.put("tilesMade", progress.made()).put("tilesKept", progress.kept());
		if (progress.seconds() != null) {
			node.put("seconds", progress.seconds());
		}
		if (progress.at() != null) {
			node.put("at", progress.at());
		}
		if (this.store.maxZoom() >= 0) {
			TileStore.Size size = this.store.recentSize();
			node.put("storedTiles", size.current()).put("storedRows", size.rows()).put("storedBytes", size.bytes());
		}
	}

	private static TileLayer layer(String id) {
		return TileLayer.find(id).orElseThrow(() -> new NotFoundException("unknown tile layer '" + id + "'; the layers are "
				+ Arrays.stream(TileLayer.values()).map(TileLayer::id).collect(Collectors.joining(", "))));
	}

	private static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
	}

}
