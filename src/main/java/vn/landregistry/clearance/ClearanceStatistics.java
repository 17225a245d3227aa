package vn.landregistry.clearance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.landregistry.admin.Units;
import vn.landregistry.admin.Units.GroupingChange;
import vn.landregistry.shared.SqlWhere;
import vn.landregistry.shared.Step;

/**
 * Clearance progress from the state replayed on a day (clearance_state), aggregated by area, with
 * the clean land of the same zones: plots cleared and not leased on that day (plot_status). Only
 * what the public sees counts, for every reader: the phases and plots of V17's public views.
 */
@Repository
class ClearanceStatistics {

	static final String DEFINITION = "cleared % = Σ cleared ha ÷ Σ area to clear of the phases (area-weighted); "
			+ "overdue = past its target date and not handed over; clean land = plots cleared and not leased or reserved";

	/** One row per phase and one per clean plot, so that both can be grouped the same way. */
	private static final String FACTS = """
			WITH facts AS (
			  SELECT p.id AS phase_id, p.zone_id, p.boundary AS shape, pu.unit_id, pu.province_id, p.area_ha, s.cleared_ha,
			         s.status, s.target_date, s.households_affected, s.households_relocated, s.amount_planned_vnd,
			         s.amount_paid_vnd, 0::numeric AS clean_ha
			    FROM clearance_state(CAST(:asOf AS date)) s JOIN public_clearance_phase p ON p.id = s.phase_id
			    LEFT JOIN phase_units(CAST(:days AS date[])) pu ON pu.phase_id = p.id
			  UNION ALL
			  SELECT NULL, pl.zone_id, z.boundary, zu.unit_id, zu.province_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
			         NULL, pl.area_ha
			    FROM public_plot pl JOIN zone z ON z.id = pl.zone_id
			    LEFT JOIN zone_units(CAST(:days AS date[])) zu ON zu.zone_id = z.id
			   WHERE pl.cleared_on <= CAST(:asOf AS date)
			     AND plot_status(pl.id, pl.cleared_on, CAST(:asOf AS date)) = 'AVAILABLE_CLEAN')
			""";

	private static final String GROUPS = """
			  FROM facts f JOIN zone z ON z.id = f.zone_id LEFT JOIN admin_unit d ON d.id = f.unit_id
			  LEFT JOIN admin_unit pr ON pr.id = f.province_id""";

	private static final String FIGURES = """
			count(f.phase_id) AS phases, round(coalesce(sum(f.area_ha), 0), 2) AS area_ha,
			round(coalesce(sum(f.cleared_ha), 0), 2) AS cleared_ha,
			round(100 * sum(f.cleared_ha) / nullif(sum(f.area_ha), 0), 1) AS cleared_pct,
			count(*) FILTER (WHERE f.status = 'HANDED_OVER') AS handed_over,
			count(*) FILTER (WHERE f.status = 'BLOCKED') AS blocked,
			count(*) FILTER (WHERE f.target_date < CAST(:asOf AS date) AND f.status <> 'HANDED_OVER') AS overdue,
			sum(f.households_affected) AS households_affected, sum(f.households_relocated) AS households_relocated,
			sum(f.amount_planned_vnd) AS amount_planned_vnd, sum(f.amount_paid_vnd) AS amount_paid_vnd,
			round(sum(f.clean_ha), 2) AS clean_land_ha""";

	private final JdbcClient jdbc;

	ClearanceStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	ClearanceTable table(ClearanceGroupBy groupBy, Set<String> units, Set<String> zones, LocalDate asOf) {
		SqlWhere where = where("f.shape", units, zones).param("asOf", asOf).param("days", "{" + asOf + "}");
		String sql = FACTS + "SELECT GROUPING(" + groupBy.key + ") = 1 AS is_total, " + labels(groupBy) + ", " + FIGURES + "\n"
				+ GROUPS + where.sql() + " GROUP BY GROUPING SETS ((" + groupBy.columns() + "), ()) ORDER BY is_total, key";
		List<ClearanceRow> rows = new ArrayList<>();
		ClearanceRow[] total = new ClearanceRow[1];
		this.jdbc.sql(sql).params(where.params()).query((ResultSet rs) -> {
			if (rs.getBoolean("is_total")) {
				ClearanceRow t = row(rs);
				total[0] = new ClearanceRow("TOTAL", "Tổng", "Total", t.phases(), t.areaHa(), t.clearedHa(), t.clearedPct(),
						t.handedOver(), t.blocked(), t.overdue(), t.householdsAffected(), t.householdsRelocated(),
						t.amountPlannedVnd(), t.amountPaidVnd(), t.cleanLandHa());
			}
			else {
				rows.add(row(rs));
			}
		});
		return new ClearanceTable(groupBy, asOf, DEFINITION, rows, total[0], List.of());
	}

	/** Cleared % of each group at the end of every period; phases registered later are not yet counted. */
	ClearanceSeries series(ClearanceGroupBy groupBy, Set<String> units, Set<String> zones, Step step, LocalDate from,
			LocalDate to, List<LocalDate> dates, List<GroupingChange> changes) {
		SqlWhere where = where("p.boundary", units, zones).param("asOf", to).param("last", "{" + to + "}").param("days",
				dates.stream().map(LocalDate::toString).collect(Collectors.joining(",", "{", "}")));
		String sql = "SELECT t.day, " + labels(groupBy) + ", count(*) AS phases, round(sum(p.area_ha), 2) AS area_ha,"
				+ " string_agg(DISTINCT dp.code, ',' ORDER BY dp.code) AS provinces,"
				+ " round(sum(s.cleared_ha), 2) AS cleared_ha,"
				+ " round(100 * sum(s.cleared_ha) / nullif(sum(p.area_ha), 0), 1) AS cleared_pct,"
				+ " count(*) FILTER (WHERE s.status = 'HANDED_OVER') AS handed_over"
				+ " FROM unnest(CAST(:days AS date[])) AS t (day) CROSS JOIN LATERAL clearance_state(t.day) s"
				+ " JOIN public_clearance_phase p ON p.id = s.phase_id JOIN zone z ON z.id = p.zone_id"
				+ " LEFT JOIN phase_units(CAST(:days AS date[])) pu ON pu.phase_id = p.id AND pu.day = t.day"
				+ " LEFT JOIN admin_unit d ON d.id = pu.unit_id LEFT JOIN admin_unit dp ON dp.id = pu.province_id"
				// a province series runs on under the province of the last day, through the 2025 merger
				+ " LEFT JOIN phase_units(CAST(:last AS date[])) pl ON pl.phase_id = p.id"
				+ " LEFT JOIN admin_unit pr ON pr.id = coalesce(pl.province_id, pu.province_id)" + where.sql()
				+ " GROUP BY t.day, " + groupBy.columns() + " ORDER BY key, t.day";
		List<ClearanceSeries.Row> rows = this.jdbc.sql(sql).params(where.params())
			.query((rs, n) -> new ClearanceSeries.Row(rs.getString("key"), rs.getString("name"),
					rs.getObject("day", LocalDate.class), rs.getString("provinces"), rs.getLong("phases"), rs.getBigDecimal("area_ha"),
					rs.getBigDecimal("cleared_ha"), rs.getBigDecimal("cleared_pct"), rs.getLong("handed_over")))
			.list();
		return new ClearanceSeries(groupBy, step, from, to, dates, rows, changes);
	}

	private static SqlWhere where(String shape, Set<String> units, Set<String> zones) {
		return Units.within(new SqlWhere(), shape, units, "asOf").in("z.code", "zones", zones);
	}

	private static String labels(ClearanceGroupBy groupBy) {
		return groupBy.key + " AS key, " + groupBy.name + " AS name, " + groupBy.nameEn + " AS name_en";
	}

	private static ClearanceRow row(ResultSet rs) throws SQLException {
		return new ClearanceRow(rs.getString("key"), rs.getString("name"), rs.getString("name_en"), rs.getLong("phases"),
				rs.getBigDecimal("area_ha"), rs.getBigDecimal("cleared_ha"), rs.getBigDecimal("cleared_pct"),
				rs.getLong("handed_over"), rs.getLong("blocked"), rs.getLong("overdue"),
				(Long) rs.getObject("households_affected", Long.class), rs.getObject("households_relocated", Long.class),
				rs.getBigDecimal("amount_planned_vnd"), rs.getBigDecimal("amount_paid_vnd"),
				rs.getBigDecimal("clean_land_ha"));
	}

}
