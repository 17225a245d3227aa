package vn.landregistry.clearance;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.landregistry.admin.Units;
import vn.landregistry.clearance.ClearanceProperties.Figure;
import vn.landregistry.shared.GeoJson;
import vn.landregistry.shared.SqlWhere;
import vn.landregistry.shared.Visible;

/**
 * Clearance phases as GeoJSON with their state on a day, replayed from their events by PostGIS.
 * The public sees the phases of published zones (the views of V17), without staff notes, and each
 * event attributed to the authority or the committee in charge that day instead of a user name
 * (SQL public_author); signed-in readers also see the phases of draft zones, as the zone reads
 * show them draft zones, with notes and user names. Deleted phases, and those of deleted zones,
 * nobody reads here.
 */
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
			  %s%s'targetDate', s.target_date, 'overdue', """ + OVERDUE + """
			  , 'lastEventOn', s.last_event_on, 'planDecisionNo', p.plan_decision_no,
			  'planDecisionDate', p.plan_decision_date, 'demo', p.demo, 'source', p.source,
			  'version', p.version""";

	private static final String HOUSEHOLDS = "'householdsAffected', s.households_affected, 'householdsRelocated', s.households_relocated, ";

	private static final String AMOUNTS = "'amountPlannedVnd', s.amount_planned_vnd, 'amountPaidVnd', s.amount_paid_vnd, ";

	/** The staff's note on a phase, for signed-in readers only. */
	private static final String NOTE = ", 'note', p.note";

	/** Who recorded an event, as the public may read it: never a user name (SQL public_author, V17; public_reason for the reason). */
	private static final String PUBLIC_AUTHOR = "public_author(e.author, unit_committee(local_unit_id(ep.boundary, e.event_date)))";

	private static final String EVENTS = """
			SELECT jsonb_set(f.feature::jsonb, '{properties,events}', coalesce((
			         SELECT jsonb_agg(jsonb_build_object('id', e.id, 'eventDate', e.event_date,
			                  'recordedAt', e.recorded_at, 'author', %s, 'oldValues', e.old_values%4$s,
			                  'newValues', e.new_values%4$s, 'reason', %s, 'attachmentRef', e.attachment_ref,
			                  'demo', e.demo%s) ORDER BY e.event_date, e.id)
			           FROM clearance_event e JOIN clearance_phase ep ON ep.id = e.phase_id
			          WHERE e.phase_id = f.ord AND e.event_date <= CAST(:asOf AS date)),
			         '[]'::jsonb))::text
			  FROM (""";

	private final JdbcClient jdbc;

	ClearanceFeatures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String collection(ClearanceFilter filter, boolean signedIn, Set<Figure> hidden) {
		SqlWhere where = Units.within(new SqlWhere(), "p.boundary", filter.units(), "asOf")
			.in("z.code", "zones", filter.zones())
			.in("s.status", "statuses", filter.statuses())
			.param("asOf", filter.asOf());
		String sql = select(signedIn, hidden) + where.sql();
		if (filter.overdueOnly()) {
			sql += (where.sql().isEmpty() ? " WHERE " : " AND ") + OVERDUE;
		}
		return this.jdbc.sql(GeoJson.collection(sql)).params(where.params()).query(String.class).single();
	}

	/** One phase with its whole history in {@code properties.events}, oldest first. */
	Optional<String> one(long id, LocalDate asOf, boolean signedIn, Set<Figure> hidden) {
		String withheld = withheldKeys(hidden);
		String events = signedIn ? EVENTS.formatted("e.author", "e.reason", ", 'note', e.note", withheld)
				: EVENTS.formatted(PUBLIC_AUTHOR, "public_reason(e.reason)", "", withheld);
		return this.jdbc.sql(events + select(signedIn, hidden) + " WHERE p.id = :id) f")
			.param("id", id).param("asOf", asOf).query(String.class).optional();
	}

	/** Whether the reader may see the phase at all (on some day). */
	boolean exists(long id, boolean signedIn) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + Visible.clearancePhases(signedIn) + " p WHERE p.id = :id)")
			.param("id", id).query(Boolean.class).single();
	}

	/** The codes of the zones the reader may see: any other code is unknown, a draft's too. */
	Set<String> zoneCodes(boolean signedIn) {
		return new LinkedHashSet<>(this.jdbc.sql("SELECT code FROM " + Visible.zones(signedIn) + " z ORDER BY code")
			.query(String.class).list());
	}

	/** What the events' old and new values leave out: {@code - 'key' ...} on jsonb. */
	private static String withheldKeys(Set<Figure> hidden) {
		StringBuilder keys = new StringBuilder();
		if (hidden.contains(Figure.HOUSEHOLDS)) {
			keys.append(" - 'householdsAffected' - 'householdsRelocated'");
		}
		if (hidden.contains(Figure.AMOUNTS)) {
			keys.append(" - 'amountPlannedVnd' - 'amountPaidVnd'");
		}
		return keys.toString();
	}

	private static String select(boolean signedIn, Set<Figure> hidden) {
		String properties = PROPERTIES.formatted(hidden.contains(Figure.HOUSEHOLDS) ? "" : HOUSEHOLDS,
				hidden.contains(Figure.AMOUNTS) ? "" : AMOUNTS);
		return "SELECT p.id AS ord, " + GeoJson.feature("p.id", "p.boundary", properties + (signedIn ? NOTE : "") + ")")
				+ " AS feature FROM clearance_state(CAST(:asOf AS date)) s"
				+ " JOIN " + Visible.clearancePhases(signedIn) + " p ON p.id = s.phase_id"
				+ " JOIN " + Visible.zones(signedIn) + " z ON z.id = p.zone_id"
				// the unit whose people's committee is in charge on the day: district, then commune (2025)
				+ " LEFT JOIN admin_unit d ON d.id = local_unit_id(p.boundary, CAST(:asOf AS date))"
				// the district recorded when the phase was registered, if it lay in one
				+ " LEFT JOIN admin_unit hd ON hd.id = p.district_id";
	}

}
