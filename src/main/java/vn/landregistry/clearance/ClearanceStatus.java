package vn.landregistry.clearance;

/**
 * Steps of land clearance, in order; BLOCKED stands apart (work stopped, with a reason). Going
 * back to an earlier step needs a reason.
 */
public enum ClearanceStatus {

	NOT_STARTED, INVENTORY, PLAN_APPROVED, PAYING, HANDED_OVER, BLOCKED;

	boolean isBefore(ClearanceStatus other) {
		return this != BLOCKED && other != BLOCKED && ordinal() < other.ordinal();
	}

}
