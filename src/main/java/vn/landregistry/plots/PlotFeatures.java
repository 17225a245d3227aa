package vn.landregistry.plots;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.landregistry.shared.GeoJson;
import vn.landregistry.shared.SqlWhere;

/** Plots as GeoJSON with their status on a day, built by PostGIS. */
@Repository
class PlotFeatures {

	private static final String PROPERTIES = """
			json_build_object('id', p.id, 'zoneId', p.zone_id, 'zone', z.code, 'zoneName', z.name_vi, 'code', p.code,
			  'areaHa', round(p.area_ha, 4), 'landUse', p.land_use, 'status', s.status, 'clearedOn', p.cleared_on,
			  'demo', p.demo, 'version', p.version)""";

	private static final String SELECT = "SELECT p.id AS ord, " + GeoJson.feature("p.id", "p.boundary", PROPERTIES)
			+ " AS feature FROM plot p JOIN zone z ON z.id = p.zone_id"
			+ " CROSS JOIN LATERAL (SELECT plot_status(p.id, p.cleared_on, CAST(:asOf AS date)) AS status) s";

	private final JdbcClient jdbc;

	PlotFeatures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String collection(PlotFilter filter) {
		SqlWhere where = new SqlWhere().in("z.code", "zones", filter.zones())
			.in("s.status", "statuses", filter.statuses())
			.intersects("p.boundary", filter.bbox())
			.param("asOf", filter.asOf());
		return this.jdbc.sql(GeoJson.collection(SELECT + where.sql())).params(where.params()).query(String.class).single();
	}

	Set<String> zoneCodes() {
		return new LinkedHashSet<>(this.jdbc.sql("SELECT code FROM zone ORDER BY code").query(String.class).list());
	}

	Optional<String> one(long id, LocalDate asOf) {
		return this.jdbc.sql(SELECT + " WHERE p.id = :id").param("id", id).param("asOf", asOf)
			.query((rs, row) -> rs.getString("feature")).optional();
	}

}
