package vn.landregistry.tiles;

import java.util.List;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * TileJSON 3.0.0 documents of the layers, for MapLibre, Leaflet.VectorGrid, QGIS and GDAL. Beside
 * the standard fields, {@code feature_count} tells how many records the layer holds in all, and,
 * for a layer drawn generalised at some zooms, {@code generalisation} what its tiles draw by zoom
 * ({@code level}, {@code minzoom}, {@code maxzoom}, {@code content}, {@code fields}).
 */
@Component
class TileJson {

	static final String VERSION = "3.0.0";

	static final String ATTRIBUTION = "KCN/CCN land registry, Bắc Giang; boundaries marked APPROXIMATE were not surveyed";

	/** Where a map of a layer opens, unless its tiles begin further in. */
	private static final int CENTER_ZOOM = 10;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final TileSource source;

	TileJson(TileSource source) {
		this.source = source;
	}

	/** The document of a layer whose tiles are at {@code base}/tiles/{layer}/{z}/{x}/{y}.mvt. */
	ObjectNode document(TileLayer layer, String base) {
		ObjectNode doc = JSON.createObjectNode().put("tilejson", VERSION).put("name", layer.id())
			.put("description", layer.title() + ": " + layer.description()).put("version", "1.0.0")
			.put("attribution", ATTRIBUTION).put("scheme", "xyz");
		doc.putArray("tiles").add(base + "/tiles/" + layer.id() + "/{z}/{x}/{y}.mvt");
		doc.put("minzoom", layer.minZoom()).put("maxzoom", TileLayer.MAX_ZOOM);
		List<Double> bounds = this.source.bounds();
		if (bounds.isEmpty()) {
			bounds = List.of(-180.0, -85.0511287798066, 180.0, 85.0511287798066);
		}
		ArrayNode box = doc.putArray("bounds");
		bounds.forEach(box::add);
		doc.putArray("center").add((bounds.get(0) + bounds.get(2)) / 2).add((bounds.get(1) + bounds.get(3)) / 2)
			.add(Math.max(layer.minZoom(), CENTER_ZOOM));
		ObjectNode vectorLayer = doc.putArray("vector_layers").addObject().put("id", layer.id())
			.put("description", layer.description()).put("minzoom", layer.minZoom()).put("maxzoom", TileLayer.MAX_ZOOM);
		ObjectNode fields = vectorLayer.putObject("fields");
		layer.fields().forEach(fields::put);
		doc.put("feature_count", this.source.count(layer));
		if (!layer.generalisation().isEmpty()) {
			generalisation(layer, doc.putArray("generalisation"));
		}
		return doc;
	}

	/** The zoom ranges of a generalised layer, as the TileJSON document and the layer list give them. */
	static void generalisation(TileLayer layer, ArrayNode ranges) {
		for (Generalisation g : layer.generalisation()) {
			ObjectNode range = ranges.addObject().put("level", g.level()).put("minzoom", g.minZoom())
				.put("maxzoom", g.maxZoom()).put("content", g.content());
			g.fields().forEach(range.putArray("fields")::add);
		}
	}

}
