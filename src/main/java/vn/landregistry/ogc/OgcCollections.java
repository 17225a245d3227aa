package vn.landregistry.ogc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** The layers the registry publishes as OGC API – Features collections: public data only. */
@Component
class OgcCollections {

	/**
	 * Tables with a history that no collection shows anything of: leases (the collections carry
	 * neither plot statuses nor fill rates).
	 */
	static final Set<String> UNPUBLISHED = Set.of("lease");

	private final Map<String, OgcCollection> byId = new LinkedHashMap<>();

	OgcCollections() {
		add(new OgcCollection("zones", "Industrial zones and clusters (KCN/CCN)",
				"Published zones with their plan status and lifecycle; boundaries marked APPROXIMATE were not surveyed",
				"public_zone", "public_zone_as_of", "LEFT JOIN admin_unit d ON d.id = t.district_id", "true",
				"""
						t.code AS "code", t.kind AS "kind", t.name_vi AS "name", t.name_en AS "nameEn", d.code AS "district",
						t.plan_status AS "planStatus", t.lifecycle AS "lifecycle", t.legal_area_ha AS "legalAreaHa",
						t.boundary_accuracy AS "boundaryAccuracy", t.source AS "source\"""",
				List.of(OgcQueryable.text("code", "t.code", "Zone code"),
						OgcQueryable.oneOf("kind", "t.kind", "Kind: industrial zone (KCN) or cluster (CCN)", "KCN", "CCN"),
						OgcQueryable.text("district", "d.code", "Code of the district the zone was recorded in (districts ended on 2025-06-30)"),
						OgcQueryable.oneOf("planStatus", "t.plan_status", "Status in the provincial plan", "EXISTING", "NEW",
								"EXPANDED", "MERGED_INTO_KCN", "REMOVED"),
						OgcQueryable.oneOf("lifecycle", "t.lifecycle", "Stage of the zone's life", "PLANNED", "APPROVED",
								"UNDER_CONSTRUCTION", "OPERATING")),
				Set.of("zone", "admin_unit")));
		add(new OgcCollection("plots", "Plots (lô đất)", "Published plots of published zones", "public_plot",
				"public_plot_as_of", "JOIN zone z ON z.id = t.zone_id", "true", """
						t.code AS "code", z.code AS "zone", round(t.area_ha, 4) AS "areaHa", t.land_use AS "landUse",
						t.cleared_on AS "clearedOn\"""",
				List.of(OgcQueryable.text("code", "t.code", "Plot code (unique within its zone)"),
						OgcQueryable.text("zone", "z.code", "Code of the zone the plot lies in"),
						OgcQueryable.oneOf("landUse", "t.land_use", "Land use", "INDUSTRIAL", "LOGISTICS", "SERVICE")),
				Set.of("plot", "zone")));
		add(new OgcCollection("clearance", "Land clearance phases (GPMB)",
				"Clearance phases of published zones with their current status", "public_clearance_phase", null,
				"JOIN zone z ON z.id = t.zone_id LEFT JOIN admin_unit d ON d.id = t.district_id", "true", """
						t.code AS "code", t.name AS "name", z.code AS "zone", d.code AS "district", t.status AS "status",
						round(t.area_ha, 2) AS "areaHa", round(t.cleared_ha, 2) AS "clearedHa", t.target_date AS "targetDate\"""",
				List.of(OgcQueryable.text("zone", "z.code", "Code of the zone being cleared"),
						OgcQueryable.text("district", "d.code", "Code of the district the phase was recorded in (districts ended on 2025-06-30)"),
						OgcQueryable.oneOf("status", "t.status", "Clearance status", "NOT_STARTED", "INVENTORY", "PLAN_APPROVED",
								"PAYING", "HANDED_OVER", "BLOCKED")),
				Set.of("clearance_phase", "zone", "admin_unit")));
		add(new OgcCollection("districts", "Districts (huyện, thị xã, thành phố)",
				"District-level units with their validity dates; boundaries approximate", "admin_unit", null, "",
				"t.level = 'DISTRICT'", """
						t.code AS "code", t.name_vi AS "name", t.name_en AS "nameEn", t.unit_type AS "unitType",
						t.valid_from AS "validFrom", t.valid_to AS "validTo", t.boundary_accuracy AS "boundaryAccuracy\"""",
				List.of(OgcQueryable.text("code", "t.code", "District code")), Set.of("admin_unit")));
	}

	private void add(OgcCollection collection) {
		this.byId.put(collection.id(), collection);
	}

	Iterable<OgcCollection> all() {
		return this.byId.values();
	}

	Set<String> ids() {
		return Set.copyOf(this.byId.keySet());
	}

	Optional<OgcCollection> find(String id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	/**
	 * The collections whose features changes of these tables may alter: those that read them. A
	 * table none reads changes none if listed in {@link #UNPUBLISHED}, else (a table this class does
	 * not know) all, to be safe.
	 */
	Set<String> changedBy(Set<String> tables) {
		Set<String> changed = new java.util.TreeSet<>();
		for (String table : tables) {
			Set<String> readers = this.byId.values().stream().filter(c -> c.reads().contains(table)).map(OgcCollection::id)
				.collect(Collectors.toSet());
			changed.addAll(readers.isEmpty() && !UNPUBLISHED.contains(table) ? ids() : readers);
		}
		return changed;
	}

}
