package vn.landregistry.zones;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.landregistry.admin.Units;
import vn.landregistry.history.Drafts;
import vn.landregistry.shared.AsOf;
import vn.landregistry.shared.GeoJson;
import vn.landregistry.shared.SqlWhere;

/**
 * Zones as GeoJSON, built by PostGIS in one statement; the map area is measured on the
 * spheroid (ST_Area on geography), not in degrees. For a past instant the zones are replayed
 * from their history (zone_as_of). Deleted zones never show; drafts only to signed-in users, who
 * also learn which zones have a draft revision pending (pendingDraft); the draft itself is read
 * on its own ({@link #draft}).
 */
@Repository
class ZoneFeatures {

	private static final String PROPERTIES = """
			json_build_object('id', z.id, 'kind', z.kind, 'code', z.code, 'name', z.name_vi, 'nameEn', z.name_en,
			  'unit', u.code, 'unitName', u.name_vi, 'unitNameEn', u.name_en, 'unitLevel', u.level,
			  'province', pv.code, 'provinceName', pv.name_vi, 'provinceNameEn', pv.name_en,
			  'district', d.code, 'districtName', d.name_vi, 'communes', z.communes,
			  'planStatus', z.plan_status, 'lifecycle', z.lifecycle, 'legalAreaHa', z.legal_area_ha,
			  'parent', (SELECT pz.code FROM zone pz WHERE pz.id = z.parent_id),
			  'planPeriod', CASE WHEN z.plan_period IS NOT NULL THEN lower(z.plan_period) || '-' || (upper(z.plan_period) - 1) END,
			  'mapAreaHa', round(CAST(ST_Area(CAST(z.boundary AS geography)) / 10000 AS numeric), 2),
			  'boundaryAccuracy', z.boundary_accuracy, 'boundaryNote', z.boundary_note, 'developer', z.developer,
			  'decisionNo', z.decision_no, 'decisionDate', z.decision_date, 'note', z.note,
			  'source', z.source, 'figureSources', z.figure_sources, 'demoFigures', zone_demo_figures(z.id, z.figure_sources),
			  'leaseLandHa', z.lease_land_ha, 'otherLandHa', z.other_land_ha, 'leasedHa', round(coalesce(o.leased_ha, 0), 4),
			  'occupancyRate', round(o.occupancy_rate, 6),
			  'availableCleanHa', (SELECT round(coalesce(sum(p.area_ha), 0), 4) FROM public_plot p
			                        WHERE p.zone_id = z.id AND plot_status(p.id, p.cleared_on, CAST(:day AS date)) = 'AVAILABLE_CLEAN'),
			  'published', z.published,
			  'version', z.version,
			  'updatedAt', z.updated_at""";

	/** For editors: whether a zone has a draft waiting to be published. */
	private static final String PENDING = Drafts.pendingProperty("zone", "z");

	/** The draft of a zone: who saved it, when, why, what it changes, and whether the zone moved on since. */
	private static final String DRAFT = Drafts.draftProperties("z");

	private final JdbcClient jdbc;

	ZoneFeatures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String collection(ZoneFilter filter, AsOf asOf, boolean drafts) {
		SqlWhere where = Units.within(visible(new SqlWhere(), drafts), "z.boundary", filter.units(), "day")
			.in("z.kind", "kinds", filter.kinds())
			.in("z.plan_status", "statuses", filter.planStatuses())
			.intersects("z.boundary", filter.bbox());
		return this.jdbc.sql(GeoJson.collection(select(asOf, drafts) + where.sql())).params(where.params())
			.param("day", asOf.day()).param("at", asOf.timestamp()).query(String.class).single();
	}

	Optional<String> one(long id, AsOf asOf, boolean drafts) {
		SqlWhere where = visible(new SqlWhere(), drafts).param("id", id);
		return this.jdbc.sql(select(asOf, drafts) + where.sql() + " AND z.id = :id").params(where.params())
			.param("day", asOf.day()).param("at", asOf.timestamp())
			.query((rs, row) -> rs.getString("feature")).optional();
	}

	/** The zone as its pending draft would make it, with the draft's author, date and reason. */
	Optional<String> draft(long id, AsOf now) {
		String sql = select("zone_with_draft(:id) z", DRAFT) + " JOIN draft_revision dr ON dr.table_name = 'zone' AND dr.row_id = z.id"
				+ " WHERE z.deleted_at IS NULL";
		return this.jdbc.sql(sql).param("id", id).param("day", now.day())
			.query((rs, row) -> rs.getString("feature")).optional();
	}

	/** Never deleted zones; what the public may see comes from {@link #select}. */
	private static SqlWhere visible(SqlWhere where, boolean drafts) {
		return where.condition("z.deleted_at IS NULL");
	}

	/** Editors read the tables, drafts too; everyone else what the public sees (now or then). */
	private static String select(AsOf asOf, boolean drafts) {
		if (asOf.now()) {
			return select(drafts ? "zone z" : "public_zone z", drafts ? PENDING : "");
		}
		return select((drafts ? "zone_as_of" : "public_zone_as_of") + "(CAST(:at AS timestamptz)) z", "");
	}

	private static String select(String zones, String moreProperties) {
		return "SELECT z.id AS ord, " + GeoJson.feature("z.id", "z.boundary", PROPERTIES + moreProperties + ")")
				+ " AS feature FROM " + zones
				// the unit and province holding the zone on the day; the district that held it before 2025
				+ Units.joinOnDay("z.boundary", "day", "u", "pv")
				+ " LEFT JOIN admin_unit d ON d.id = z.district_id"
				+ " LEFT JOIN zone_occupancy(CAST(:day AS date)) o ON o.zone_id = z.id";
	}

}
