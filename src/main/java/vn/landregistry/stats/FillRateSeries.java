package vn.landregistry.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.landregistry.shared.Step;

record FillRateSeries(GroupBy groupBy, Step step, LocalDate from, LocalDate to, List<LocalDate> dates,
		List<Series> series) {

	record Series(String key, String name, String nameEn, List<Point> points) {
	}

	record Point(LocalDate date, BigDecimal leaseLandHa, BigDecimal leasedHa, BigDecimal occupancyRate) {
	}

	/** One row per group and date, for CSV and XLSX. */
	record Row(LocalDate date, String key, String name, BigDecimal leaseLandHa, BigDecimal leasedHa,
			BigDecimal occupancyRate) {
	}

	List<Row> rows() {
		return this.series.stream()
			.flatMap(s -> s.points().stream()
				.map(p -> new Row(p.date(), s.key(), s.name(), p.leaseLandHa(), p.leasedHa(), p.occupancyRate())))
			.toList();
	}

}
