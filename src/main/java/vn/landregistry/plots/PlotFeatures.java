package vn.landregistry.plots;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.landregistry.shared.GeoJson;

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
		List<String> where = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		params.put("asOf", filter.asOf());
		if (!filter.zones().isEmpty()) {
			where.add("z.code IN (:zones)");
			params.put("zones", List.copyOf(filter.zones()));
		}
		if (!filter.statuses().isEmpty()) {
			where.add("s.status IN (:statuses)");
			params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
		}
		if (filter.bbox() != null) {
			where.add("ST_Intersects(p.boundary, ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326))");
			params.put("minLon", filter.bbox().minLon());
			params.put("minLat", filter.bbox().minLat());
			params.put("maxLon", filter.bbox().maxLon());
			params.put("maxLat", filter.bbox().maxLat());
		}
		String sql = where.isEmpty() ? SELECT : SELECT + " WHERE " + String.join(" AND ", where);
		return this.jdbc.sql(GeoJson.collection(sql)).params(params).query(String.class).single();
	}

	Set<String> zoneCodes() {
		return new LinkedHashSet<>(this.jdbc.sql("SELECT code FROM zone ORDER BY code").query(String.class).list());
	}

	Optional<String> one(long id, LocalDate asOf) {
		return this.jdbc.sql(SELECT + " WHERE p.id = :id").param("id", id).param("asOf", asOf)
			.query((rs, row) -> rs.getString("feature")).optional();
	}

}
