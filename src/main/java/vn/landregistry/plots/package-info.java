/**
 * Plots and leases: reading, editing, splitting and merging plots, their status.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "history", "security", "shared" })
package vn.landregistry.plots;
