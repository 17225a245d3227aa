package vn.landregistry.ogc;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.landregistry.shared.GeoJson;
import vn.landregistry.shared.SqlWhere;

/**
 * Pages of a collection's features, built by PostGIS in the CRS asked for, in a stable order (the
 * order asked for, then id).
 */
@Repository
class OgcFeatures {

	private final JdbcClient jdbc;

	OgcFeatures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One page as a FeatureCollection (features only) and the number matched. */
	record Page(String features, long matched) {
	}

	/** What a page asks for: filters (queryable name to value), box, instant (null: now), order and CRS. */
	record Query(Map<String, String> filters, OgcBox box, Instant at, String orderBy, OgcCrs crs) {
	}

	Page page(OgcCollection collection, Query query, int limit, long offset) {
		SqlWhere where = where(collection, query.filters(), query.box(), query.at());
		String from = " FROM " + collection.from(query.at() != null) + where.sql();
		long matched = this.jdbc.sql("SELECT count(*)" + from).params(where.params()).query(Long.class).single();
		String features = this.jdbc.sql(GeoJson.collection("SELECT row_number() OVER (ORDER BY " + query.orderBy() + ") AS ord, "
				+ feature(collection, query.crs()) + " AS feature" + from + " ORDER BY " + query.orderBy()
				+ " LIMIT :limit OFFSET :offset"))
			.params(where.params()).param("limit", limit).param("offset", offset).query(String.class).single();
		return new Page(features, matched);
	}

	Optional<String> one(OgcCollection collection, long id, Instant at, OgcCrs crs) {
		SqlWhere where = where(collection, Map.of(), null, at).condition("t.id = :id").param("id", id);
		return this.jdbc.sql("SELECT " + feature(collection, crs) + "::text FROM " + collection.from(at != null) + where.sql())
			.params(where.params()).query(String.class).optional();
	}

	/** minLon, minLat, maxLon, maxLat of what the public sees, or null when empty. */
	double[] extent(OgcCollection collection) {
		return this.jdbc.sql("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(t.boundary) AS e FROM "
				+ collection.from(false) + " WHERE " + collection.visible() + ") x")
			.query((rs, row) -> rs.getObject(1) == null ? null
					: new double[] { rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4) })
			.single();
	}

	private static String feature(OgcCollection collection, OgcCrs crs) {
		return GeoJson.feature("t.id", crs.fromStorage("t.boundary"), collection.properties(), crs.decimals());
	}

	private static SqlWhere where(OgcCollection collection, Map<String, String> filters, OgcBox box, Instant at) {
		SqlWhere where = new SqlWhere().condition(collection.visible());
		if (box != null) {
			box.restrict(where, "t.boundary");
		}
		int i = 0;
		for (Map.Entry<String, String> filter : filters.entrySet()) {
			String name = "q" + i++;
			where.condition(collection.queryable(filter.getKey()).orElseThrow().column() + " = :" + name)
				.param(name, filter.getValue());
		}
		if (at != null) {
			where.param("at", java.sql.Timestamp.from(at));
		}
		return where;
	}

}
