package vn.landregistry.ogc;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.landregistry.shared.SqlWhere;

/**
 * Pages of a collection's features, built by PostGIS in the CRS asked for, in a stable order (the
 * order asked for, then id). PostgreSQL writes the features as compact GeoJSON text, joined into
 * the page's array, and counts the matches in the same statement and scan: the application adds
 * the envelope and passes the bytes on, never parsing them.
 */
@Repository
class OgcFeatures {

	private final JdbcClient jdbc;

	OgcFeatures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One page: its features as the UTF-8 text of their comma-separated GeoJSON (the inside of the
	 * {@code features} array), how many, and the number matched.
	 */
	record Page(byte[] features, int returned, long matched) {
	}

	/** What a page asks for: filters (queryable name to value), box, instant (null: now), order and CRS. */
	record Query(Map<String, String> filters, OgcBox box, Instant at, String orderBy, OgcCrs crs) {
	}

	/**
	 * One scan finds the matches, counts them (a window over all of them, taken before the limit)
	 * and numbers them in order; only the rows of the page become GeoJSON. A page past the last
	 * match has no row to carry the count: then a second query counts.
	 */
	Page page(OgcCollection collection, Query query, int limit, long offset) {
		SqlWhere where = where(collection, query.filters(), query.box(), query.at());
		boolean past = query.at() != null;
		String features = "SELECT row_number() OVER (ORDER BY " + query.orderBy() + ") AS ord, count(*) OVER () AS matched, "
				+ feature(collection, query.crs()) + " AS feature FROM " + withProperties(collection, past) + where.sql()
				+ " ORDER BY " + query.orderBy() + " LIMIT :limit OFFSET :offset";
		Page page = this.jdbc.sql("SELECT max(p.matched) AS matched, count(*) AS returned, "
				+ "coalesce(string_agg(p.feature, ',' ORDER BY p.ord), '') AS features FROM (" + features + ") p")
			.params(where.params()).param("limit", limit).param("offset", offset)
			.query((rs, row) -> new Page(rs.getBytes("features"), rs.getInt("returned"), rs.getLong("matched")))
			.single();
		if (page.returned() > 0 || offset == 0) {
			return page;
		}
		long matched = this.jdbc.sql("SELECT count(*) FROM " + collection.from(past) + where.sql()).params(where.params())
			.query(Long.class).single();
		return new Page(page.features(), 0, matched);
	}

	/** One feature as the UTF-8 text of its GeoJSON. */
	Optional<byte[]> one(OgcCollection collection, long id, Instant at, OgcCrs crs) {
		SqlWhere where = where(collection, Map.of(), null, at).condition("t.id = :id").param("id", id);
		return this.jdbc.sql("SELECT " + feature(collection, crs) + " FROM " + withProperties(collection, at != null)
				+ where.sql())
			.params(where.params()).query((rs, row) -> rs.getBytes(1)).optional();
	}

	/** minLon, minLat, maxLon, maxLat of what the public sees, or null when empty. */
	double[] extent(OgcCollection collection) {
		return this.jdbc.sql("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(t.boundary) AS e FROM "
				+ collection.from(false) + " WHERE " + collection.visible() + ") x")
			.query((rs, row) -> rs.getObject(1) == null ? null
					: new double[] { rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4) })
			.single();
	}

	/** The rows with their properties as a record {@code props}. */
	private static String withProperties(OgcCollection collection, boolean past) {
		return collection.from(past) + " CROSS JOIN LATERAL (SELECT " + collection.properties() + ") props";
	}

	/**
	 * SQL of one Feature as compact text: RFC 7946, exterior rings counter-clockwise, the CRS's
	 * decimals, no geometry-level "crs" member (options 0: the Content-Crs header names the CRS). Concatenated rather than built as json: PostgreSQL would otherwise parse every
	 * geometry's GeoJSON again to check it.
	 */
	private static String feature(OgcCollection collection, OgcCrs crs) {
		return "'{\"type\":\"Feature\",\"id\":' || t.id || ',\"geometry\":' || coalesce(ST_AsGeoJSON(ST_ForcePolygonCCW("
				+ crs.fromStorage("t.boundary") + "), " + crs.decimals() + ", 0), 'null') || ',\"properties\":' || "
				+ "CAST(row_to_json(props) AS text) || '}'";
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
