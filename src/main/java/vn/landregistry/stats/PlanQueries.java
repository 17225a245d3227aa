package vn.landregistry.stats;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plan targets and reported figures beside what the registry holds. */
@Repository
class PlanQueries {

	/**
	 * Which zones count toward each kind of target (a CCN merged into a KCN counts for the KCN target).
	 * A zone and its expansion areas (rows whose parent it is) are one zone: counted once, their areas
	 * added. A change made under an earlier plan (plan_period not holding the target year, such as the
	 * CCN established or expanded in 2016–2020) is not one of the changes a target counts.
	 */
	private static final String PROGRESS = """
			SELECT t.kind, t.target_year, t.metric, t.comparison, t.description, t.source,
			       t.zone_count AS target_count, t.area_ha AS target_area_ha,
			       r.registry_count, r.legal_area_ha, r.without_legal_area, round(r.map_area_ha, 2) AS map_area_ha,
			       round(r.registry_count::numeric / nullif(t.zone_count, 0), 4) AS count_progress,
			       round(r.legal_area_ha / nullif(t.area_ha, 0), 4) AS area_progress
			  FROM plan_target t
			 CROSS JOIN LATERAL (
			       SELECT count(DISTINCT coalesce(z.parent_id, z.id)) AS registry_count, sum(z.legal_area_ha) AS legal_area_ha,
			              count(DISTINCT coalesce(z.parent_id, z.id)) FILTER (WHERE z.legal_area_ha IS NULL) AS without_legal_area,
			              coalesce(sum(ST_Area(z.boundary::geography)) / 10000, 0)::numeric AS map_area_ha
			         FROM public_zone z JOIN admin_unit d ON d.id = z.district_id
			        WHERE d.parent_id = t.region_id
			          AND z.kind = CASE WHEN t.metric = 'MERGED_INTO_KCN' THEN 'CCN' ELSE t.kind END
			          AND (t.metric = 'TOTAL' OR z.plan_period IS NULL OR z.plan_period @> t.target_year)
			          AND CASE t.metric
			                WHEN 'TOTAL' THEN z.plan_status NOT IN ('REMOVED', 'MERGED_INTO_KCN')
			                WHEN 'ADDED' THEN z.plan_status IN ('NEW', 'EXPANDED', 'MERGED_INTO_KCN')
			                WHEN 'NEW_IN_USE' THEN z.plan_status = 'NEW' AND z.lifecycle = 'OPERATING'
			                ELSE z.plan_status = t.metric END) r
			 ORDER BY t.target_year, t.kind, t.metric""";

	/** The registry's counterpart of each reported metric, on the report's day (a zone with its expansions once). */
	private static final String REPORTED = """
			WITH zones AS (
			  SELECT z.*, d.parent_id AS region_id FROM public_zone z JOIN admin_unit d ON d.id = z.district_id),
			active AS (
			  SELECT l.*, z.kind, z.region_id, r.id AS report_id
			    FROM reported_statistic r
			    JOIN zones z ON z.region_id = r.region_id AND z.kind = r.kind
			    JOIN public_plot p ON p.zone_id = z.id
			    JOIN lease l ON l.plot_id = p.id
			   WHERE lease_in_force(l, r.as_of) AND l.signed_on <= r.as_of)
			SELECT r.kind, r.metric, r.as_of, r.description, r.source, r.value AS reported,
			       CASE WHEN r.metric = 'OCCUPANCY_RATE' THEN 'RATE'
			            WHEN r.metric LIKE '%AREA_HA' THEN 'HA'
			            WHEN r.metric = 'REGISTERED_CAPITAL_BN_VND' THEN 'BN_VND' ELSE 'COUNT' END AS unit,
			       CASE r.metric
			         WHEN 'OCCUPANCY_RATE' THEN (
			           SELECT round(sum(o.leased_ha) / nullif(sum(o.lease_land_ha), 0), 6)
			             FROM zone_occupancy(r.as_of) o JOIN zones z ON z.id = o.zone_id
			            WHERE z.region_id = r.region_id AND z.kind = r.kind AND o.lease_land_ha > 0)
			         WHEN 'ZONE_COUNT' THEN (SELECT count(DISTINCT coalesce(z.parent_id, z.id)) FROM zones z WHERE z.region_id = r.region_id
			            AND z.kind = r.kind AND z.plan_status IN ('EXISTING', 'EXPANDED', 'MERGED_INTO_KCN'))
			         WHEN 'AREA_HA' THEN (SELECT sum(z.legal_area_ha) FROM zones z WHERE z.region_id = r.region_id
			            AND z.kind = r.kind AND z.plan_status IN ('EXISTING', 'EXPANDED', 'MERGED_INTO_KCN'))
			         WHEN 'OPERATING_ZONE_COUNT' THEN (SELECT count(DISTINCT coalesce(z.parent_id, z.id)) FROM zones z WHERE z.region_id = r.region_id
			            AND z.kind = r.kind AND z.lifecycle = 'OPERATING')
			         WHEN 'OPERATING_AREA_HA' THEN (SELECT sum(z.legal_area_ha) FROM zones z
			            WHERE z.region_id = r.region_id AND z.kind = r.kind AND z.lifecycle = 'OPERATING')
			         WHEN 'APPROVED_ZONE_COUNT' THEN (SELECT count(DISTINCT coalesce(z.parent_id, z.id)) FROM zones z WHERE z.region_id = r.region_id
			            AND z.kind = r.kind AND z.lifecycle IN ('APPROVED', 'UNDER_CONSTRUCTION', 'OPERATING'))
			         WHEN 'APPROVED_AREA_HA' THEN (SELECT sum(z.legal_area_ha) FROM zones z
			            WHERE z.region_id = r.region_id AND z.kind = r.kind
			              AND z.lifecycle IN ('APPROVED', 'UNDER_CONSTRUCTION', 'OPERATING'))
			         WHEN 'ENTERPRISES' THEN (SELECT count(DISTINCT a.investor_name) FROM active a
			            WHERE a.report_id = r.id AND a.operating_from <= r.as_of)
			         WHEN 'PROJECTS' THEN (SELECT count(*) FROM active a WHERE a.report_id = r.id)
			         WHEN 'REGISTERED_CAPITAL_BN_VND' THEN (SELECT sum(a.capital_amount) / 1e9 FROM active a
			            WHERE a.report_id = r.id AND a.capital_currency = 'VND')
			       END AS computed
			  FROM reported_statistic r
			 ORDER BY r.as_of, r.kind, r.metric""";

	private final JdbcClient jdbc;

	PlanQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<PlanProgressRow> progress() {
		return this.jdbc.sql(PROGRESS)
			.query((rs, i) -> new PlanProgressRow(rs.getString("kind"), rs.getInt("target_year"), rs.getString("metric"),
					rs.getString("comparison"), rs.getString("description"), rs.getString("source"),
					rs.getObject("target_count", Integer.class), rs.getBigDecimal("target_area_ha"),
					rs.getLong("registry_count"), rs.getBigDecimal("legal_area_ha"), rs.getLong("without_legal_area"),
					rs.getBigDecimal("map_area_ha"), rs.getBigDecimal("count_progress"),
					rs.getBigDecimal("area_progress")))
			.list();
	}

	List<ReportedRow> reported() {
		return this.jdbc.sql(REPORTED).query((rs, i) -> {
			var reported = rs.getBigDecimal("reported");
			var computed = rs.getBigDecimal("computed");
			return new ReportedRow(rs.getString("kind"), rs.getString("metric"),
					rs.getObject("as_of", java.time.LocalDate.class), rs.getString("unit"), reported, computed,
					computed == null ? null : computed.subtract(reported), rs.getString("description"),
					rs.getString("source"));
		}).list();
	}

}
