package vn.landregistry.ogc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The layers the registry publishes as OGC API – Features collections: public data only. */
@Component
class OgcCollections {

	private final Map<String, OgcCollection> byId = new LinkedHashMap<>();

	OgcCollections() {
		add(new OgcCollection("zones", "Industrial zones and clusters (KCN/CCN)",
				"Published zones with their plan status and lifecycle; boundaries marked APPROXIMATE were not surveyed",
				"zone", "zone_as_of", "JOIN admin_unit d ON d.id = t.district_id", "t.published AND t.deleted_at IS NULL",
				"""
						json_build_object('code', t.code, 'kind', t.kind, 'name', t.name_vi, 'nameEn', t.name_en,
						  'district', d.code, 'planStatus', t.plan_status, 'lifecycle', t.lifecycle,
						  'legalAreaHa', t.legal_area_ha, 'boundaryAccuracy', t.boundary_accuracy, 'source', t.source)""",
				List.of(OgcQueryable.text("code", "t.code", "Zone code"),
						OgcQueryable.oneOf("kind", "t.kind", "Kind: industrial zone (KCN) or cluster (CCN)", "KCN", "CCN"),
						OgcQueryable.text("district", "d.code", "Code of the district the zone lies in"),
						OgcQueryable.oneOf("planStatus", "t.plan_status", "Status in the provincial plan", "EXISTING", "NEW",
								"EXPANDED", "MERGED_INTO_KCN", "REMOVED"),
						OgcQueryable.oneOf("lifecycle", "t.lifecycle", "Stage of the zone's life", "PLANNED", "APPROVED",
								"UNDER_CONSTRUCTION", "OPERATING"))));
		add(new OgcCollection("plots", "Plots (lô đất)", "Published plots of published zones", "plot", "plot_as_of",
				"JOIN zone z ON z.id = t.zone_id",
				"t.published AND t.deleted_at IS NULL AND z.published AND z.deleted_at IS NULL", """
						json_build_object('code', t.code, 'zone', z.code, 'areaHa', round(t.area_ha, 4), 'landUse', t.land_use,
						  'clearedOn', t.cleared_on)""",
				List.of(OgcQueryable.text("code", "t.code", "Plot code (unique within its zone)"),
						OgcQueryable.text("zone", "z.code", "Code of the zone the plot lies in"),
						OgcQueryable.oneOf("landUse", "t.land_use", "Land use", "INDUSTRIAL", "LOGISTICS", "SERVICE"))));
		add(new OgcCollection("clearance", "Land clearance phases (GPMB)",
				"Clearance phases of published zones with their current status", "clearance_phase", null,
				"JOIN zone z ON z.id = t.zone_id JOIN admin_unit d ON d.id = t.district_id",
				"t.deleted_at IS NULL AND z.published AND z.deleted_at IS NULL", """
						json_build_object('code', t.code, 'name', t.name, 'zone', z.code, 'district', d.code, 'status', t.status,
						  'areaHa', round(t.area_ha, 2), 'clearedHa', round(t.cleared_ha, 2), 'targetDate', t.target_date)""",
				List.of(OgcQueryable.text("zone", "z.code", "Code of the zone being cleared"),
						OgcQueryable.text("district", "d.code", "Code of the district the phase lies in"),
						OgcQueryable.oneOf("status", "t.status", "Clearance status", "NOT_STARTED", "INVENTORY", "PLAN_APPROVED",
								"PAYING", "HANDED_OVER", "BLOCKED"))));
		add(new OgcCollection("districts", "Districts (huyện, thị xã, thành phố)",
				"District-level units with their validity dates; boundaries approximate", "admin_unit", null, "",
				"t.level = 'DISTRICT'", """
						json_build_object('code', t.code, 'name', t.name_vi, 'nameEn', t.name_en, 'unitType', t.unit_type,
						  'validFrom', t.valid_from, 'validTo', t.valid_to, 'boundaryAccuracy', t.boundary_accuracy)""",
				List.of(OgcQueryable.text("code", "t.code", "District code"))));
	}

	private void add(OgcCollection collection) {
		this.byId.put(collection.id(), collection);
	}

	Iterable<OgcCollection> all() {
		return this.byId.values();
	}

	Optional<OgcCollection> find(String id) {
		return Optional.ofNullable(this.byId.get(id));
	}

}
