package vn.landregistry.clearance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import vn.landregistry.admin.Units.GroupingChange;
import vn.landregistry.shared.Step;

/** Cleared % over time; a province series runs on across the 2025 merger (see FillRateSeries). */
record ClearanceSeries(ClearanceGroupBy groupBy, Step step, LocalDate from, LocalDate to, List<LocalDate> dates,
		List<Row> rows, List<GroupingChange> groupingChanges) {

	record Row(String key, String name, LocalDate day, String provinces, long phases, BigDecimal areaHa, BigDecimal clearedHa,
			BigDecimal clearedPct, long handedOver) {
	}

}
