package vn.landregistry.security;

import java.util.List;

/** A user to create: districts (codes) only for a district officer. */
record NewUser(String username, String displayName, String password, Role role, List<String> districts) {
}
