package vn.landregistry.zones;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.landregistry.shared.GeoJson;
import vn.landregistry.shared.SqlWhere;

/**
 * Zones as GeoJSON, built by PostGIS in one statement; the map area is measured on the
 * spheroid (ST_Area on geography), not in degrees.
 */
@Repository
class ZoneFeatures {

	private static final String PROPERTIES = """
			json_build_object('id', z.id, 'kind', z.kind, 'code', z.code, 'name', z.name_vi, 'nameEn', z.name_en,
			  'district', d.code, 'districtName', d.name_vi, 'communes', z.communes,
			  'planStatus', z.plan_status, 'lifecycle', z.lifecycle, 'legalAreaHa', z.legal_area_ha,
			  'mapAreaHa', round(CAST(ST_Area(CAST(z.boundary AS geography)) / 10000 AS numeric), 2),
			  'boundaryAccuracy', z.boundary_accuracy, 'boundaryNote', z.boundary_note, 'developer', z.developer,
			  'decisionNo', z.decision_no, 'decisionDate', z.decision_date, 'note', z.note,
			  'source', z.source, 'figureSources', z.figure_sources,
			  'leaseLandHa', z.lease_land_ha, 'otherLandHa', z.other_land_ha, 'leasedHa', round(o.leased_ha, 4),
			  'occupancyRate', round(o.occupancy_rate, 6),
			  'availableCleanHa', (SELECT round(coalesce(sum(p.area_ha), 0), 4) FROM plot p
			                        WHERE p.zone_id = z.id AND plot_status(p.id, p.cleared_on, CAST(:today AS date)) = 'AVAILABLE_CLEAN'),
			  'version', z.version,
			  'updatedAt', z.updated_at)""";

	private static final String SELECT = "SELECT z.id AS ord, " + GeoJson.feature("z.id", "z.boundary", PROPERTIES)
			+ " AS feature FROM zone z JOIN admin_unit d ON d.id = z.district_id"
			+ " JOIN zone_occupancy(CAST(:today AS date)) o ON o.zone_id = z.id";

	private final JdbcClient jdbc;

	private final Clock clock;

	ZoneFeatures(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	String collection(ZoneFilter filter) {
		SqlWhere where = new SqlWhere().in("z.kind", "kinds", filter.kinds())
			.in("d.code", "districts", filter.districts())
			.in("z.plan_status", "statuses", filter.planStatuses())
			.intersects("z.boundary", filter.bbox())
			.param("today", today());
		return this.jdbc.sql(GeoJson.collection(SELECT + where.sql())).params(where.params()).query(String.class).single();
	}

	Optional<String> one(long id) {
		return this.jdbc.sql(SELECT + " WHERE z.id = :id").param("id", id).param("today", today())
			.query((rs, row) -> rs.getString("feature")).optional();
	}

}
