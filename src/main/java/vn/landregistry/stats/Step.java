package vn.landregistry.stats;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The period of a time series; each point is the last day of a period. */
enum Step {

	MONTH(1), QUARTER(3), YEAR(12);

	private final int months;

	Step(int months) {
		this.months = months;
	}

	/** Last day of the period that contains {@code day}. */
	LocalDate periodEnd(LocalDate day) {
		int firstMonth = ((day.getMonthValue() - 1) / this.months) * this.months + 1;
		return day.withMonth(firstMonth).plusMonths(this.months - 1).with(TemporalAdjusters.lastDayOfMonth());
	}

	LocalDate next(LocalDate periodEnd) {
		return periodEnd.plusDays(1).plusMonths(this.months - 1).with(TemporalAdjusters.lastDayOfMonth());
	}

	@JsonValue
	String json() {
		return name().toLowerCase(Locale.ROOT);
	}

}
