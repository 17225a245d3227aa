package vn.landregistry.stats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.landregistry.admin.Units;
import vn.landregistry.admin.Units.GroupingChange;
import vn.landregistry.shared.SqlWhere;
import vn.landregistry.shared.Step;

/**
 * Fill rates from the per-zone definition in the database (zone_occupancy), aggregated by area:
 * sum(leased) / sum(land for lease) over the zones that have land for lease.
 */
@Repository
class FillRateQueries {

	static final String DEFINITION = "leased or operating area ÷ industrial land for lease; aggregated by area "
			+ "(Σ leased ÷ Σ land for lease); zones without land for lease are excluded";

	private static final String HAS_LAND = "o.lease_land_ha > 0";

	private static final String FIGURES = """
			count(*) FILTER (WHERE %1$s) AS zones,
			count(*) FILTER (WHERE NOT coalesce(%1$s, false)) AS excluded_zones,
			round(coalesce(sum(o.lease_land_ha) FILTER (WHERE %1$s), 0), 4) AS lease_land_ha,
			round(coalesce(sum(o.leased_ha) FILTER (WHERE %1$s), 0), 4) AS leased_ha,
			round(sum(o.leased_ha) FILTER (WHERE %1$s) / nullif(sum(o.lease_land_ha) FILTER (WHERE %1$s), 0), 6) AS occupancy_rate,
			coalesce(bool_or(%1$s AND 'occupancyRate' = ANY (zone_demo_figures(z.id, z.figure_sources))), false) AS demo
			""".formatted(HAS_LAND);

	/** The zone, and the unit and province holding it on the day (t.day); p may be the last day's province. */
	private static final String ZONES = """
			  JOIN zone z ON z.id = o.zone_id
			  LEFT JOIN zone_units(CAST(:days AS date[])) zu ON zu.zone_id = z.id AND zu.day = t.day
			  LEFT JOIN admin_unit d ON d.id = zu.unit_id
			  LEFT JOIN admin_unit dp ON dp.id = zu.province_id""";

	private final JdbcClient jdbc;

	FillRateQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	FillRateTable table(GroupBy groupBy, ZoneScope scope, LocalDate asOf) {
		SqlWhere where = where(scope).param("asOf", asOf).param("days", "{" + asOf + "}");
		String sql = "SELECT GROUPING(" + groupBy.key + ") = 1 AS is_total, " + labels(groupBy) + ", " + FIGURES
				+ " FROM (SELECT CAST(:asOf AS date) AS day) t CROSS JOIN zone_occupancy(t.day) o " + ZONES
				+ " LEFT JOIN admin_unit p ON p.id = zu.province_id" + where.sql()
				+ " GROUP BY GROUPING SETS ((" + groupBy.columns + "), ())"
				+ (groupBy == GroupBy.ZONE ? " HAVING GROUPING(z.code) = 1 OR count(*) FILTER (WHERE " + HAS_LAND + ") > 0" : "")
				+ " ORDER BY is_total, key";
		List<FillRateRow> rows = new ArrayList<>();
		FillRateRow[] total = new FillRateRow[1];
		this.jdbc.sql(sql).params(where.params()).query((ResultSet rs) -> {
			if (rs.getBoolean("is_total")) {
				total[0] = totalRow(row(rs));
			}
			else {
				rows.add(row(rs));
			}
		});
		return new FillRateTable(groupBy, asOf, DEFINITION, rows, total[0]);
	}

	FillRateSeries series(GroupBy groupBy, ZoneScope scope, Step step, LocalDate from, LocalDate to,
			List<LocalDate> dates, List<GroupingChange> changes) {
		SqlWhere where = where(scope).param("asOf", to).param("last", "{" + to + "}").param("days",
				dates.stream().map(LocalDate::toString).collect(Collectors.joining(",", "{", "}")));
		// a province series runs on under the province of the last day, through the 2025 merger
		String sql = "SELECT t.day, " + labels(groupBy) + ", " + FIGURES
				+ ", string_agg(DISTINCT dp.code, ',' ORDER BY dp.code) AS provinces"
				+ " FROM unnest(CAST(:days AS date[])) AS t (day) CROSS JOIN LATERAL zone_occupancy(t.day) o " + ZONES
				+ " LEFT JOIN zone_units(CAST(:last AS date[])) zl ON zl.zone_id = z.id"
				+ " LEFT JOIN admin_unit p ON p.id = coalesce(zl.province_id, zu.province_id)"
				+ where.sql() + " GROUP BY t.day, " + groupBy.columns
				+ (groupBy == GroupBy.ZONE ? " HAVING count(*) FILTER (WHERE " + HAS_LAND + ") > 0" : "")
				+ " ORDER BY key, t.day";
		Map<String, List<FillRateSeries.Point>> points = new LinkedHashMap<>();
		Map<String, FillRateRow> labels = new HashMap<>();
		this.jdbc.sql(sql).params(where.params()).query((ResultSet rs) -> {
			FillRateRow row = row(rs);
			labels.putIfAbsent(row.key(), row);
			points.computeIfAbsent(row.key(), k -> new ArrayList<>())
				.add(new FillRateSeries.Point(rs.getObject("day", LocalDate.class), rs.getString("provinces"),
						row.leaseLandHa(), row.leasedHa(), row.occupancyRate(), row.demo()));
		});
		List<FillRateSeries.Series> series = points.entrySet().stream().map(e -> {
			FillRateRow label = labels.get(e.getKey());
			return new FillRateSeries.Series(e.getKey(), label.name(), label.nameEn(), e.getValue());
		}).toList();
		return new FillRateSeries(groupBy, step, from, to, dates, series, changes);
	}

	private static String labels(GroupBy g) {
		return g.key + " AS key, " + g.name + " AS name, " + g.nameEn + " AS name_en, " + g.zoneId + " AS zone_id, "
				+ g.kind + " AS kind, " + g.unit() + " AS unit, " + g.level() + " AS level";
	}

	private static SqlWhere where(ZoneScope scope) {
		return Units.within(new SqlWhere().in("z.kind", "kinds", scope.kinds()), "z.boundary", scope.units(), "asOf");
	}

	private static FillRateRow row(ResultSet rs) throws SQLException {
		Long zoneId = rs.getObject("zone_id", Long.class);
		return new FillRateRow(rs.getString("key"), rs.getString("name"), rs.getString("name_en"), zoneId,
				rs.getString("kind"), rs.getString("unit"), rs.getString("level"), rs.getLong("zones"),
				rs.getLong("excluded_zones"), rs.getBigDecimal("lease_land_ha"), rs.getBigDecimal("leased_ha"),
				rs.getBigDecimal("occupancy_rate"), rs.getBoolean("demo"));
	}

	private static FillRateRow totalRow(FillRateRow row) {
		return new FillRateRow("TOTAL", "Tổng", "Total", null, null, null, null, row.zones(), row.excludedZones(),
				row.leaseLandHa(), row.leasedHa(), row.occupancyRate(), row.demo());
	}

}
