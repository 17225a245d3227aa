package vn.landregistry.admin;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.landregistry.shared.GeoJson;

/** Outlines of the units in force on a day as GeoJSON, built by PostGIS. */
@Repository
class UnitFeatures {

	private static final String PROPERTIES = """
			json_build_object('code', u.code, 'name', u.name_vi, 'nameEn', u.name_en, 'level', u.level,
			                  'unitType', u.unit_type, 'province', pr.code, 'provinceName', pr.name_vi,
			                  'validFrom', u.valid_from, 'validTo', u.valid_to, 'committee', unit_committee(u.id),
			                  'predecessors', array(SELECT a.code FROM admin_unit_succession s JOIN admin_unit a ON a.id = s.predecessor_id
			                                         WHERE s.successor_id = u.id ORDER BY a.code),
			                  'successors', array(SELECT a.code FROM admin_unit_succession s JOIN admin_unit a ON a.id = s.successor_id
			                                       WHERE s.predecessor_id = u.id ORDER BY a.code),
			                  'boundaryAccuracy', u.boundary_accuracy, 'boundaryNote', u.boundary_note, 'source', u.source)""";

	private static final String LOCAL = GeoJson.collection("""
			SELECT u.code AS ord, %s AS feature
			  FROM local_units(CAST(:day AS date)) u
			  LEFT JOIN admin_unit pr ON pr.id = unit_province_id(u.id)
			""".formatted(GeoJson.feature("u.code", "u.boundary", PROPERTIES)));

	private static final String PROVINCES = GeoJson.collection("""
			SELECT u.code AS ord, %s AS feature
			  FROM admin_unit u
			  LEFT JOIN admin_unit pr ON pr.id = u.id
			 WHERE u.level = 'PROVINCE' AND u.boundary IS NOT NULL AND in_force(u.valid_from, u.valid_to, CAST(:day AS date))
			""".formatted(GeoJson.feature("u.code", "u.boundary", PROPERTIES)));

	private static final String ONE = """
			SELECT %s FROM admin_unit u LEFT JOIN admin_unit pr ON pr.id = unit_province_id(u.id) WHERE u.code = upper(:code)
			""".formatted(GeoJson.feature("u.code", "u.boundary", PROPERTIES));

	private final JdbcClient jdbc;

	UnitFeatures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The units things are grouped by on {@code day}: districts before the 2025 reform, communes and wards after. */
	String local(LocalDate day) {
		return this.jdbc.sql(LOCAL).param("day", day).query(String.class).single();
	}

	/** One unit of any level and period, by code. */
	Optional<String> one(String code) {
		return this.jdbc.sql(ONE).param("code", code.trim()).query(String.class).optional();
	}

	/** Provinces in force on {@code day}. */
	String provinces(LocalDate day) {
		return this.jdbc.sql(PROVINCES).param("day", day).query(String.class).single();
	}

}
