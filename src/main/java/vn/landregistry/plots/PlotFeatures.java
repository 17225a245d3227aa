package vn.landregistry.plots;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.landregistry.history.Drafts;
import vn.landregistry.shared.AsOf;
import vn.landregistry.shared.GeoJson;
import vn.landregistry.shared.SqlWhere;
import vn.landregistry.shared.Visible;

/**
 * Plots as GeoJSON with their status on a day, built by PostGIS; for a past instant replayed
 * from their history (plot_as_of). Deleted plots never show; drafts only to signed-in users, who
 * also learn which plots have a draft revision pending (pendingDraft), read on its own ({@link #draft}).
 */
@Repository
class PlotFeatures {

	private static final String PROPERTIES = """
			json_build_object('id', p.id, 'zoneId', p.zone_id, 'zone', z.code, 'zoneName', z.name_vi, 'code', p.code,
			  'areaHa', round(p.area_ha, 4), 'landUse', p.land_use, 'status', s.status, 'clearedOn', p.cleared_on,
			  'published', p.published, 'demo', p.demo, 'version', p.version""";

	/** For editors: whether a plot has a draft waiting to be published. */
	private static final String PENDING = Drafts.pendingProperty("plot", "p");

	/** The draft of a plot: who saved it, when, why, what it changes, and whether the plot moved on since. */
	private static final String DRAFT = Drafts.draftProperties("p");

	private final JdbcClient jdbc;

	PlotFeatures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One page of the plots that match, in id order, as a FeatureCollection with numberReturned and,
	 * when more follow, a link to the next page ({@code next}, relative to this server).
	 */
	String collection(PlotFilter filter, boolean drafts, String next) {
		SqlWhere where = visible(drafts).in("z.code", "zones", filter.zones())
			.in("s.status", "statuses", filter.statuses())
			.intersects("p.boundary", filter.bbox());
		String page = select(filter.asOf(), drafts) + where.sql() + " ORDER BY p.id LIMIT :limit + 1 OFFSET :offset";
		String sql = """
				SELECT json_build_object('type', 'FeatureCollection',
				  'features', coalesce(json_agg(f.feature ORDER BY f.ord) FILTER (WHERE f.n <= :limit), '[]'::json),
				  'numberReturned', count(*) FILTER (WHERE f.n <= :limit),
				  'links', CASE WHEN count(*) > :limit
				    THEN json_build_array(json_build_object('rel', 'next', 'type', 'application/geo+json', 'href', :next))
				    ELSE '[]'::json END)::text
				  FROM (SELECT page.*, row_number() OVER (ORDER BY page.ord) AS n FROM (%s) page) f""".formatted(page);
		return this.jdbc.sql(sql).params(where.params()).param("day", filter.asOf().day())
			.param("at", filter.asOf().timestamp()).param("limit", filter.page().limit())
			.param("offset", filter.page().offset()).param("next", next).query(String.class).single();
	}

	/** The codes of the zones the reader may see: any other code is unknown, a draft's too. */
	Set<String> zoneCodes(boolean drafts) {
		return new LinkedHashSet<>(this.jdbc.sql("SELECT code FROM " + Visible.zones(drafts) + " z ORDER BY code")
			.query(String.class).list());
	}

	Optional<String> one(long id, AsOf asOf, boolean drafts) {
		SqlWhere where = visible(drafts);
		return this.jdbc.sql(select(asOf, drafts) + where.sql() + " AND p.id = :id").param("id", id).param("day", asOf.day())
			.param("at", asOf.timestamp()).query((rs, row) -> rs.getString("feature")).optional();
	}

	/** The plot as its pending draft would make it, with the draft's author, date and reason. */
	Optional<String> draft(long id, AsOf now) {
		String sql = select("plot_with_draft(:id) p", DRAFT) + " JOIN draft_revision dr ON dr.table_name = 'plot' AND dr.row_id = p.id"
				+ " WHERE p.deleted_at IS NULL";
		return this.jdbc.sql(sql).param("id", id).param("day", now.day()).query((rs, row) -> rs.getString("feature"))
			.optional();
	}

	/** Never deleted plots, nor those of deleted zones; what the public may see comes from {@link #select}. */
	private static SqlWhere visible(boolean drafts) {
		return new SqlWhere().condition("p.deleted_at IS NULL").condition("z.deleted_at IS NULL");
	}

	/** Editors read the tables, drafts too; everyone else what the public sees (now or then). */
	private static String select(AsOf asOf, boolean drafts) {
		if (asOf.now()) {
			return select(drafts ? "plot p" : "public_plot p", drafts ? PENDING : "");
		}
		return select((drafts ? "plot_as_of" : "public_plot_as_of") + "(CAST(:at AS timestamptz)) p", "");
	}

	private static String select(String plots, String moreProperties) {
		return "SELECT p.id AS ord, " + GeoJson.feature("p.id", "p.boundary", PROPERTIES + moreProperties + ")")
				+ " AS feature FROM " + plots
				+ " JOIN zone z ON z.id = p.zone_id"
				+ " CROSS JOIN LATERAL (SELECT plot_status(p.id, p.cleared_on, CAST(:day AS date)) AS status) s";
	}

}
