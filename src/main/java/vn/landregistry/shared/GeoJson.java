package vn.landregistry.shared;

import java.util.List;

import org.springframework.http.MediaType;

/**
 * The one GeoJSON writer: PostGIS builds RFC 7946 features and collections in SQL, so no
 * coordinate passes through Java. Exterior rings are counter-clockwise (RFC 7946 section 3.1.6)
 * and coordinates keep 7 decimals (about 1 cm).
 */
public final class GeoJson {

	public static final MediaType MEDIA_TYPE = MediaType.parseMediaType("application/geo+json");

	public static final String MEDIA_TYPE_VALUE = "application/geo+json";

	/** Also answered as plain JSON to clients that ask only for that. */
	public static final String JSON_VALUE = "application/json";

	/**
	 * How a FeatureCollection put together in Java opens: the features PostgreSQL wrote follow,
	 * separated by commas, then {@code ]} and either {@code }} or further members.
	 */
	public static final String COLLECTION_START = "{\"type\":\"FeatureCollection\",\"features\":[";

	private GeoJson() {
	}

	/** SQL expression of one Feature; {@code properties} is a SQL expression of a json object. */
	public static String feature(String id, String geometry, String properties) {
		return feature(id, geometry, properties, 7);
	}

	/** The same with {@code decimals} in coordinates (e.g. 3 for metres of a projected CRS). */
	public static String feature(String id, String geometry, String properties, int decimals) {
		return "json_build_object('type', 'Feature', 'id', " + id + ", 'geometry', "
				+ "ST_AsGeoJSON(ST_ForcePolygonCCW(" + geometry + "), " + decimals + ")::json, 'properties', " + properties + ")";
	}

	/**
	 * SQL that folds the rows of {@code featureQuery} (columns {@code feature} and {@code ord})
	 * into one FeatureCollection, returned as text.
	 */
	public static String collection(String featureQuery) {
		return "SELECT json_build_object('type', 'FeatureCollection', 'features', "
				+ "coalesce(json_agg(f.feature ORDER BY f.ord), '[]'::json))::text FROM (" + featureQuery + ") f";
	}

	/** A FeatureCollection of features PostgreSQL wrote (each a JSON text), in their order. */
	public static String collectionOf(List<String> features) {
		return COLLECTION_START + String.join(",", features) + "]}";
	}

}
