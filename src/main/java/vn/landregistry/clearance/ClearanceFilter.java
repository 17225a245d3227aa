package vn.landregistry.clearance;

import java.time.LocalDate;
import java.util.Set;

/** Which phases to list (units: lying in them, of any level and period), and on which day. */
record ClearanceFilter(Set<String> units, Set<String> zones, Set<ClearanceStatus> statuses, boolean overdueOnly,
		LocalDate asOf) {
}
