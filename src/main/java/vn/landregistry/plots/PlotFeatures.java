package vn.landregistry.plots;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.landregistry.shared.AsOf;
import vn.landregistry.shared.GeoJson;
import vn.landregistry.shared.SqlWhere;

/**
 * Plots as GeoJSON with their status on a day, built by PostGIS; for a past instant replayed
 * from their history (plot_as_of). Deleted plots never show; drafts only to signed-in users.
 */
@Repository
class PlotFeatures {

	private static final String PROPERTIES = """
			json_build_object('id', p.id, 'zoneId', p.zone_id, 'zone', z.code, 'zoneName', z.name_vi, 'code', p.code,
			  'areaHa', round(p.area_ha, 4), 'landUse', p.land_use, 'status', s.status, 'clearedOn', p.cleared_on,
			  'published', p.published, 'demo', p.demo, 'version', p.version)""";

	private final JdbcClient jdbc;

	PlotFeatures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String collection(PlotFilter filter, boolean drafts) {
		SqlWhere where = visible(drafts).in("z.code", "zones", filter.zones())
			.in("s.status", "statuses", filter.statuses())
			.intersects("p.boundary", filter.bbox());
		return this.jdbc.sql(GeoJson.collection(select(filter.asOf()) + where.sql())).params(where.params())
			.param("day", filter.asOf().day()).param("at", filter.asOf().timestamp()).query(String.class).single();
	}

	Set<String> zoneCodes() {
		return new LinkedHashSet<>(this.jdbc.sql("SELECT code FROM zone ORDER BY code").query(String.class).list());
	}

	Optional<String> one(long id, AsOf asOf, boolean drafts) {
		SqlWhere where = visible(drafts);
		return this.jdbc.sql(select(asOf) + where.sql() + " AND p.id = :id").param("id", id).param("day", asOf.day())
			.param("at", asOf.timestamp()).query((rs, row) -> rs.getString("feature")).optional();
	}

	private static SqlWhere visible(boolean drafts) {
		return new SqlWhere().condition("p.deleted_at IS NULL").condition("z.deleted_at IS NULL")
			.condition(drafts ? "true" : "p.published AND z.published");
	}

	private static String select(AsOf asOf) {
		String plots = asOf.now() ? "plot p" : "plot_as_of(CAST(:at AS timestamptz)) p";
		return "SELECT p.id AS ord, " + GeoJson.feature("p.id", "p.boundary", PROPERTIES) + " AS feature FROM " + plots
				+ " JOIN zone z ON z.id = p.zone_id"
				+ " CROSS JOIN LATERAL (SELECT plot_status(p.id, p.cleared_on, CAST(:day AS date)) AS status) s";
	}

}
