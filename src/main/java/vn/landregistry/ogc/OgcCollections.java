package vn.landregistry.ogc;

import java.util.LinkedHashMap;
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
				Map.of("code", "t.code", "kind", "t.kind", "district", "d.code", "planStatus", "t.plan_status", "lifecycle",
						"t.lifecycle")));
		add(new OgcCollection("plots", "Plots (lô đất)", "Published plots of published zones", "plot", "plot_as_of",
				"JOIN zone z ON z.id = t.zone_id",
				"t.published AND t.deleted_at IS NULL AND z.published AND z.deleted_at IS NULL", """
						json_build_object('code', t.code, 'zone', z.code, 'areaHa', round(t.area_ha, 4), 'landUse', t.land_use,
						  'clearedOn', t.cleared_on)""",
				Map.of("code", "t.code", "zone", "z.code", "landUse", "t.land_use")));
		add(new OgcCollection("clearance", "Land clearance phases (GPMB)",
				"Clearance phases of published zones with their current status", "clearance_phase", null,
				"JOIN zone z ON z.id = t.zone_id JOIN admin_unit d ON d.id = t.district_id",
				"t.deleted_at IS NULL AND z.published AND z.deleted_at IS NULL", """
						json_build_object('code', t.code, 'name', t.name, 'zone', z.code, 'district', d.code, 'status', t.status,
						  'areaHa', round(t.area_ha, 2), 'clearedHa', round(t.cleared_ha, 2), 'targetDate', t.target_date)""",
				Map.of("zone", "z.code", "district", "d.code", "status", "t.status")));
		add(new OgcCollection("districts", "Districts (huyện, thị xã, thành phố)",
				"District-level units with their validity dates; boundaries approximate", "admin_unit", null, "",
				"t.level = 'DISTRICT'", """
						json_build_object('code', t.code, 'name', t.name_vi, 'nameEn', t.name_en, 'unitType', t.unit_type,
						  'validFrom', t.valid_from, 'validTo', t.valid_to, 'boundaryAccuracy', t.boundary_accuracy)""",
				Map.of("code", "t.code")));
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
