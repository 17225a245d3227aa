package vn.landregistry.exchange;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The per-feature report of a staged batch, worked out by PostGIS over the whole batch at once:
 * which record each feature matches by code (update) or creates, and its problems — errors that
 * stop the commit (unreadable or invalid geometry, not a polygon, too many vertices, outside the
 * province or its zone, overlap, duplicate code, missing or unreadable values) and warnings that do
 * not (area far from the legal or declared area). The same rules the editing API and the database
 * triggers apply, so a clean report commits.
 */
@Component
class ImportChecks {

	/** Area (m²) by which shapes may overlap or stick out, for rounding at shared edges. */
	static final double PLOT_TOLERANCE_M2 = 1;

	static final double ZONE_OVERLAP_TOLERANCE_M2 = 100;

	static final double AREA_WARNING_SHARE = 0.10;

	private final JdbcClient jdbc;

	private final ExchangeProperties limits;

	ImportChecks(JdbcClient jdbc, ExchangeProperties limits) {
		this.jdbc = jdbc;
		this.limits = limits;
	}

	/**
	 * The registry's state as far as the checks read it: the latest recorded change (zones, plots,
	 * leases, clearance phases) and the latest change of an administrative unit.
	 */
	static final String STAMP = "SELECT coalesce((SELECT max(id) FROM change_history), 0) || ':' "
			+ "|| coalesce((SELECT max(updated_at)::text FROM admin_unit), '') || ':' || (SELECT count(*) FROM admin_unit)";

	/** Works out matches and problems anew (after a new mapping, or once the shapes are read). */
	void check(long batch, Mapping mapping) {
		String stamp = this.jdbc.sql(STAMP).query(String.class).single();
		run(batch, "UPDATE import_feature f SET problems = '[]'::jsonb, match_id = NULL, action = 'CREATE', shift_m = NULL, "
				+ "code = " + code(mapping) + ", area_ha = ST_Area(f.geom::geography) / 10000 WHERE f.batch_id = :b");
		geometry(batch, mapping.target());
		values(batch, mapping);
		duplicates(batch);
		switch (mapping.target()) {
			case ZONE -> zones(batch, mapping);
			case PLOT -> plots(batch, mapping);
			case CLEARANCE_PHASE -> phases(batch, mapping);
			case ADMIN_UNIT -> units(batch, mapping);
		}
		run(batch, "UPDATE import_feature f SET shift_m = ST_HausdorffDistance(ST_Transform(f.geom, 3857), "
				+ "ST_Transform(r.boundary, 3857)) * cos(radians(ST_Y(ST_Centroid(f.geom)))) FROM " + mapping.target().table()
				+ " r WHERE f.batch_id = :b AND r.id = f.match_id AND f.geom IS NOT NULL AND r.boundary IS NOT NULL "
				+ "AND GeometryType(f.geom) IN ('POLYGON', 'MULTIPOLYGON')");
		this.jdbc.sql("UPDATE import_batch SET checked_stamp = :stamp WHERE id = :b").param("stamp", stamp).param("b", batch)
			.update();
	}

	/** The rule of a commit refused because features have errors. */
	static final String HAS_ERRORS = "import_has_errors";

	/** 409 while any feature of the batch has an error. */
	void requireNoErrors(long batch) {
		int errors = this.jdbc.sql("SELECT count(*) FROM import_feature WHERE batch_id = :b AND problems @> '[{\"level\": \"ERROR\"}]'")
			.param("b", batch).query(Integer.class).single();
		if (errors > 0) {
			throw new ExchangeException(HttpStatus.CONFLICT, HAS_ERRORS, errors
					+ " feature(s) have errors: correct the file or the mapping, or commit without them (skipErrors)");
		}
	}

	/** Whether the report still holds: nothing it read has changed since, and the mapping is the same. */
	boolean current(long batch) {
		return this.jdbc.sql("SELECT checked_stamp = (" + STAMP + ") FROM import_batch WHERE id = :b").param("b", batch)
			.query(Boolean.class).optional().orElse(false);
	}

	private static String code(Mapping mapping) {
		String raw = mapping.raw("code");
		return switch (mapping.target()) {
			case ZONE, ADMIN_UNIT -> "upper(" + raw + ")";
			default -> raw;
		};
	}

	private void geometry(long batch, ImportTarget target) {
		problem(batch, "ERROR", "geometry_unreadable", "'the geometry cannot be read'",
				"f.source_json IS NOT NULL AND f.source_geom IS NULL");
		problem(batch, "ERROR", "too_many_vertices",
				"'the shape has ' || ST_NPoints(f.source_geom) || ' vertices, more than the limit of " + this.limits.maxVertices()
						+ "'",
				"f.source_geom IS NOT NULL AND f.geom IS NULL");
		problem(batch, "ERROR", "polygon_required",
				"'a ' || lower(GeometryType(f.geom)) || ' where a polygon is expected'",
				"f.geom IS NOT NULL AND GeometryType(f.geom) NOT IN ('POLYGON', 'MULTIPOLYGON')");
		problem(batch, "ERROR", "geometry_valid", "'invalid polygon: ' || ST_IsValidReason(f.geom)",
				"f.geom IS NOT NULL AND GeometryType(f.geom) IN ('POLYGON', 'MULTIPOLYGON') AND NOT ST_IsValid(f.geom)");
		problem(batch, "ERROR", "geometry_empty", "'the shape is empty'", "f.geom IS NOT NULL AND ST_IsEmpty(f.geom)");
		problem(batch, "ERROR", "outside_vietnam",
				"'the shape lies outside Vietnam (' || round(ST_X(ST_Centroid(f.geom))::numeric, 4) || ', ' "
						+ "|| round(ST_Y(ST_Centroid(f.geom))::numeric, 4) || ')'",
				"f.geom IS NOT NULL AND NOT ST_IsEmpty(f.geom) AND NOT ST_Intersects(f.geom, " + CrsCheck.SERVICE_AREA + ")");
	}

	/** Values present in the file that cannot be read as their field's type. */
	private void values(long batch, Mapping mapping) {
		for (ImportTarget.Field field : mapping.target().fields()) {
			if (mapping.has(field.name()) && field.type() != ImportTarget.Type.TEXT) {
				String attribute = mapping.attributes().get(field.name());
				problem(batch, "ERROR", "value_type",
						Mapping.literal(attribute + " = '") + " || " + mapping.raw(field.name()) + " || "
								+ Mapping.literal("' is not " + (field.type() == ImportTarget.Type.DATE
										? "a date (YYYY-MM-DD or DD/MM/YYYY)" : "a number") + " (" + field.name() + ")"),
						mapping.raw(field.name()) + " IS NOT NULL AND " + mapping.value(field.name()) + " IS NULL");
			}
		}
		problem(batch, "ERROR", "code_required", "'no code: every record is matched or created by its code'",
				"f.code IS NULL");
	}

	private void duplicates(long batch) {
		problem(batch, "ERROR", "duplicate_code",
				"'code ' || f.code || ' appears ' || d.times || ' times in the file (features ' || d.ns || ')'",
				"f.code = d.code", "(SELECT code, count(*) AS times, string_agg(n::text, ', ' ORDER BY n) AS ns "
						+ "FROM import_feature WHERE batch_id = :b AND code IS NOT NULL GROUP BY code HAVING count(*) > 1) d");
	}

	private void zones(long batch, Mapping m) {
		run(batch, "UPDATE import_feature f SET match_id = z.id, action = 'UPDATE' FROM zone z WHERE f.batch_id = :b AND z.code = f.code "
				+ "AND z.deleted_at IS NULL");
		actions(batch);
		required(batch, m, "kind", "name_vi");
		allowed(batch, m, "kind", "KCN", "CCN");
		allowed(batch, m, "lifecycle", "PLANNED", "APPROVED", "UNDER_CONSTRUCTION", "OPERATING");
		allowed(batch, m, "plan_status", "EXISTING", "NEW", "EXPANDED", "MERGED_INTO_KCN", "REMOVED");
		String kind = "coalesce(upper(" + m.raw("kind") + "), (SELECT kind FROM zone WHERE id = f.match_id))";
		problem(batch, "ERROR", "zone_inside_province",
				"'the zone lies ' || round((ST_Area(ST_Difference(f.geom, p.boundary)::geography) / 10000)::numeric, 2) "
						+ "|| ' ha outside the province'",
				polygon() + " AND ST_Area(ST_Difference(f.geom, p.boundary)::geography) > 1",
				"(SELECT ST_Union(boundary) AS boundary FROM admin_unit WHERE level = 'PROVINCE' AND boundary IS NOT NULL "
						+ "AND (valid_to IS NULL OR valid_to >= registry_today())) p");
		problem(batch, "ERROR", "zone_overlap",
				"'overlaps zone ' || z.code || ' by ' || round(ST_Area(ST_Intersection(z.boundary, f.geom)::geography)::numeric) || ' m²'",
				polygon() + " AND z.kind = " + kind + " AND z.deleted_at IS NULL AND z.id IS DISTINCT FROM f.match_id "
						+ "AND z.code NOT IN (SELECT code FROM import_feature WHERE batch_id = :b AND code IS NOT NULL AND geom IS NOT NULL) "
						+ "AND ST_Intersects(z.boundary, f.geom) AND ST_Area(ST_Intersection(z.boundary, f.geom)::geography) > "
						+ ZONE_OVERLAP_TOLERANCE_M2,
				"zone z");
		inFileOverlap(batch, ZONE_OVERLAP_TOLERANCE_M2, "coalesce(upper(" + m.raw("kind").replace("f.", "o.") + "), 'x') = "
				+ "coalesce(upper(" + m.raw("kind") + "), 'x')");
		problem(batch, "WARNING", "area_vs_legal",
				"'mapped area ' || round(f.area_ha::numeric, 2) || ' ha differs from the legal area ' || l.legal || ' ha by ' "
						+ "|| round((100 * abs(f.area_ha - l.legal) / l.legal)::numeric) || ' %'",
				"f.area_ha IS NOT NULL AND l.legal > 0 AND abs(f.area_ha - l.legal) > " + AREA_WARNING_SHARE + " * l.legal",
				"LATERAL (SELECT coalesce(" + m.value("legal_area_ha") + ", (SELECT legal_area_ha FROM zone WHERE id = f.match_id)) AS legal) l");
		problem(batch, "ERROR", "outside_districts", "'the zone lies in no district or commune the registry knows'",
				polygon() + " AND NOT EXISTS (SELECT 1 FROM admin_unit d WHERE d.level = 'DISTRICT' AND ST_Intersects(d.boundary, f.geom))");
	}

	private void plots(long batch, Mapping m) {
		locateZones(batch, m);
		run(batch, "UPDATE import_feature f SET match_id = p.id, action = 'UPDATE' FROM plot p WHERE f.batch_id = :b AND p.code = f.code "
				+ "AND p.zone_id = (f.properties ->> '@zone_id')::bigint AND p.deleted_at IS NULL");
		actions(batch);
		problem(batch, "ERROR", "zone_unknown", "CASE WHEN " + m.raw("zone") + " IS NOT NULL THEN 'zone ' || " + m.raw("zone")
				+ " || ' is not in the registry' ELSE 'the plot lies in no zone (and the file names none)' END",
				"f.properties ->> '@zone_id' IS NULL");
		allowed(batch, m, "land_use", "INDUSTRIAL", "LOGISTICS", "SERVICE");
		problem(batch, "ERROR", "plot_inside_zone",
				"'the plot lies ' || round(ST_Area(ST_Difference(f.geom, z.boundary)::geography)::numeric, 1) || ' m² outside zone ' || z.code",
				polygon() + " AND z.id = (f.properties ->> '@zone_id')::bigint AND ST_Area(ST_Difference(f.geom, z.boundary)::geography) > "
						+ PLOT_TOLERANCE_M2,
				"zone z");
		problem(batch, "ERROR", "plot_no_overlap",
				"'overlaps plot ' || p.code || ' by ' || round(ST_Area(ST_Intersection(p.boundary, f.geom)::geography)::numeric, 1) || ' m²'",
				polygon() + " AND p.zone_id = (f.properties ->> '@zone_id')::bigint AND p.deleted_at IS NULL AND p.id IS DISTINCT FROM f.match_id "
						+ "AND p.id NOT IN (SELECT match_id FROM import_feature WHERE batch_id = :b AND match_id IS NOT NULL AND geom IS NOT NULL) "
						+ "AND ST_Intersects(p.boundary, f.geom) AND ST_Area(ST_Intersection(p.boundary, f.geom)::geography) > "
						+ PLOT_TOLERANCE_M2,
				"plot p");
		inFileOverlap(batch, PLOT_TOLERANCE_M2, "o.properties ->> '@zone_id' = f.properties ->> '@zone_id'");
		problem(batch, "WARNING", "area_vs_declared",
				"'mapped area ' || round(f.area_ha::numeric, 4) || ' ha differs from the declared ' || " + m.value("area_ha")
						+ " || ' ha by ' || round((100 * abs(f.area_ha - " + m.value("area_ha") + ") / " + m.value("area_ha") + ")::numeric) || ' %'",
				"f.area_ha IS NOT NULL AND " + m.value("area_ha") + " > 0 AND abs(f.area_ha - " + m.value("area_ha") + ") > "
						+ AREA_WARNING_SHARE + " * " + m.value("area_ha"));
		problem(batch, "ERROR", "lease_date_required", "'a tenant without the date the lease was signed (signed_on)'",
				m.raw("tenant") + " IS NOT NULL AND " + m.value("signed_on") + " IS NULL");
		problem(batch, "ERROR", "lease_in_force",
				"'the plot is leased to ' || l.investor_name || ' since ' || coalesce(l.signed_on, l.reserved_on) "
						+ "|| ': end that lease before recording another tenant'",
				m.raw("tenant") + " IS NOT NULL AND l.plot_id = f.match_id AND l.ended_on IS NULL AND l.investor_name <> " + m.raw("tenant"),
				"lease l");
	}

	private void phases(long batch, Mapping m) {
		locateZones(batch, m);
		run(batch, "UPDATE import_feature f SET match_id = c.id, action = 'UPDATE' FROM clearance_phase c WHERE f.batch_id = :b AND c.code = f.code "
				+ "AND c.zone_id = (f.properties ->> '@zone_id')::bigint AND c.deleted_at IS NULL");
		actions(batch);
		required(batch, m, "name");
		problem(batch, "ERROR", "zone_unknown", "'the phase lies in no zone (and the file names none)'",
				"f.properties ->> '@zone_id' IS NULL");
		problem(batch, "ERROR", "clearance_inside_zone",
				"'the phase lies ' || round(ST_Area(ST_Difference(f.geom, z.boundary)::geography)::numeric, 1) || ' m² outside zone ' || z.code",
				polygon() + " AND z.id = (f.properties ->> '@zone_id')::bigint AND ST_Area(ST_Difference(f.geom, z.boundary)::geography) > "
						+ PLOT_TOLERANCE_M2,
				"zone z");
		problem(batch, "ERROR", "clearance_inside_district", "'the phase lies in no single district'",
				polygon() + " AND NOT EXISTS (SELECT 1 FROM admin_unit d WHERE d.level = 'DISTRICT' "
						+ "AND ST_Area(ST_Difference(f.geom, d.boundary)::geography) <= 1)");
	}

	private void units(long batch, Mapping m) {
		run(batch, "UPDATE import_feature f SET match_id = u.id, action = 'UPDATE' FROM admin_unit u WHERE f.batch_id = :b AND u.code = f.code");
		actions(batch);
		required(batch, m, "level", "unit_type", "name_vi");
		allowed(batch, m, "level", "PROVINCE", "DISTRICT", "COMMUNE");
		problem(batch, "ERROR", "parent_unknown", "'parent unit ' || " + m.raw("parent") + " || ' is not in the registry nor in the file'",
				m.raw("parent") + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM admin_unit u WHERE u.code = upper(" + m.raw("parent")
						+ ")) AND NOT EXISTS (SELECT 1 FROM import_feature o WHERE o.batch_id = :b AND o.code = upper(" + m.raw("parent") + "))");
		problem(batch, "ERROR", "validity_order", "'valid_to is before valid_from'",
				m.value("valid_to") + " < " + m.value("valid_from"));
	}

	/** Each feature's zone, kept as '@zone_id': the zone the file names, else the one holding most of the shape. */
	private void locateZones(long batch, Mapping m) {
		String zone = "coalesce((SELECT z.id FROM zone z WHERE z.code = upper(" + m.raw("zone") + ") AND z.deleted_at IS NULL), "
				+ "(SELECT z.id FROM zone z WHERE f.geom IS NOT NULL AND ST_Intersects(z.boundary, f.geom) AND z.deleted_at IS NULL "
				+ "ORDER BY CASE WHEN ST_IsValid(f.geom) THEN ST_Area(ST_Intersection(z.boundary, ST_CollectionExtract(f.geom, 3))) END "
				+ "DESC NULLS LAST LIMIT 1))";
		run(batch, "UPDATE import_feature f SET properties = f.properties || jsonb_build_object('@zone_id', " + zone + ") "
				+ "WHERE f.batch_id = :b");
	}

	/** After matching (which marks updates): what a creation needs. */
	private void actions(long batch) {
		problem(batch, "ERROR", "geometry_required", "'no shape: a new record needs one'",
				"f.action = 'CREATE' AND f.source_geom IS NULL AND f.source_json IS NULL");
	}

	/** Fields a new record needs. */
	private void required(long batch, Mapping m, String... fields) {
		for (String field : fields) {
			problem(batch, "ERROR", "value_required", Mapping.literal("no " + field + ": a new record needs one"),
					"f.action = 'CREATE' AND " + m.raw(field) + " IS NULL");
		}
	}

	private void allowed(long batch, Mapping m, String field, String... values) {
		String list = String.join(", ", java.util.Arrays.stream(values).map(Mapping::literal).toList());
		problem(batch, "ERROR", "value_allowed",
				Mapping.literal(field + " '") + " || " + m.raw(field) + " || " + Mapping.literal("' is not one of "
						+ String.join(", ", values)),
				m.raw(field) + " IS NOT NULL AND upper(replace(" + m.raw(field) + ", ' ', '_')) NOT IN (" + list + ")");
	}

	/** Two features of the file (of the same group) overlapping each other. */
	private void inFileOverlap(long batch, double toleranceM2, String sameGroup) {
		problem(batch, "ERROR", "overlap_in_file",
				"'overlaps feature ' || o.n || coalesce(' (' || o.code || ')', '') || ' of the file by ' "
						+ "|| round(ST_Area(ST_Intersection(o.geom, f.geom)::geography)::numeric, 1) || ' m²'",
				polygon() + " AND o.batch_id = :b AND o.n <> f.n AND " + sameGroup
						+ " AND GeometryType(o.geom) IN ('POLYGON', 'MULTIPOLYGON') AND ST_IsValid(o.geom) "
						+ "AND ST_Intersects(o.geom, f.geom) AND ST_Area(ST_Intersection(o.geom, f.geom)::geography) > " + toleranceM2,
				"import_feature o");
	}

	/** A valid polygon of the feature, for the checks that need one. */
	private static String polygon() {
		return "f.geom IS NOT NULL AND GeometryType(f.geom) IN ('POLYGON', 'MULTIPOLYGON') AND ST_IsValid(f.geom)";
	}

	private void problem(long batch, String level, String rule, String messageSql, String condition) {
		problem(batch, level, rule, messageSql, condition, null);
	}

	/**
	 * Adds a problem to every feature meeting {@code condition}; {@code from} may join another
	 * relation (one problem per feature: the first row found).
	 */
	private void problem(long batch, String level, String rule, String messageSql, String condition, String from) {
		String found = from == null ? "SELECT f.n, " + messageSql + " AS message FROM import_feature f WHERE f.batch_id = :b AND ("
				+ condition + ")"
				: "SELECT DISTINCT ON (f.n) f.n, " + messageSql + " AS message FROM import_feature f, " + from
						+ " WHERE f.batch_id = :b AND (" + condition + ") ORDER BY f.n";
		run(batch, "UPDATE import_feature t SET problems = t.problems || jsonb_build_array(jsonb_build_object('level', '"
				+ level + "', 'rule', '" + rule.toLowerCase(Locale.ROOT) + "', 'message', x.message)) FROM (" + found
				+ ") x WHERE t.batch_id = :b AND t.n = x.n");
	}

	private void run(long batch, String sql) {
		this.jdbc.sql(sql).param("b", batch).update();
	}

}
