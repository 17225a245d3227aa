package vn.landregistry.clearance;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A step recorded by an officer: the values that changed (absent ones stay), when it happened,
 * and the phase version it was based on (optimistic locking). Who recorded it is the signed-in user.
 */
record ProgressStep(Long version, LocalDate eventDate, ClearanceStatus status, String blockedReason,
		BigDecimal clearedHa, Integer householdsAffected, Integer householdsRelocated, String planDecisionNo,
		LocalDate planDecisionDate, BigDecimal amountPlannedVnd, BigDecimal amountPaidVnd, LocalDate targetDate,
		String reason, String attachmentRef, String note) {

	ProgressStep withVersion(long based) {
		return new ProgressStep(based, eventDate, status, blockedReason, clearedHa, householdsAffected,
				householdsRelocated, planDecisionNo, planDecisionDate, amountPlannedVnd, amountPaidVnd, targetDate, reason,
				attachmentRef, note);
	}

}
