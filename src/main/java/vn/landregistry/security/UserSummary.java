package vn.landregistry.security;

import java.util.List;

/** A user as the administrator sees it; never the password hash. */
record UserSummary(String username, String displayName, Role role, boolean enabled, List<String> units) {
}
