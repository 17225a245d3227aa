package vn.landregistry.exchange;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.landregistry.admin.Districts;
import vn.landregistry.history.Changes;

/**
 * Writes a checked batch into the registry in one transaction: every feature or none. Matches are
 * updated and the rest created, set-based in SQL, so the registry's triggers (plots inside their
 * zone and not overlapping, clearance phases in step with their events, the history) run as for
 * any edit; the history names the import, the file and its SHA-256 as the reason.
 */
@Component
class ImportCommit {

	/** First key of the advisory lock a commit holds on its batch (the second is the batch's id). */
	static final String COMMIT_LOCK = "hashtext('import_commit')";

	private static final String NO_ERRORS = "NOT f.problems @> '[{\"level\": \"ERROR\"}]'";

	private static final String DISTRICT_HOLDING = Districts.holdingSql("f.geom");

	private final JdbcClient jdbc;

	private final ImportChecks checks;

	private final Changes changes;

	ImportCommit(JdbcClient jdbc, ImportChecks checks, Changes changes) {
		this.jdbc = jdbc;
		this.checks = checks;
		this.changes = changes;
	}

	/** What the commit wrote. */
	record Written(int created, int updated, int leases) {
	}

	/**
	 * Writes batch {@code batch}: checked again first, in this transaction, when the registry changed
	 * since the report, so that an edit made meanwhile cannot slip through (the database's own rules
	 * hold in any case); refused while any feature has an error unless
	 * {@code skipErrors} (then those features are left out).
	 */
	@Transactional
	Written commit(long batch, Mapping mapping, boolean skipErrors, String user, String reason, String accuracy) {
		// held until this transaction ends, however it ends (a crash of the application included):
		// ImportService.afterCrash knows by it which COMMITTING batches nobody is committing
		this.jdbc.sql("SELECT pg_advisory_xact_lock(" + COMMIT_LOCK + ", CAST(:b AS integer))").param("b", batch)
			.query((rs, row) -> 1).list();
		this.changes.attribute(user, reason);
		if (!this.checks.current(batch)) {
			this.checks.check(batch, mapping);
		}
		if (!skipErrors) {
			this.checks.requireNoErrors(batch);
		}
		String only = "f.batch_id = :b AND " + NO_ERRORS;
		Map<String, Object> p = Map.of("b", batch, "accuracy", accuracy, "note", reason);
		return switch (mapping.target()) {
			case ZONE -> zones(mapping, only, p);
			case PLOT -> plots(mapping, only, p);
			case CLEARANCE_PHASE -> phases(mapping, only, p, user);
			case ADMIN_UNIT -> units(mapping, only, p);
		};
	}

	private Written zones(Mapping m, String only, Map<String, Object> p) {
		int updated = update("""
				UPDATE zone z SET
				  boundary = coalesce(ST_Multi(f.geom), z.boundary),
				  boundary_accuracy = CASE WHEN f.geom IS NULL THEN z.boundary_accuracy ELSE :accuracy END,
				  boundary_note = CASE WHEN f.geom IS NULL THEN z.boundary_note ELSE :note END,
				  district_id = CASE WHEN f.geom IS NULL THEN z.district_id ELSE coalesce(%s, z.district_id) END,
				  kind = coalesce(%s, z.kind), name_vi = coalesce(%s, z.name_vi), name_en = coalesce(%s, z.name_en),
				  plan_status = coalesce(%s, z.plan_status), lifecycle = coalesce(%s, z.lifecycle),
				  legal_area_ha = coalesce(%s, z.legal_area_ha), lease_land_ha = coalesce(%s, z.lease_land_ha),
				  developer = coalesce(%s, z.developer), decision_no = coalesce(%s, z.decision_no),
				  decision_date = coalesce(%s, z.decision_date), note = coalesce(%s, z.note),
				  published = true, version = z.version + 1
				  FROM import_feature f
				 WHERE %s AND f.action = 'UPDATE' AND z.id = f.match_id""".formatted(DISTRICT_HOLDING, upper(m, "kind"),
				m.value("name_vi"), m.value("name_en"), upper(m, "plan_status"), upper(m, "lifecycle"), m.value("legal_area_ha"),
				m.value("lease_land_ha"), m.value("developer"), m.value("decision_no"), m.value("decision_date"), m.value("note"),
				only), p);
		int created = update("""
				INSERT INTO zone (kind, code, name_vi, name_en, district_id, plan_status, lifecycle, legal_area_ha, lease_land_ha,
				                  boundary, boundary_accuracy, boundary_note, developer, decision_no, decision_date, note, source,
				                  published)
				SELECT %s, f.code, %s, %s, %s, coalesce(%s, 'EXISTING'), %s, %s, %s, ST_Multi(f.geom), :accuracy, :note, %s, %s, %s,
				       %s, :note, true
				  FROM import_feature f
				 WHERE %s AND f.action = 'CREATE' ORDER BY f.n""".formatted(upper(m, "kind"), m.value("name_vi"), m.value("name_en"),
				DISTRICT_HOLDING, upper(m, "plan_status"), upper(m, "lifecycle"), m.value("legal_area_ha"), m.value("lease_land_ha"),
				m.value("developer"), m.value("decision_no"), m.value("decision_date"), m.value("note"), only), p);
		return new Written(created, updated, 0);
	}

	private Written plots(Mapping m, String only, Map<String, Object> p) {
		String zone = "(f.properties ->> '@zone_id')::bigint";
		int updated = update("""
				UPDATE plot t SET
				  boundary = coalesce(ST_Multi(f.geom), t.boundary), zone_id = %s,
				  land_use = coalesce(%s, t.land_use), cleared_on = coalesce(%s, t.cleared_on), note = coalesce(%s, t.note),
				  published = true, version = t.version + 1
				  FROM import_feature f
				 WHERE %s AND f.action = 'UPDATE' AND t.id = f.match_id""".formatted(zone, upper(m, "land_use"),
				m.value("cleared_on"), m.value("note"), only), p);
		int created = update("""
				INSERT INTO plot (zone_id, code, boundary, area_ha, land_use, cleared_on, note, published)
				SELECT %s, f.code, ST_Multi(f.geom), 0, coalesce(%s, 'INDUSTRIAL'), %s, %s, true
				  FROM import_feature f
				 WHERE %s AND f.action = 'CREATE' ORDER BY f.n""".formatted(zone, upper(m, "land_use"), m.value("cleared_on"),
				m.value("note"), only), p);
		int leases = 0;
		if (m.has("tenant")) {
			leases = update("""
					INSERT INTO lease (plot_id, investor_name, investor_country, industry, signed_on, operating_from, note)
					SELECT t.id, %1$s, upper(%2$s), %3$s, %4$s, %5$s, :note
					  FROM import_feature f
					  JOIN plot t ON t.zone_id = %6$s AND t.code = f.code AND t.deleted_at IS NULL
					 WHERE %7$s AND %1$s IS NOT NULL
					   AND NOT EXISTS (SELECT 1 FROM lease l WHERE l.plot_id = t.id AND l.investor_name = %1$s AND l.ended_on IS NULL)
					 ORDER BY f.n""".formatted(m.value("tenant"), m.value("tenant_country"), m.value("industry"),
					m.value("signed_on"), m.value("operating_from"), zone, only), p);
		}
		return new Written(created, updated, leases);
	}

	private Written phases(Mapping m, String only, Map<String, Object> p, String user) {
		Map<String, Object> author = new java.util.HashMap<>(p);
		author.put("author", user);
		String zone = "(f.properties ->> '@zone_id')::bigint";
		String district = "(SELECT d.id FROM admin_unit d WHERE d.level = 'DISTRICT' AND ST_Area(ST_Difference(f.geom, d.boundary)::geography) <= 1 "
				+ "ORDER BY (d.valid_to IS NULL OR d.valid_to >= registry_today()) DESC, d.valid_to DESC NULLS FIRST LIMIT 1)";
		int updated = this.jdbc.sql("SELECT count(*) FROM import_feature f WHERE " + only + " AND f.action = 'UPDATE'")
			.params(p).query(Integer.class).single();
		update("""
				WITH changed AS (
				  UPDATE clearance_phase c SET boundary = coalesce(ST_Multi(f.geom), c.boundary),
				         district_id = CASE WHEN f.geom IS NULL THEN c.district_id ELSE coalesce(%s, c.district_id) END,
				         name = coalesce(%s, c.name), target_date = coalesce(%s, c.target_date), note = coalesce(%s, c.note),
				         version = c.version + 1
				    FROM import_feature f
				   WHERE %s AND f.action = 'UPDATE' AND c.id = f.match_id
				  RETURNING c.*)
				INSERT INTO clearance_event (phase_id, event_date, author, old_values, new_values, reason)
				SELECT c.id, registry_today(), :author, e.new_values, clearance_snapshot(c::clearance_phase), :note
				  FROM changed c
				  CROSS JOIN LATERAL (SELECT new_values FROM clearance_event WHERE phase_id = c.id
				                       ORDER BY event_date DESC, id DESC LIMIT 1) e
				 WHERE e.new_values IS DISTINCT FROM clearance_snapshot(c::clearance_phase)""".formatted(district,
				m.value("name"), m.value("target_date"), m.value("note"), only), author);
		int created = update("""
				WITH added AS (
				  INSERT INTO clearance_phase (zone_id, district_id, code, name, boundary, area_ha, target_date, last_event_on, note)
				  SELECT %s, %s, f.code, %s, ST_Multi(f.geom), 0, %s, registry_today(), %s
				    FROM import_feature f
				   WHERE %s AND f.action = 'CREATE' ORDER BY f.n
				  RETURNING *)
				INSERT INTO clearance_event (phase_id, event_date, author, old_values, new_values, reason)
				SELECT a.id, registry_today(), :author, '{}'::jsonb, clearance_snapshot(a::clearance_phase), 'registered: ' || :note
				  FROM added a""".formatted(zone, district, m.value("name"), m.value("target_date"), m.value("note"), only), author);
		this.jdbc.sql("SET CONSTRAINTS clearance_phase_in_step, clearance_event_in_step IMMEDIATE").update();
		return new Written(created, updated, 0);
	}

	private Written units(Mapping m, String only, Map<String, Object> p) {
		int updated = update("""
				UPDATE admin_unit u SET boundary = coalesce(ST_Multi(f.geom), u.boundary),
				       boundary_accuracy = CASE WHEN f.geom IS NULL THEN u.boundary_accuracy ELSE :accuracy END,
				       boundary_note = CASE WHEN f.geom IS NULL THEN u.boundary_note ELSE :note END,
				       level = coalesce(%s, u.level), unit_type = coalesce(%s, u.unit_type), name_vi = coalesce(%s, u.name_vi),
				       name_en = coalesce(%s, u.name_en), valid_from = coalesce(%s, u.valid_from), valid_to = coalesce(%s, u.valid_to),
				       version = u.version + 1
				  FROM import_feature f
				 WHERE %s AND f.action = 'UPDATE' AND u.id = f.match_id""".formatted(upper(m, "level"), m.value("unit_type"),
				m.value("name_vi"), m.value("name_en"), m.value("valid_from"), m.value("valid_to"), only), p);
		int created = update("""
				INSERT INTO admin_unit (code, level, unit_type, name_vi, name_en, valid_from, valid_to, boundary, boundary_accuracy,
				                        boundary_note, source)
				SELECT f.code, %s, %s, %s, %s, %s, %s, ST_Multi(f.geom), :accuracy, :note, :note
				  FROM import_feature f
				 WHERE %s AND f.action = 'CREATE' ORDER BY f.n""".formatted(upper(m, "level"), m.value("unit_type"),
				m.value("name_vi"), m.value("name_en"), m.value("valid_from"), m.value("valid_to"), only), p);
		if (m.has("parent")) {
			update("""
					UPDATE admin_unit u SET parent_id = parent.id
					  FROM import_feature f, admin_unit parent
					 WHERE %s AND u.code = f.code AND parent.code = upper(%s)""".formatted(only, m.raw("parent")), p);
		}
		return new Written(created, updated, 0);
	}

	/** An enumerated value as the registry writes it: "under construction" → UNDER_CONSTRUCTION. */
	private static String upper(Mapping m, String field) {
		return "upper(replace(" + m.raw(field) + ", ' ', '_'))";
	}

	private int update(String sql, Map<String, Object> params) {
		return this.jdbc.sql(sql).params(params).update();
	}

}
