package vn.landregistry.security;

import java.util.Set;

/** Who is signed in: their role and, for a district officer, the districts they answer for. */
public record RegistryUser(String username, String displayName, Role role, Set<Long> districtIds) {

	public boolean isAuthority() {
		return this.role == Role.AUTHORITY_EDITOR || this.role == Role.AUTHORITY_ADMIN;
	}

	/** The authority writes everywhere; a district officer only in their own districts. */
	public boolean mayWriteInDistrict(long districtId) {
		return isAuthority() || this.districtIds.contains(districtId);
	}

}
