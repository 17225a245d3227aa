package vn.landregistry.admin;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.landregistry.shared.Parameters;
import vn.landregistry.shared.SqlWhere;

/**
 * What other features may ask about administrative units on a day. Zones, plots and clearance
 * phases are placed in units by their shape (SQL: local_unit_id, zone_units, phase_units, in_unit):
 * districts until 2025-06-30, communes and wards of the merged province since 2025-07-01.
 */
@Service
public class Units {

	private final JdbcClient jdbc;

	Units(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Codes of every unit, provinces included, past or present. */
	public Set<String> codes() {
		return new LinkedHashSet<>(this.jdbc.sql("SELECT code FROM admin_unit ORDER BY code").query(String.class).list());
	}

	/**
	 * Unit codes asked for by the parameters {@code unit}, {@code district} and {@code commune}
	 * (the same list under the names of each period), each checked against the units the registry knows.
	 */
	public Set<String> asked(String unit, String district, String commune) {
		Set<String> known = codes();
		Set<String> asked = new LinkedHashSet<>(Parameters.codes("unit", unit, known));
		asked.addAll(Parameters.codes("district", district, known));
		asked.addAll(Parameters.codes("commune", commune, known));
		return asked;
	}

	/**
	 * A {@code groupBy} value with the names of each period's unit grouping ({@code district},
	 * {@code commune}) read as {@code unit}; other values pass unchanged to the caller's own parsing.
	 */
	public static String unitGrouping(String groupBy) {
		return groupBy != null && Set.of("district", "commune").contains(groupBy.trim().toLowerCase(Locale.ROOT))
				? "unit" : groupBy;
	}

	/**
	 * SQL joining, as {@code unit}, the unit holding {@code shape} on the day bound to
	 * {@code :dayParam}, and its province as {@code province}.
	 */
	public static String joinOnDay(String shape, String dayParam, String unit, String province) {
		return " LEFT JOIN admin_unit " + unit + " ON " + unit + ".id = local_unit_id(" + shape + ", CAST(:" + dayParam
				+ " AS date)) LEFT JOIN admin_unit " + province + " ON " + province + ".id = unit_province_id(" + unit
				+ ".id)";
	}

	/**
	 * Keeps the rows whose {@code shape} lies in one of {@code codes} (of any level and period): on
	 * the day bound to {@code :dayParam}, or the nearest day the unit was in force.
	 */
	public static SqlWhere within(SqlWhere where, String shape, Set<String> codes, String dayParam) {
		if (codes.isEmpty()) {
			return where;
		}
		return where.condition("EXISTS (SELECT 1 FROM admin_unit fu WHERE fu.code IN (:unitCodes) AND in_unit(" + shape
				+ ", fu.id, CAST(:" + dayParam + " AS date)))").param("unitCodes", codes);
	}

	/**
	 * The days after {@code from} up to {@code to} on which units began or ended, with the units
	 * that ended the day before and those that began: where a grouping by unit changes.
	 */
	public List<GroupingChange> changes(LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				WITH days AS (
				  SELECT DISTINCT b AS day FROM (SELECT valid_from AS b FROM admin_unit UNION SELECT valid_to + 1 FROM admin_unit) e
				   WHERE b > CAST(:from AS date) AND b <= CAST(:to AS date))
				SELECT d.day,
				       array(SELECT u.code FROM admin_unit u WHERE u.valid_to = d.day - 1 ORDER BY u.level DESC, u.code) AS ended,
				       array(SELECT u.code FROM admin_unit u WHERE u.valid_from = d.day ORDER BY u.level DESC, u.code) AS began,
				       array(SELECT DISTINCT u.level FROM admin_unit u WHERE u.valid_to = d.day - 1) AS ended_levels,
				       array(SELECT DISTINCT u.level FROM admin_unit u WHERE u.valid_from = d.day) AS began_levels,
				       (SELECT string_agg(DISTINCT s.legal_basis, '; ') FROM admin_unit_succession s WHERE s.effective_on = d.day) AS legal_basis
				  FROM days d ORDER BY d.day""")
			.param("from", from).param("to", to)
			.query((rs, row) -> new GroupingChange(rs.getObject("day", LocalDate.class),
					List.of((String[]) rs.getArray("ended").getArray()), List.of((String[]) rs.getArray("began").getArray()),
					List.of((String[]) rs.getArray("ended_levels").getArray()),
					List.of((String[]) rs.getArray("began_levels").getArray()), rs.getString("legal_basis")))
			.list();
	}

	/**
	 * From {@code day} on, units are grouped differently: {@code ended} units (of {@code endedLevels})
	 * ended the day before and {@code began} ones took over.
	 */
	public record GroupingChange(LocalDate day, List<String> ended, List<String> began, List<String> endedLevels,
			List<String> beganLevels, String legalBasis) {
	}

}
