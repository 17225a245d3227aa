/**
 * The change history of zones, plots, leases and clearance phases, drafts, the edit workflow of versioned records,
 * and the watch on changes (notified by PostgreSQL, polled as a fallback) that the public caches use.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "security", "shared" })
package vn.landregistry.history;
