package vn.landregistry.clearance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.landregistry.admin.Districts;
import vn.landregistry.history.Changes;
import vn.landregistry.security.CurrentUser;
import vn.landregistry.shared.ConflictException;
import vn.landregistry.shared.DatabaseRules;
import vn.landregistry.shared.GeometryChecks;
import vn.landregistry.shared.InvalidParameterException;
import vn.landregistry.shared.NotFoundException;
import vn.landregistry.shared.UnprocessableException;

import static vn.landregistry.shared.Fields.blankToNull;
import static vn.landregistry.shared.Fields.required;

/**
 * Registers clearance phases and records their progress. Each step is an event holding the state
 * before and after; the phase row is updated in the same transaction, guarded by its version, so
 * a step based on an outdated reading is refused (409) instead of overwriting a colleague's. The
 * database checks at commit that the phase holds what its latest event records.
 */
@Service
class ClearanceService {

	private static final String SNAPSHOT = "clearance_snapshot(p)::text";

	private final JdbcClient jdbc;

	private final GeometryChecks geometry;

	private final Districts districts;

	private final CurrentUser user;

	private final Changes changes;

	private final Clock clock;

	ClearanceService(JdbcClient jdbc, GeometryChecks geometry, Districts districts, CurrentUser user, Changes changes,
			Clock clock) {
		this.jdbc = jdbc;
		this.geometry = geometry;
		this.districts = districts;
		this.user = user;
		this.changes = changes;
		this.clock = clock;
	}

	@Transactional
	long register(NewPhase phase) {
		long zoneId = this.jdbc.sql("SELECT id FROM zone WHERE code = upper(:code)").param("code", required("zone", phase.zone()))
			.query(Long.class).optional()
			.orElseThrow(() -> new InvalidParameterException("zone", phase.zone(), "unknown zone '" + phase.zone() + "'"));
		String author = this.changes.attribute("clearance phase registered");
		String code = required("code", phase.code());
		String name = required("name", phase.name());
		String geoJson = phase.geometry() == null || phase.geometry().isNull() ? null : phase.geometry().toString();
		this.geometry.requireValidPolygon("geometry", geoJson);
		LocalDate day = phase.eventDate() == null ? today() : phase.eventDate();
		requireNotFuture(day);
		// the district holding most of the shape (for the records of the district era); the zone's own
		// when it lies in none; none at all outside the old districts
		Long districtId = phase.district() == null || phase.district().isBlank()
				? this.districts.holding(geoJson).orElseGet(() -> zoneDistrict(zoneId))
				: this.districts.id(phase.district()).orElseThrow(() -> new InvalidParameterException("district",
						phase.district(), "unknown district '" + phase.district() + "'"));
		try {
			long id = this.jdbc.sql("""
					INSERT INTO clearance_phase (zone_id, district_id, code, name, boundary, area_ha, target_date,
					                             households_affected, amount_planned_vnd, last_event_on, source, note)
					VALUES (:zone, :district, :code, :name,
					        ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(CAST(:geometry AS text)), 4326)), 0, :target,
					        :households, :planned, :day, :source, :note)
					RETURNING id""")
				.param("zone", zoneId).param("district", districtId).param("code", code).param("name", name)
				.param("geometry", geoJson).param("target", phase.targetDate())
				.param("households", phase.householdsAffected()).param("planned", phase.amountPlannedVnd())
				.param("day", day).param("source", phase.source()).param("note", phase.note())
				.query(Long.class).single();
			this.jdbc.sql("""
					INSERT INTO clearance_event (phase_id, event_date, author, old_values, new_values, reason)
					SELECT p.id, :day, :author, '{}'::jsonb, clearance_snapshot(p), 'registered'
					  FROM clearance_phase p WHERE p.id = :id""")
				.param("id", id).param("day", day).param("author", author).update();
			this.jdbc.sql("SET CONSTRAINTS clearance_phase_in_step, clearance_event_in_step IMMEDIATE").update();
			return id;
		}
		catch (DataAccessException ex) {
			throw DatabaseRules.translate(ex);
		}
	}

	/** Records one step of a phase based on {@code version}; returns the new version. */
	@Transactional
	long record(long phaseId, ProgressStep step) {
		Current current = current(phaseId);
		requireInCharge(phaseId, step.eventDate() == null ? today() : step.eventDate());
		String author = this.changes.attribute(step.reason());
		if (step.version() == null) {
			throw new InvalidParameterException("version", null,
					"version is required: the version of the phase you read (GET /api/clearance/" + phaseId
							+ "), sent as \"version\" or an If-Match header");
		}
		if (step.version() != current.version()) {
			throw stale(phaseId, step.version(), current);
		}
		if (step.eventDate() == null) {
			throw new InvalidParameterException("eventDate", null, "eventDate is required (YYYY-MM-DD)");
		}
		requireNotFuture(step.eventDate());
		if (current.lastEventOn() != null && step.eventDate().isBefore(current.lastEventOn())) {
			throw new UnprocessableException("event_before_previous", "eventDate " + step.eventDate()
					+ " is before the previous event of this phase (" + current.lastEventOn() + ")",
					Map.of("previousEventOn", current.lastEventOn().toString()));
		}
		StepDates.check(step, current.state());
		PhaseState next = handOver(current, withinDisplayedArea(current, current.state().apply(step)));
		check(current, next, step);
		try {
			int updated = this.jdbc.sql("""
					UPDATE clearance_phase SET status = :status, blocked_reason = :blockedReason, cleared_ha = :cleared,
					       households_affected = :affected, households_relocated = :relocated,
					       plan_decision_no = :decisionNo, plan_decision_date = :decisionDate,
					       amount_planned_vnd = :planned, amount_paid_vnd = :paid, target_date = :target,
					       last_event_on = :day, version = version + 1
					 WHERE id = :id AND version = :version""")
				.param("status", next.status().name()).param("blockedReason", next.blockedReason())
				.param("cleared", next.clearedHa()).param("affected", next.householdsAffected())
				.param("relocated", next.householdsRelocated()).param("decisionNo", next.planDecisionNo())
				.param("decisionDate", next.planDecisionDate()).param("planned", next.amountPlannedVnd())
				.param("paid", next.amountPaidVnd()).param("target", next.targetDate())
				.param("day", step.eventDate()).param("id", phaseId).param("version", step.version())
				.update();
			if (updated == 0) {
				throw stale(phaseId, step.version(), current(phaseId));
			}
			this.jdbc.sql("""
					INSERT INTO clearance_event (phase_id, event_date, author, old_values, new_values, reason,
					                             attachment_ref, note)
					SELECT p.id, :day, :author, CAST(:old AS jsonb), clearance_snapshot(p), :reason, :attachment, :note
					  FROM clearance_phase p WHERE p.id = :id""")
				.param("id", phaseId).param("day", step.eventDate()).param("author", author)
				.param("old", current.snapshot()).param("reason", blankToNull(step.reason()))
				.param("attachment", blankToNull(step.attachmentRef())).param("note", blankToNull(step.note()))
				.update();
			if (next.status() == ClearanceStatus.HANDED_OVER && current.state().status() != ClearanceStatus.HANDED_OVER) {
				markPlotsCleared(phaseId, step.eventDate());
			}
			this.jdbc.sql("SET CONSTRAINTS clearance_phase_in_step, clearance_event_in_step IMMEDIATE").update();
			return step.version() + 1;
		}
		catch (DataAccessException ex) {
			throw DatabaseRules.translate(ex);
		}
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * Areas are shown with two decimals: a cleared area equal to the shown area to clear means all
	 * of it, not a few square metres more.
	 */
	private static PhaseState withinDisplayedArea(Current current, PhaseState next) {
		BigDecimal excess = next.clearedHa().subtract(current.areaHa());
		if (excess.signum() <= 0 || excess.compareTo(new BigDecimal("0.005")) > 0) {
			return next;
		}
		return new PhaseState(next.status(), next.blockedReason(), current.areaHa(), next.householdsAffected(),
				next.householdsRelocated(), next.planDecisionNo(), next.planDecisionDate(), next.amountPlannedVnd(),
				next.amountPaidVnd(), next.targetDate());
	}

	/** Handing over is clearing the whole phase: the cleared area becomes the area to clear. */
	private static PhaseState handOver(Current current, PhaseState next) {
		if (next.status() != ClearanceStatus.HANDED_OVER || next.clearedHa().compareTo(current.areaHa()) >= 0) {
			return next;
		}
		if (next.clearedHa().compareTo(current.state().clearedHa()) != 0) {
			throw new UnprocessableException("handed_over_is_cleared", "a phase handed over is cleared in full: clearedHa "
					+ next.clearedHa() + " is below its area " + current.areaHa() + " ha; leave clearedHa out or give the area",
					Map.of("areaHa", current.areaHa()));
		}
		return new PhaseState(next.status(), next.blockedReason(), current.areaHa(), next.householdsAffected(),
				next.householdsRelocated(), next.planDecisionNo(), next.planDecisionDate(), next.amountPlannedVnd(),
				next.amountPaidVnd(), next.targetDate());
	}

	private static void check(Current current, PhaseState next, ProgressStep step) {
		PhaseState now = current.state();
		boolean hasReason = step.reason() != null && !step.reason().isBlank();
		if (next.status() == ClearanceStatus.BLOCKED && (next.blockedReason() == null || next.blockedReason().isBlank())) {
			throw new InvalidParameterException("blockedReason", null, "a blocked phase needs blockedReason: why work stopped");
		}
		if (next.clearedHa().signum() < 0) {
			throw new InvalidParameterException("clearedHa", next.clearedHa().toPlainString(), "clearedHa cannot be negative");
		}
		if (next.clearedHa().compareTo(current.areaHa()) > 0) {
			throw new UnprocessableException("cleared_within_area", "clearedHa " + next.clearedHa().toPlainString()
					+ " is above the area to clear of this phase (" + current.areaHa().toPlainString() + " ha)",
					Map.of("areaHa", current.areaHa()));
		}
		if (next.householdsRelocated() != null && next.householdsAffected() != null
				&& next.householdsRelocated() > next.householdsAffected()) {
			throw new UnprocessableException("relocated_within_affected", "householdsRelocated "
					+ next.householdsRelocated() + " is above householdsAffected " + next.householdsAffected());
		}
		if (next.status().isBefore(now.status()) && !hasReason) {
			throw new UnprocessableException("backwards_needs_reason", "status goes back from " + now.status() + " to "
					+ next.status() + ": give a reason");
		}
		if (next.clearedHa().compareTo(now.clearedHa()) < 0 && !hasReason) {
			throw new UnprocessableException("backwards_needs_reason", "clearedHa goes down from "
					+ now.clearedHa().toPlainString() + " to " + next.clearedHa().toPlainString() + " ha: give a reason");
		}
		if (next.equals(now) && blankToNull(step.note()) == null && blankToNull(step.attachmentRef()) == null) {
			throw new InvalidParameterException("status", null,
					"nothing to record: change a value, or give a note or an attachment reference");
		}
	}

	/** Plots of the zone lying (almost) wholly in the phase become clean land from that day. */
	private void markPlotsCleared(long phaseId, LocalDate day) {
		this.jdbc.sql("""
				UPDATE plot pl SET cleared_on = :day, version = pl.version + 1
				  FROM clearance_phase c
				 WHERE c.id = :id AND pl.zone_id = c.zone_id AND (pl.cleared_on IS NULL OR pl.cleared_on > :day)
				   AND ST_Intersects(pl.boundary, c.boundary)
				   AND ST_Area(ST_Intersection(pl.boundary, c.boundary)) >= 0.99 * ST_Area(pl.boundary)""")
			.param("id", phaseId).param("day", day).update();
	}

	/**
	 * The law of the day decides who records a step: the district people's committee before
	 * 2025-07-01, the commune's after (Decree 151/2025/NĐ-CP art. 5); the phase is placed in the
	 * units of that day by its shape.
	 */
	private void requireInCharge(long phaseId, LocalDate day) {
		Map<String, Object> inCharge = this.jdbc.sql("""
				SELECT u.id, coalesce(unit_committee(u.id) || ' (' || u.code || ')', 'the provincial authority') AS committee
				  FROM clearance_phase p LEFT JOIN admin_unit u ON u.id = local_unit_id(p.boundary, :day)
				 WHERE p.id = :id""")
			.param("id", phaseId).param("day", day).query().singleRow();
		this.user.requireUnit((Long) inCharge.get("id"), inCharge.get("committee") + " (" + day + ")");
	}

	private Current current(long phaseId) {
		return this.jdbc.sql("SELECT p.*, " + SNAPSHOT
				+ " AS snapshot FROM clearance_phase p WHERE p.id = :id AND p.deleted_at IS NULL")
			.param("id", phaseId)
			.query((rs, row) -> new Current(rs.getLong("version"), rs.getBigDecimal("area_ha"),
					rs.getObject("last_event_on", LocalDate.class), rs.getString("snapshot"),
					new PhaseState(ClearanceStatus.valueOf(rs.getString("status")), rs.getString("blocked_reason"),
							rs.getBigDecimal("cleared_ha"), (Integer) rs.getObject("households_affected"),
							(Integer) rs.getObject("households_relocated"), rs.getString("plan_decision_no"),
							rs.getObject("plan_decision_date", LocalDate.class), rs.getBigDecimal("amount_planned_vnd"),
							rs.getBigDecimal("amount_paid_vnd"), rs.getObject("target_date", LocalDate.class))))
			.optional()
			.orElseThrow(() -> new NotFoundException("no clearance phase with id " + phaseId));
	}

	private static ConflictException stale(long phaseId, long version, Current current) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("currentVersion", current.version());
		details.put("current", current.state());
		return new ConflictException("stale_version", "clearance phase " + phaseId + " was changed by someone else: you sent version "
				+ version + ", it is now at version " + current.version() + ". Reload it and record your step again.", details);
	}

	private Long zoneDistrict(long zoneId) {
		return (Long) this.jdbc.sql("SELECT district_id FROM zone WHERE id = :id").param("id", zoneId).query().singleValue();
	}

	private void requireNotFuture(LocalDate day) {
		if (day.isAfter(today())) {
			throw new UnprocessableException("event_not_in_future",
					"eventDate " + day + " is in the future (today is " + today() + "); record a step once it has happened");
		}
	}

	/** The phase as read before a step. */
	record Current(long version, BigDecimal areaHa, LocalDate lastEventOn, String snapshot, PhaseState state) {
	}

}
