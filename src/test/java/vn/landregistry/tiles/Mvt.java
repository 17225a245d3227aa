package vn.landregistry.tiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** A decoded Mapbox Vector Tile: its layers by name, each a list of features (attributes, geometry in tile units). */
record Mvt(Map<String, List<Feature>> layers) {

	static Mvt decode(byte[] bytes) {
		try {
			Map<String, List<Feature>> layers = new LinkedHashMap<>();
			for (JtsLayer layer : MvtReader.loadMvt(new ByteArrayInputStream(bytes), new GeometryFactory(),
					new TagKeyValueMapConverter(false, "mvtId"), MvtReader.RING_CLASSIFIER_V2_1).getLayers()) {
				List<Feature> features = new ArrayList<>();
				for (Geometry geometry : layer.getGeometries()) {
					@SuppressWarnings("unchecked")
					Map<String, Object> attributes = (Map<String, Object>) geometry.getUserData();
					features.add(new Feature(attributes, geometry));
				}
				layers.put(layer.getName(), features);
			}
			return new Mvt(layers);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<Feature> layer(String name) {
		return this.layers.getOrDefault(name, List.of());
	}

	/** The feature with this record id in the layer, if the tile has it. */
	Feature feature(String layer, long id) {
		return layer(layer).stream().filter(f -> f.id() == id).findFirst().orElse(null);
	}

	record Feature(Map<String, Object> attributes, Geometry geometry) {

		long id() {
			return ((Number) this.attributes.get("mvtId")).longValue();
		}

		Object get(String name) {
			return this.attributes.get(name);
		}

	}

}
