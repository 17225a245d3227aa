package vn.landregistry.shared;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The period of a time series; each point is the last day of a period. */
public enum Step {

	MONTH(1), QUARTER(3), YEAR(12);

	private final int months;

	Step(int months) {
		this.months = months;
	}

	/** Last day of the period that contains {@code day}. */
	public LocalDate periodEnd(LocalDate day) {
		int firstMonth = ((day.getMonthValue() - 1) / this.months) * this.months + 1;
		return day.withMonth(firstMonth).plusMonths(this.months - 1).with(TemporalAdjusters.lastDayOfMonth());
	}

	public LocalDate next(LocalDate periodEnd) {
		return periodEnd.plusDays(1).plusMonths(this.months - 1).with(TemporalAdjusters.lastDayOfMonth());
	}

	/**
	 * The end of every period from {@code from} to {@code to}, and {@code to} itself as the last
	 * point; a range that gives more than {@code maxPoints} is refused.
	 */
	public List<LocalDate> points(LocalDate from, LocalDate to, int maxPoints) {
		if (from.isAfter(to)) {
			throw new InvalidParameterException("from", from.toString(), "from (" + from + ") is after to (" + to + ")");
		}
		List<LocalDate> dates = new ArrayList<>();
		for (LocalDate end = periodEnd(from); end.isBefore(to); end = next(end)) {
			dates.add(end);
			if (dates.size() >= maxPoints) {
				throw new InvalidParameterException("step", json(), "from " + from + " to " + to + " by " + json()
						+ " gives more than " + maxPoints + " points; choose a longer step or a shorter range");
			}
		}
		dates.add(to);
		return dates;
	}

	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

}
