package vn.landregistry.clearance;

import java.time.LocalDate;
import java.util.List;

record ClearanceTable(ClearanceGroupBy groupBy, LocalDate asOf, String definition, List<ClearanceRow> rows,
		ClearanceRow total) {
}
