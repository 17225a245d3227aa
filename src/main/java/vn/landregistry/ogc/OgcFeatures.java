package vn.landregistry.ogc;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.landregistry.shared.BBox;
import vn.landregistry.shared.GeoJson;
import vn.landregistry.shared.SqlWhere;

/** Pages of a collection's features, built by PostGIS, in a stable order (by id). */
@Repository
class OgcFeatures {

	private final JdbcClient jdbc;

	OgcFeatures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One page as a FeatureCollection (features only) and the number matched. */
	record Page(String features, long matched) {
	}

	Page page(OgcCollection collection, Map<String, String> filters, BBox bbox, Instant at, int limit, long offset) {
		SqlWhere where = where(collection, filters, bbox, at);
		String from = " FROM " + collection.from(at != null) + where.sql();
		long matched = this.jdbc.sql("SELECT count(*)" + from).params(where.params()).query(Long.class).single();
		String features = this.jdbc.sql(GeoJson.collection("SELECT t.id AS ord, "
				+ GeoJson.feature("t.id", "t.boundary", collection.properties()) + " AS feature" + from
				+ " ORDER BY t.id LIMIT :limit OFFSET :offset"))
			.params(where.params()).param("limit", limit).param("offset", offset).query(String.class).single();
		return new Page(features, matched);
	}

	Optional<String> one(OgcCollection collection, long id, Instant at) {
		SqlWhere where = where(collection, Map.of(), null, at).condition("t.id = :id").param("id", id);
		return this.jdbc.sql("SELECT " + GeoJson.feature("t.id", "t.boundary", collection.properties()) + "::text FROM "
				+ collection.from(at != null) + where.sql()).params(where.params()).query(String.class).optional();
	}

	/** minLon, minLat, maxLon, maxLat of what the public sees, or null when empty. */
	double[] extent(OgcCollection collection) {
		return this.jdbc.sql("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(t.boundary) AS e FROM "
				+ collection.from(false) + " WHERE " + collection.visible() + ") x")
			.query((rs, row) -> rs.getObject(1) == null ? null
					: new double[] { rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4) })
			.single();
	}

	private static SqlWhere where(OgcCollection collection, Map<String, String> filters, BBox bbox, Instant at) {
		SqlWhere where = new SqlWhere().condition(collection.visible()).intersects("t.boundary", bbox);
		int i = 0;
		for (Map.Entry<String, String> filter : filters.entrySet()) {
			String name = "q" + i++;
			where.condition(collection.queryables().get(filter.getKey()) + " = :" + name).param(name, filter.getValue());
		}
		if (at != null) {
			where.param("at", java.sql.Timestamp.from(at));
		}
		return where;
	}

}
