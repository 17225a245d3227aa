package vn.landregistry.clearance;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * The units of the day side by side for the dashboard without a unit: phases, area to clear,
 * cleared % and overdue phases, as the page prints them in its language, each unit linking to its
 * own dashboard. Units with clean land but no phase have nothing to compare.
 */
public record ProvinceComparison(List<Line> lines, Line total) {

	public record Line(String code, String name, long phases, String areaHa, String clearedPct, BigDecimal clearedValue,
			long overdue) {
	}

	static ProvinceComparison of(ClearanceTable table, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		NumberFormat number = NumberFormat.getNumberInstance(english ? Locale.UK : Locale.forLanguageTag("vi-VN"));
		number.setMinimumFractionDigits(1);
		number.setMaximumFractionDigits(2);
		List<Line> lines = table.rows().stream()
			.filter(r -> r.key() != null && r.phases() > 0)
			.map(r -> line(r, english, number))
			.toList();
		return new ProvinceComparison(lines, table.total() == null ? null : line(table.total(), english, number));
	}

	private static Line line(ClearanceRow row, boolean english, NumberFormat number) {
		String pct = "–";
		if (row.clearedPct() != null) {
			NumberFormat one = (NumberFormat) number.clone();
			one.setMinimumFractionDigits(1);
			one.setMaximumFractionDigits(1);
			pct = one.format(row.clearedPct()) + (english ? "%" : "\u00a0%");
		}
		return new Line(row.key(), english && row.nameEn() != null ? row.nameEn() : row.name(), row.phases(),
				number.format(row.areaHa()), pct, row.clearedPct(), row.overdue());
	}

}
