package vn.landregistry.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The instant a reader asks about: {@code asOf=2025-01-01} means the end of that day in the
 * registry's time zone (what the map showed that evening); {@code asOf=2025-01-01T09:30:00+07:00}
 * an exact instant. Without it, now. {@code day} is the calendar day of the instant, for the
 * day-based figures (leases, fill rates).
 */
public record AsOf(Instant instant, LocalDate day, boolean now) {

	public static AsOf parse(String text, Clock clock) {
		if (text == null || text.isBlank()) {
			return new AsOf(clock.instant(), LocalDate.now(clock), true);
		}
		String value = text.trim();
		try {
			if (value.length() == 10) {
				LocalDate day = LocalDate.parse(value);
				Instant end = day.plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusNanos(1000);
				return new AsOf(end, day, false);
			}
			Instant instant = OffsetDateTime.parse(value).toInstant();
			return new AsOf(instant, LocalDate.ofInstant(instant, clock.getZone()), false);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidParameterException("asOf", value,
					"asOf '" + value + "' is neither a date (YYYY-MM-DD) nor an instant (e.g. 2025-01-01T09:30:00+07:00)");
		}
	}

	public java.sql.Timestamp timestamp() {
		return java.sql.Timestamp.from(this.instant);
	}

}
