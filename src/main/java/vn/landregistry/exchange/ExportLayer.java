package vn.landregistry.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import vn.landregistry.shared.NotFoundException;
import vn.landregistry.shared.Visible;

/**
 * What each export layer reads: its tables, the SQL of every {@link ImportTarget} field of its
 * records (all of them, so that an exported file maps itself when imported again), read-only
 * extras that no import takes, and the columns its filters apply to. {@code :day} is today.
 */
enum ExportLayer {

	ZONES("zones", ImportTarget.ZONE, "zone", "{zone} z JOIN admin_unit d ON d.id = z.district_id", "z", "z.code",
			"z.name_vi",
			sql("code", "z.code", "kind", "z.kind", "name_vi", "z.name_vi", "name_en", "z.name_en", "plan_status",
					"z.plan_status", "lifecycle", "z.lifecycle", "legal_area_ha", "z.legal_area_ha", "lease_land_ha",
					"z.lease_land_ha", "developer", "z.developer", "decision_no", "z.decision_no", "decision_date",
					"z.decision_date", "note", "z.note"),
			List.of(Column.text("district", "ma_huyen", "d.code"),
					Column.text("boundary_accuracy", "do_chinh_xac", "z.boundary_accuracy"), Column.demoFigures("z"),
					Column.published("z.published")),
			new Filters("z.kind", null, "z.district_id", null, List.of())),

	/**
	 * Plots with their status today and, for the authority, the tenant of the lease in force (the one
	 * plot_status() finds); {@code demo} also marks a plot whose lease in force is a demo lease.
	 */
	PLOTS("plots", ImportTarget.PLOT, "plot", """
			{plot} p JOIN {zone} z ON z.id = p.zone_id
			LEFT JOIN LATERAL (SELECT l.investor_name, l.investor_country, l.industry, l.signed_on, l.operating_from, l.demo
			                     FROM lease l
			                    WHERE l.plot_id = p.id AND lease_in_force(l, CAST(:day AS date))
			                    LIMIT 1) l ON true
			CROSS JOIN LATERAL (SELECT plot_status(p.id, p.cleared_on, CAST(:day AS date)) AS status) s""", "p", "z.code, p.code",
			"p.code",
			sql("code", "p.code", "zone", "z.code", "land_use", "p.land_use", "cleared_on", "p.cleared_on", "area_ha",
					"round(p.area_ha, 4)", "tenant", "l.investor_name", "tenant_country", "l.investor_country", "industry",
					"l.industry", "signed_on", "l.signed_on", "operating_from", "l.operating_from", "note", "p.note"),
			List.of(Column.text("status", "trang_thai", "s.status"), Column.demo("p.demo OR coalesce(l.demo, false)"),
					Column.published("p.published")),
			new Filters("z.kind", "z.code", "z.district_id", "s.status",
					List.of("AVAILABLE_CLEAN", "AVAILABLE_NOT_CLEARED", "RESERVED", "LEASED", "IN_OPERATION"))),

	CLEARANCE("clearance", ImportTarget.CLEARANCE_PHASE, "clearance_phase", """
			{clearance_phase} c JOIN {zone} z ON z.id = c.zone_id JOIN admin_unit d ON d.id = c.district_id""", "c",
			"z.code, c.code", "c.name",
			sql("code", "c.code", "zone", "z.code", "name", "c.name", "target_date", "c.target_date", "note", "c.note"),
			List.of(Column.text("district", "ma_huyen", "d.code"), Column.text("status", "trang_thai", "c.status"),
					Column.number("area_ha", "dien_tich", "round(c.area_ha, 4)"),
					Column.number("cleared_ha", "dt_da_gpmb", "round(c.cleared_ha, 4)"),
					Column.text("decision_no", "so_qd_pa", "c.plan_decision_no"),
					new Column("decision_date", "ngay_qd_pa", "c.plan_decision_date", Kind.DATE, Audience.PUBLIC),
					// households and money: staff only, as on /api/clearance by default (registry.clearance.public-figures)
					new Column("households", "so_ho", "c.households_affected", Kind.NUMBER, Audience.SIGNED_IN),
					new Column("relocated", "so_ho_dd", "c.households_relocated", Kind.NUMBER, Audience.SIGNED_IN),
					new Column("planned_vnd", "kp_pa", "c.amount_planned_vnd", Kind.NUMBER, Audience.SIGNED_IN),
					new Column("paid_vnd", "kp_da_chi", "c.amount_paid_vnd", Kind.NUMBER, Audience.SIGNED_IN),
					Column.demo("c.demo")),
			new Filters("z.kind", "z.code", "c.district_id", "c.status",
					List.of("NOT_STARTED", "INVENTORY", "PLAN_APPROVED", "PAYING", "HANDED_OVER", "BLOCKED"))),

	/** Administrative units: public records, without drafts. */
	UNITS("units", ImportTarget.ADMIN_UNIT, "admin_unit", "admin_unit u LEFT JOIN admin_unit up ON up.id = u.parent_id",
			"u", "u.code", "u.name_vi",
			sql("code", "u.code", "level", "u.level", "unit_type", "u.unit_type", "name_vi", "u.name_vi", "name_en",
					"u.name_en", "parent", "up.code", "valid_from", "u.valid_from", "valid_to", "u.valid_to"),
			List.of(Column.text("boundary_accuracy", "do_chinh_xac", "u.boundary_accuracy")),
			new Filters(null, null, "u.id", null, List.of()));

	/** Who reads an export: columns and records are chosen by it. */
	enum Audience {

		/** Anyone: published records, no tenant names. */
		PUBLIC,
		/** A signed-in district officer: drafts too, as the API shows them. */
		SIGNED_IN,
		/** The Industrial Zones Authority: drafts and tenants. */
		AUTHORITY

	}

	/** The value types of exported attributes. */
	enum Kind {

		TEXT, NUMBER, DATE, BOOLEAN

	}

	/**
	 * An attribute of the export: its English and Vietnamese names, the SQL of its value, its type
	 * and who may read it.
	 */
	record Column(String en, String vi, String sql, Kind kind, Audience audience) {

		static Column text(String en, String vi, String sql) {
			return new Column(en, vi, sql, Kind.TEXT, Audience.PUBLIC);
		}

		static Column number(String en, String vi, String sql) {
			return new Column(en, vi, sql, Kind.NUMBER, Audience.PUBLIC);
		}

		/** Marks invented figures: the demo data's plots, leases and clearance phases. */
		static Column demo(String sql) {
			return new Column("demo", "demo", sql, Kind.BOOLEAN, Audience.PUBLIC);
		}

		/**
		 * Marks a zone's invented figures, as the map and the API do (SQL zone_demo_figures): the
		 * properties (comma-separated) whose source is "demo …" — a nominal area, a lifecycle read into
		 * the seeds, the land budget of generated plots — and those measured on demo plots.
		 */
		static Column demoFigures(String zone) {
			return new Column("demo_figures", "so_lieu_demo", "nullif(array_to_string(zone_demo_figures(" + zone + ".id, "
					+ zone + ".figure_sources), ','), '')", Kind.TEXT, Audience.PUBLIC);
		}

		/** Whether a record is public yet; only those who also see drafts get it. */
		static Column published(String sql) {
			return new Column("published", "cong_bo", sql, Kind.BOOLEAN, Audience.SIGNED_IN);
		}

		String name(boolean vietnamese) {
			return vietnamese ? this.vi : this.en;
		}

	}

	/**
	 * The columns each filter compares with, null where a filter does not apply to the layer, and the
	 * statuses (as plot_status() and clearance_phase.status write them).
	 */
	record Filters(String kind, String zone, String district, String status, List<String> statuses) {
	}

	private final String path;

	private final ImportTarget target;

	private final String table;

	private final String from;

	private final String alias;

	private final String order;

	private final String label;

	private final List<Column> columns;

	private final Filters filters;


	ExportLayer(String path, ImportTarget target, String table, String from, String alias, String order, String label,
			Map<String, String> fieldSql, List<Column> extras, Filters filters) {
		this.path = path;
		this.target = target;
		this.table = table;
		this.from = from;
		this.alias = alias;
		this.order = order;
		this.label = label;
		this.filters = filters;
		if (!fieldSql.keySet().equals(target.fields().stream().map(ImportTarget.Field::name).collect(Collectors.toSet()))) {
			throw new IllegalStateException(path + " must export exactly the fields of " + target + ": " + fieldSql.keySet());
		}
		List<Column> all = new ArrayList<>();
		for (ImportTarget.Field field : target.fields()) {
			Audience audience = tenant(field.name()) ? Audience.AUTHORITY
					: staffNote(target, field.name()) ? Audience.SIGNED_IN : Audience.PUBLIC;
			all.add(new Column(field.name(), field.names().get(0), fieldSql.get(field.name()),
					Kind.valueOf(field.type().name()), audience));
		}
		all.addAll(extras);
		this.columns = List.copyOf(all);
	}

	/** Tenant fields: only the authority reads who leases a plot. */
	private static boolean tenant(String field) {
		return List.of("tenant", "tenant_country", "industry", "signed_on", "operating_from").contains(field);
	}

	/** A clearance phase's note is the staff's: for signed-in readers, as on /api/clearance (issue 14). */
	private static boolean staffNote(ImportTarget target, String field) {
		return target == ImportTarget.CLEARANCE_PHASE && "note".equals(field);
	}

	private static Map<String, String> sql(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	static ExportLayer parse(String text) {
		for (ExportLayer layer : values()) {
			if (layer.path.equals(text.toLowerCase(Locale.ROOT))) {
				return layer;
			}
		}
		throw new NotFoundException("there is no export of '" + text + "'; the layers are zones, plots, clearance, units");
	}

	String path() {
		return this.path;
	}

	ImportTarget target() {
		return this.target;
	}

	/** The table whose codes {@code code} names. */
	String table() {
		return this.table;
	}

	/**
	 * The rows {@code audience} reads: what the public sees (shared.Visible) for the public; for
	 * those signed in, who see drafts too, the records that are not deleted.
	 */
	String from(Audience audience) {
		boolean drafts = audience != Audience.PUBLIC;
		return this.from.replace("{zone}", Visible.zones(drafts))
			.replace("{plot}", Visible.plots(drafts))
			.replace("{clearance_phase}", Visible.clearancePhases(drafts));
	}

	String boundary() {
		return this.alias + ".boundary";
	}

	String code() {
		return this.alias + ".code";
	}

	String order() {
		return this.order;
	}

	/** SQL of what names a record on a map (a KML placemark's name). */
	String label() {
		return this.label;
	}

	Filters filters() {
		return this.filters;
	}

	/** The columns {@code audience} may read, in file order. */
	List<Column> columns(Audience audience) {
		return this.columns.stream().filter(c -> c.audience().compareTo(audience) <= 0).toList();
	}

}
