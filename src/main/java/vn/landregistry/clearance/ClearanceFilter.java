package vn.landregistry.clearance;

import java.time.LocalDate;
import java.util.Set;

/** Which phases to list, and on which day. */
record ClearanceFilter(Set<String> districts, Set<String> zones, Set<ClearanceStatus> statuses, boolean overdueOnly,
		LocalDate asOf) {
}
