/**
 * Industrial zones and clusters (KCN/CCN): reading and editing them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "admin", "history", "security", "shared" })
package vn.landregistry.zones;
