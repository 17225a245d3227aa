package vn.landregistry.clearance;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.landregistry.admin.Units;
import vn.landregistry.shared.GeoJson;
import vn.landregistry.shared.SqlWhere;

/** Clearance phases as GeoJSON with their state on a day, replayed from their events by PostGIS. */
@Repository
class ClearanceFeatures {

	/** Past its target date on the day, and not handed over. */
	static final String OVERDUE = "coalesce(s.target_date < CAST(:asOf AS date) AND s.status <> 'HANDED_OVER', false)";

	private static final String PROPERTIES = """
			json_build_object('id', p.id, 'code', p.code, 'name', p.name, 'zoneId', z.id, 'zone', z.code,
			  'zoneName', z.name_vi, 'zoneKind', z.kind, 'unit', d.code, 'unitName', d.name_vi, 'unitNameEn', d.name_en,
			  'unitLevel', d.level, 'committee', unit_committee(d.id), 'district', hd.code, 'districtName', hd.name_vi,
			  'status', s.status, 'blockedReason', s.blocked_reason, 'areaHa', round(p.area_ha, 2),
			  'clearedHa', round(s.cleared_ha, 2),
			  'clearedPct', round(100 * s.cleared_ha / nullif(p.area_ha, 0), 1),
			  'householdsAffected', s.households_affected, 'householdsRelocated', s.households_relocated,
			  'amountPlannedVnd', s.amount_planned_vnd, 'amountPaidVnd', s.amount_paid_vnd,
			  'targetDate', s.target_date, 'overdue', """ + OVERDUE + """
			  , 'lastEventOn', s.last_event_on, 'planDecisionNo', p.plan_decision_no,
			  'planDecisionDate', p.plan_decision_date, 'demo', p.demo, 'source', p.source, 'note', p.note,
			  'version', p.version)""";

	private static final String SELECT = "SELECT p.id AS ord, " + GeoJson.feature("p.id", "p.boundary", PROPERTIES)
			+ " AS feature FROM clearance_state(CAST(:asOf AS date)) s JOIN clearance_phase p ON p.id = s.phase_id"
			+ " JOIN zone z ON z.id = p.zone_id"
			// the unit whose people's committee is in charge on the day: district, then commune (2025)
			+ " LEFT JOIN admin_unit d ON d.id = local_unit_id(p.boundary, CAST(:asOf AS date))"
			// the district recorded when the phase was registered, if it lay in one
			+ " LEFT JOIN admin_unit hd ON hd.id = p.district_id";

	private final JdbcClient jdbc;

	ClearanceFeatures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String collection(ClearanceFilter filter) {
		SqlWhere where = Units.within(new SqlWhere().condition("p.deleted_at IS NULL").condition("z.deleted_at IS NULL"),
				"p.boundary", filter.units(), "asOf")
			.in("z.code", "zones", filter.zones())
			.in("s.status", "statuses", filter.statuses())
			.param("asOf", filter.asOf());
		String sql = SELECT + where.sql();
		if (filter.overdueOnly()) {
			sql += (where.sql().isEmpty() ? " WHERE " : " AND ") + OVERDUE;
		}
		return this.jdbc.sql(GeoJson.collection(sql)).params(where.params()).query(String.class).single();
	}

	/** One phase with its whole history in {@code properties.events}, oldest first. */
	Optional<String> one(long id, LocalDate asOf) {
		return this.jdbc.sql("""
				SELECT jsonb_set(f.feature::jsonb, '{properties,events}', coalesce((
				         SELECT jsonb_agg(jsonb_build_object('id', e.id, 'eventDate', e.event_date,
				                  'recordedAt', e.recorded_at, 'author', e.author, 'oldValues', e.old_values,
				                  'newValues', e.new_values, 'reason', e.reason, 'attachmentRef', e.attachment_ref,
				                  'note', e.note, 'demo', e.demo) ORDER BY e.event_date, e.id)
				           FROM clearance_event e WHERE e.phase_id = f.ord AND e.event_date <= CAST(:asOf AS date)),
				         '[]'::jsonb))::text
				  FROM (""" + SELECT + " WHERE p.id = :id AND p.deleted_at IS NULL) f")
			.param("id", id).param("asOf", asOf).query(String.class).optional();
	}

	Optional<Long> version(long id) {
		return this.jdbc.sql("SELECT version FROM clearance_phase WHERE id = :id").param("id", id).query(Long.class)
			.optional();
	}

	Set<String> zoneCodes() {
		return new LinkedHashSet<>(this.jdbc.sql("SELECT code FROM zone ORDER BY code").query(String.class).list());
	}

}
