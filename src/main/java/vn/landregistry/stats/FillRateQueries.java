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
			round(sum(o.leased_ha) FILTER (WHERE %1$s) / nullif(sum(o.lease_land_ha) FILTER (WHERE %1$s), 0), 6) AS occupancy_rate
			""".formatted(HAS_LAND);

	private static final String ZONES = """
			  JOIN zone z ON z.id = o.zone_id
			  JOIN admin_unit d ON d.id = z.district_id
			  LEFT JOIN admin_unit p ON p.id = d.parent_id""";

	private final JdbcClient jdbc;

	FillRateQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	FillRateTable table(GroupBy groupBy, ZoneScope scope, LocalDate asOf) {
		SqlWhere where = where(scope).param("asOf", asOf);
		String sql = "SELECT GROUPING(" + groupBy.key + ") = 1 AS is_total, " + labels(groupBy) + ", " + FIGURES
				+ " FROM zone_occupancy(CAST(:asOf AS date)) o " + ZONES + where.sql()
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
			List<LocalDate> dates) {
		SqlWhere where = where(scope).param("days",
				dates.stream().map(LocalDate::toString).collect(Collectors.joining(",", "{", "}")));
		String sql = "SELECT t.day, " + labels(groupBy) + ", " + FIGURES
				+ " FROM unnest(CAST(:days AS date[])) AS t (day) CROSS JOIN LATERAL zone_occupancy(t.day) o " + ZONES
				+ where.sql() + " GROUP BY t.day, " + groupBy.columns
				+ (groupBy == GroupBy.ZONE ? " HAVING count(*) FILTER (WHERE " + HAS_LAND + ") > 0" : "")
				+ " ORDER BY key, t.day";
		Map<String, List<FillRateSeries.Point>> points = new LinkedHashMap<>();
		Map<String, FillRateRow> labels = new HashMap<>();
		this.jdbc.sql(sql).params(where.params()).query((ResultSet rs) -> {
			FillRateRow row = row(rs);
			labels.putIfAbsent(row.key(), row);
			points.computeIfAbsent(row.key(), k -> new ArrayList<>())
				.add(new FillRateSeries.Point(rs.getObject("day", LocalDate.class), row.leaseLandHa(), row.leasedHa(),
						row.occupancyRate()));
		});
		List<FillRateSeries.Series> series = points.entrySet().stream().map(e -> {
			FillRateRow label = labels.get(e.getKey());
			return new FillRateSeries.Series(e.getKey(), label.name(), label.nameEn(), e.getValue());
		}).toList();
		return new FillRateSeries(groupBy, step, from, to, dates, series);
	}

	private static String labels(GroupBy g) {
		return g.key + " AS key, " + g.name + " AS name, " + g.nameEn + " AS name_en, " + g.zoneId + " AS zone_id, "
				+ g.kind + " AS kind, " + g.district + " AS district";
	}

	private static SqlWhere where(ZoneScope scope) {
		return new SqlWhere().in("z.kind", "kinds", scope.kinds()).in("d.code", "districts", scope.districts());
	}

	private static FillRateRow row(ResultSet rs) throws SQLException {
		Long zoneId = rs.getObject("zone_id", Long.class);
		return new FillRateRow(rs.getString("key"), rs.getString("name"), rs.getString("name_en"), zoneId, rs.getString("kind"), rs.getString("district"), rs.getLong("zones"),
				rs.getLong("excluded_zones"), rs.getBigDecimal("lease_land_ha"), rs.getBigDecimal("leased_ha"),
				rs.getBigDecimal("occupancy_rate"));
	}

	private static FillRateRow totalRow(FillRateRow row) {
		return new FillRateRow("TOTAL", "Tổng", "Total", null, null, null, row.zones(), row.excludedZones(),
				row.leaseLandHa(), row.leasedHa(), row.occupancyRate());
	}

}
