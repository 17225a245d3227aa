package vn.landregistry.zones;

import java.util.Set;

import vn.landregistry.shared.BBox;
import vn.landregistry.shared.Parameters;

/** The filters of {@code GET /api/zones}, parsed strictly; an empty set means "any". */
record ZoneFilter(Set<ZoneKind> kinds, Set<String> districts, Set<PlanStatus> planStatuses, BBox bbox) {

	static ZoneFilter parse(String kind, String district, String planStatus, String bbox, Set<String> knownDistricts) {
		return new ZoneFilter(Parameters.enums("kind", kind, ZoneKind.class),
				Parameters.codes("district", district, knownDistricts),
				Parameters.enums("planStatus", planStatus, PlanStatus.class), BBox.parse("bbox", bbox));
	}

}
