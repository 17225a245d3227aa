package vn.landregistry.clearance;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Everything an event can change on a phase. Events store the whole state before and after, so
 * that the state on any day is the "after" of the latest event up to that day.
 */
record PhaseState(ClearanceStatus status, String blockedReason, BigDecimal clearedHa, Integer householdsAffected,
		Integer householdsRelocated, String planDecisionNo, LocalDate planDecisionDate, BigDecimal amountPlannedVnd,
		BigDecimal amountPaidVnd, LocalDate targetDate) {

	/** This state with the values {@code step} gives; absent values stay as they are. */
	PhaseState apply(ProgressStep step) {
		ClearanceStatus nextStatus = step.status() != null ? step.status() : this.status;
		String reason = nextStatus == ClearanceStatus.BLOCKED
				? (step.blockedReason() != null ? step.blockedReason() : this.blockedReason) : null;
		return new PhaseState(nextStatus, reason, or(step.clearedHa(), this.clearedHa),
				or(step.householdsAffected(), this.householdsAffected),
				or(step.householdsRelocated(), this.householdsRelocated), or(step.planDecisionNo(), this.planDecisionNo),
				or(step.planDecisionDate(), this.planDecisionDate), or(step.amountPlannedVnd(), this.amountPlannedVnd),
				or(step.amountPaidVnd(), this.amountPaidVnd), or(step.targetDate(), this.targetDate));
	}

	private static <T> T or(T value, T fallback) {
		return value != null ? value : fallback;
	}

}
