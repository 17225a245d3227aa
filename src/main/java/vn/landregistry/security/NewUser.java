package vn.landregistry.security;

import java.util.List;
import java.util.stream.Stream;

/**
 * A user to create. A local officer answers for units: codes of communes or wards, or of districts
 * for work before 2025-07-01 ({@code districts} is the older name of the same list).
 */
record NewUser(String username, String displayName, String password, Role role, List<String> units,
		List<String> districts) {

	List<String> unitCodes() {
		return Stream.concat(this.units == null ? Stream.empty() : this.units.stream(),
				this.districts == null ? Stream.empty() : this.districts.stream()).distinct().toList();
	}

}
