package vn.landregistry.security;

import java.util.Set;

/**
 * Who is signed in: their role and, for a local officer, the administrative units they answer for
 * (districts until 2025-06-30, communes and wards since).
 */
public record RegistryUser(String username, String displayName, Role role, Set<Long> unitIds) {

	public boolean isAuthority() {
		return this.role == Role.AUTHORITY_EDITOR || this.role == Role.AUTHORITY_ADMIN;
	}

	/** The authority writes everywhere; a local officer only for their own units. */
	public boolean mayWriteFor(long unitId) {
		return isAuthority() || this.unitIds.contains(unitId);
	}

}
