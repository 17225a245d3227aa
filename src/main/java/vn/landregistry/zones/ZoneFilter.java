package vn.landregistry.zones;

import java.util.Set;

import vn.landregistry.shared.BBox;
import vn.landregistry.shared.Parameters;

/**
 * The filters of {@code GET /api/zones}, parsed strictly; an empty set means "any". Units: zones
 * lying in them (any level and period; see Units.within).
 */
record ZoneFilter(Set<ZoneKind> kinds, Set<String> units, Set<PlanStatus> planStatuses, BBox bbox) {

	static ZoneFilter parse(String kind, Set<String> units, String planStatus, String bbox) {
		return new ZoneFilter(Parameters.enums("kind", kind, ZoneKind.class), units,
				Parameters.enums("planStatus", planStatus, PlanStatus.class), BBox.parse("bbox", bbox));
	}

}
