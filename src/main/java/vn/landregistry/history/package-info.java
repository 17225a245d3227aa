/**
 * The change history of zones, plots, leases and clearance phases, drafts, and the edit workflow of versioned records.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "security", "shared" })
package vn.landregistry.history;
