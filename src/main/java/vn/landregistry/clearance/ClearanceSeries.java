package vn.landregistry.clearance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import vn.landregistry.shared.Step;

record ClearanceSeries(ClearanceGroupBy groupBy, Step step, LocalDate from, LocalDate to, List<LocalDate> dates,
		List<Row> rows) {

	record Row(String key, String name, LocalDate day, long phases, BigDecimal areaHa, BigDecimal clearedHa,
			BigDecimal clearedPct, long handedOver) {
	}

}
