package vn.landregistry.admin;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.landregistry.shared.GeoJson;

/** District outlines as GeoJSON, built by PostGIS. */
@Repository
class DistrictFeatures {

	private static final String DISTRICTS = GeoJson.collection("""
			SELECT d.code AS ord, %s AS feature
			  FROM admin_unit d
			  LEFT JOIN admin_unit p ON p.id = d.parent_id
			 WHERE d.level = 'DISTRICT'
			   AND (CAST(:asOf AS date) IS NULL OR in_force(d.valid_from, d.valid_to, CAST(:asOf AS date)))
			""".formatted(GeoJson.feature("d.code", "d.boundary", """
			json_build_object('code', d.code, 'name', d.name_vi, 'nameEn', d.name_en, 'unitType', d.unit_type,
			                  'province', p.code, 'validFrom', d.valid_from, 'validTo', d.valid_to,
			                  'boundaryAccuracy', d.boundary_accuracy, 'boundaryNote', d.boundary_note,
			                  'source', d.source)""")));

	private final JdbcClient jdbc;

	DistrictFeatures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every district-level unit, or only those in force on {@code asOf} when given. */
	String collection(LocalDate asOf) {
		return this.jdbc.sql(DISTRICTS).param("asOf", asOf).query(String.class).single();
	}

}
