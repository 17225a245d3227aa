package vn.landregistry.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Numbers and dates as the page's language writes them (vi: 1.234,5 ha; en: 1,234.5 ha), the
 * same as the scripts' Intl formats, for the templates ({@code ${fmt.ha(zone.areaHa)}}).
 */
final class PortalFormats {

	private final Locale locale;

	private final DateTimeFormatter date;

	private final DateTimeFormatter time;

	private final ZoneId zone;

	PortalFormats(Locale locale, ZoneId zone) {
		this.zone = zone;
		this.locale = "en".equals(locale.getLanguage()) ? Locale.UK : Locale.forLanguageTag("vi-VN");
		this.date = DateTimeFormatter.ofPattern("en".equals(locale.getLanguage()) ? "d MMM yyyy" : "dd/MM/yyyy",
				this.locale);
		this.time = DateTimeFormatter.ofPattern("en".equals(locale.getLanguage()) ? "d MMM yyyy, HH:mm"
				: "dd/MM/yyyy HH:mm", this.locale);
	}

	/** A number with up to {@code decimals} decimals, grouped; empty for none. */
	public String number(Object value, int decimals) {
		BigDecimal number = decimal(value);
		if (number == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getNumberInstance(this.locale);
		format.setMaximumFractionDigits(decimals);
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(number);
	}

	public String ha(Object value) {
		String number = number(value, 2);
		return number.isEmpty() ? "" : number + " ha";
	}

	/** A rate (0.668) as a percentage (66,8%). */
	public String rate(Object value) {
		BigDecimal number = decimal(value);
		return number == null ? "" : number(number.movePointRight(2), 1) + "%";
	}

	/** A percentage already in percent (66.8). */
	public String percent(Object value) {
		String number = number(value, 1);
		return number.isEmpty() ? "" : number + "%";
	}

	public String usd(Object min, Object max) {
		if (decimal(min) == null) {
			return "";
		}
		String low = "US$" + number(min, 2);
		return decimal(max) == null || decimal(max).compareTo(decimal(min)) == 0 ? low
				: low + "–" + number(max, 2);
	}

	/** A date written YYYY-MM-DD (JSON), in the page's format. */
	public String date(Object value) {
		if (value == null || value.toString().isBlank()) {
			return "";
		}
		return this.date.format(LocalDate.parse(value.toString().substring(0, 10)));
	}

	/** A moment (timestamp) in the province's time. */
	public String time(Object value) {
		TemporalAccessor moment;
		if (value instanceof java.sql.Timestamp timestamp) {
			moment = timestamp.toInstant().atZone(this.zone);
		}
		else if (value instanceof OffsetDateTime offset) {
			moment = offset.atZoneSameInstant(this.zone);
		}
		else {
			return value == null ? "" : value.toString();
		}
		return this.time.format(moment);
	}

	/** ISO date for a machine-readable {@code <time datetime>}. */
	public String iso(Object value) {
		return value == null ? "" : value.toString();
	}

	private static BigDecimal decimal(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		if (value instanceof Number number) {
			return new BigDecimal(number.toString());
		}
		try {
			return new BigDecimal(value.toString());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
