package vn.landregistry.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import vn.landregistry.admin.Units.GroupingChange;
import vn.landregistry.shared.Step;

/**
 * Fill rate over time. A province series runs on across the 2025 merger under the province of
 * its last day; each point names the province of its own day ({@code provinces}), and
 * {@code groupingChanges} says on which days units ended and others took over.
 */
record FillRateSeries(GroupBy groupBy, Step step, LocalDate from, LocalDate to, List<LocalDate> dates,
		List<Series> series, List<GroupingChange> groupingChanges) {

	record Series(String key, String name, String nameEn, List<Point> points) {
	}

	record Point(LocalDate date, String provinces, BigDecimal leaseLandHa, BigDecimal leasedHa,
			BigDecimal occupancyRate, boolean demo) {
	}

	/** One row per group and date, for CSV and XLSX. */
	record Row(LocalDate date, String key, String name, String provinces, BigDecimal leaseLandHa, BigDecimal leasedHa,
			BigDecimal occupancyRate, boolean demo) {
	}

	List<Row> rows() {
		return this.series.stream()
			.flatMap(s -> s.points().stream()
				.map(p -> new Row(p.date(), s.key(), s.name(), p.provinces(), p.leaseLandHa(), p.leasedHa(),
						p.occupancyRate(), p.demo())))
			.toList();
	}

}
