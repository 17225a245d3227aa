package vn.landregistry.portal;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.landregistry.admin.Units;
import vn.landregistry.shared.GeoJson;

/**
 * The public profile of a zone and the public detail of a plot, as GeoJSON features built by
 * PostGIS. Each property is listed here on purpose: tenants only when they agreed to be named
 * (without capital), no internal note, no draft, nothing deleted (V17's public views).
 */
@Repository
class PublicProfiles {

	private static final String ZONE = """
			json_build_object('code', z.code, 'name', z.name_vi, 'nameEn', z.name_en, 'kind', z.kind,
			  'unit', d.code, 'unitName', d.name_vi, 'unitNameEn', d.name_en, 'unitLevel', d.level,
			  'province', pv.code, 'provinceName', pv.name_vi, 'provinceNameEn', pv.name_en,
			  'communes', z.communes,
			  'planStatus', z.plan_status, 'lifecycle', z.lifecycle, 'legalAreaHa', z.legal_area_ha,
			  'demoFigures', zone_demo_figures(z.id, z.figure_sources),
			  'mapAreaHa', round(CAST(ST_Area(z.boundary::geography) / 10000 AS numeric), 2),
			  'boundaryAccuracy', z.boundary_accuracy, 'leaseLandHa', z.lease_land_ha,
			  'occupancyRate', round(o.occupancy_rate, 4), 'leasedHa', round(coalesce(o.leased_ha, 0), 2),
			  'availableCleanHa', (SELECT round(coalesce(sum(p.area_ha), 0), 2) FROM public_plot p
			      WHERE p.zone_id = z.id AND p.cleared_on <= CAST(:today AS date)
			        AND """ + OfferSql.FREE + """
			        ),
			  'availablePlots', (SELECT count(*) FROM public_plot p
			      WHERE p.zone_id = z.id AND """ + OfferSql.FREE + """
			        ),
			  'clearance', (SELECT json_build_object('phases', count(*), 'areaHa', round(sum(c.area_ha), 2),
			                   'clearedHa', round(sum(c.cleared_ha), 2),
			                   'clearedPct', round(100 * sum(c.cleared_ha) / nullif(sum(c.area_ha), 0), 1),
			                   'nextTargetDate', min(c.target_date) FILTER (WHERE c.status <> 'HANDED_OVER'
			                                                            AND c.target_date >= CAST(:today AS date)),
			                   'overduePhases', count(*) FILTER (WHERE c.status <> 'HANDED_OVER'
			                                                      AND c.target_date < CAST(:today AS date)),
			                   'overdueSince', min(c.target_date) FILTER (WHERE c.status <> 'HANDED_OVER'
			                                                         AND c.target_date < CAST(:today AS date)))
			                  FROM public_clearance_phase c WHERE c.zone_id = z.id),
			  'developer', z.developer, 'contactName', z.contact_name, 'contactPhone', z.contact_phone,
			  'contactEmail', z.contact_email, 'infrastructureNote', z.infrastructure_note,
			  'industries', z.industries, 'leasePriceMinUsd', z.lease_price_min_usd, 'leasePriceMaxUsd', z.lease_price_max_usd,
			  'decisionNo', z.decision_no, 'decisionDate', z.decision_date, 'note', z.note, 'source', z.source,
			  'documents', (SELECT coalesce(json_agg(json_build_object('title', doc.title, 'number', doc.number,
			                   'issuedOn', doc.issued_on, 'issuer', doc.issuer, 'source', doc.source) ORDER BY doc.id), '[]'::json)
			                  FROM zone_document doc WHERE doc.zone_id = z.id),
			  'tenants', (SELECT coalesce(json_agg(json_build_object('name', l.investor_name, 'country', l.investor_country,
			                   'industry', l.industry) ORDER BY l.investor_name), '[]'::json)
			                FROM lease l JOIN public_plot p ON p.id = l.plot_id
			               WHERE p.zone_id = z.id AND l.published AND lease_in_force(l, CAST(:today AS date))
			                 AND l.signed_on <= CAST(:today AS date)),
			  'url', '/portal/zones/' || z.code,
			  """ + SiteFacts.property("z.boundary") + ")";

	private static final String PLOT = """
			json_build_object('id', p.id, 'code', p.code, 'areaHa', round(p.area_ha, 2), 'landUse', p.land_use,
			  'status', plot_status(p.id, p.cleared_on, CAST(:today AS date)),
			  'readyNow', p.cleared_on IS NOT NULL AND p.cleared_on <= CAST(:today AS date), 'clearedOn', p.cleared_on,
			  'expectedOn', """ + OfferSql.EXPECTED_ON + """
			  ,
			  'zone', z.code, 'zoneName', z.name_vi, 'zoneNameEn', z.name_en, 'kind', z.kind,
			  'unit', d.code, 'unitName', d.name_vi, 'unitNameEn', d.name_en, 'unitLevel', d.level,
			  'province', pv.code, 'provinceName', pv.name_vi, 'provinceNameEn', pv.name_en,
			  'occupancyRate', round(o.occupancy_rate, 4), 'industries', z.industries,
			  'leasePriceMinUsd', z.lease_price_min_usd, 'leasePriceMaxUsd', z.lease_price_max_usd,
			  'boundaryAccuracy', z.boundary_accuracy, 'demo', p.demo, 'url', '/portal/plots/' || p.id,
			  """ + SiteFacts.property("p.boundary") + ")";

	private final JdbcClient jdbc;

	PublicProfiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> zone(String code, LocalDate today) {
		return this.jdbc.sql("SELECT " + GeoJson.feature("z.code", "z.boundary", ZONE)
				+ "::text FROM public_zone z"
				+ Units.joinOnDay("z.boundary", "today", "d", "pv")
				+ " LEFT JOIN zone_occupancy(CAST(:today AS date)) o ON o.zone_id = z.id WHERE z.code = upper(:code)")
			.param("code", code).param("today", today).query(String.class).optional();
	}

	Optional<String> plot(long id, LocalDate today) {
		return this.jdbc.sql("SELECT " + GeoJson.feature("p.id", "p.boundary", PLOT)
				+ "::text FROM public_plot p JOIN zone z ON z.id = p.zone_id"
				+ Units.joinOnDay("p.boundary", "today", "d", "pv")
				+ " LEFT JOIN zone_occupancy(CAST(:today AS date)) o ON o.zone_id = z.id"
				+ " WHERE p.id = :id")
			.param("id", id).param("today", today).query(String.class).optional();
	}

	/** Published zones with the commune or ward holding them today, for the search's choices and the zone directory. */
	java.util.List<java.util.Map<String, Object>> publishedZones(LocalDate today) {
		return this.jdbc.sql("""
				SELECT z.code, z.name_vi AS name, z.name_en AS "nameEn", z.kind, d.code AS unit,
				       d.name_vi AS "unitName", coalesce(d.name_en, d.name_vi) AS "unitNameEn"
				  FROM public_zone z LEFT JOIN admin_unit d ON d.id = local_unit_id(z.boundary, CAST(:today AS date))""").param("today", today).query().listOfRows();
	}

	/** Whether any published zone has a lease price: a price filter can only match where one is published. */
	boolean pricesPublished() {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM public_zone WHERE lease_price_min_usd IS NOT NULL)")
			.query(Boolean.class).single();
	}

	/** Codes and last change of every published zone, and ids of published plots, for the sitemap. */
	java.util.List<String> zoneCodes() {
		return this.jdbc.sql("SELECT code FROM public_zone ORDER BY code").query(String.class).list();
	}

	java.util.List<Long> availablePlotIds(LocalDate today) {
		return this.jdbc.sql("""
				SELECT p.id FROM public_plot p
				 WHERE """ + OfferSql.FREE + """
				 ORDER BY p.id""").param("today", today).query(Long.class).list();
	}

}
