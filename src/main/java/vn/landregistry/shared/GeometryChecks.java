package vn.landregistry.shared;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place that validates geometry sent by users, done by PostGIS: it must be GeoJSON, a
 * Polygon or MultiPolygon in lon/lat, of at most registry.limits.max-vertices vertices, and valid. An invalid shape is refused with the reason and
 * ST_MakeValid's result as a suggestion, never repaired silently.
 */
@Component
public class GeometryChecks {

	private static final String CHECK = """
			SELECT GeometryType(g) AS type, n AS vertices, n > :max OR ST_IsValid(g) AS valid,
			       CASE WHEN n <= :max THEN ST_IsValidReason(g) END AS reason,
			       ST_XMin(g) AS min_x, ST_YMin(g) AS min_y, ST_XMax(g) AS max_x, ST_YMax(g) AS max_y,
			       CASE WHEN n <= :max AND NOT ST_IsValid(g) THEN ST_AsGeoJSON(ST_CollectionExtract(ST_MakeValid(g), 3), 7) END AS suggestion
			  FROM (SELECT g, ST_NPoints(g) AS n FROM ST_GeomFromGeoJSON(CAST(:geojson AS text)) AS g) s""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final int maxVertices;

	GeometryChecks(JdbcClient jdbc, RequestLimits limits) {
		this.jdbc = jdbc;
		this.maxVertices = limits.maxVertices();
	}

	/** Checks a GeoJSON polygon sent in {@code field}; returns normally when it can be stored. */
	public void requireValidPolygon(String field, String geoJson) {
		if (geoJson == null || geoJson.isBlank() || "null".equals(geoJson)) {
			throw new InvalidParameterException(field, null, field + " is required: a GeoJSON Polygon or MultiPolygon");
		}
		Map<String, Object> row;
		try {
			row = this.jdbc.sql(CHECK).param("geojson", geoJson).param("max", this.maxVertices).query().singleRow();
		}
		catch (DataAccessException ex) {
			throw new InvalidParameterException(field, abbreviate(geoJson),
					field + " is not a readable GeoJSON geometry: " + DatabaseRules.rootMessage(ex));
		}
		String type = (String) row.get("type");
		if (!"POLYGON".equals(type) && !"MULTIPOLYGON".equals(type)) {
			throw new UnprocessableException("polygon_required",
					field + " must be a Polygon or MultiPolygon, not " + type);
		}
		long vertices = ((Number) row.get("vertices")).longValue();
		if (vertices > this.maxVertices) {
			throw new UnprocessableException("vertices_at_most",
					field + " has " + vertices + " vertices, more than the limit of " + this.maxVertices
							+ ": simplify the shape (e.g. ST_Simplify or ogr2ogr -simplify) and send it again",
					Map.<String, Object>of("vertices", vertices, "maxVertices", this.maxVertices));
		}
		double minX = ((Number) row.get("min_x")).doubleValue();
		double maxX = ((Number) row.get("max_x")).doubleValue();
		double minY = ((Number) row.get("min_y")).doubleValue();
		double maxY = ((Number) row.get("max_y")).doubleValue();
		if (minX < -180 || maxX > 180 || minY < -90 || maxY > 90) {
			throw new UnprocessableException("lon_lat_required",
					field + " has coordinates outside longitude/latitude range: GeoJSON is [longitude, latitude] in WGS 84");
		}
		if (!Boolean.TRUE.equals(row.get("valid"))) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("reason", row.get("reason"));
			if (row.get("suggestion") != null) {
				details.put("suggestion", JSON.readTree(row.get("suggestion").toString()));
			}
			throw new UnprocessableException("geometry_valid",
					field + " is not a valid polygon: " + row.get("reason")
							+ ". A corrected shape is offered in 'suggestion'; it was not applied.",
					details);
		}
	}

	private static String abbreviate(String text) {
		return text.length() <= 200 ? text : text.substring(0, 200) + "…";
	}

}
