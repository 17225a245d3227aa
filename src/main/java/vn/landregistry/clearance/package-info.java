/**
 * Land clearance (GPMB): phases, their steps as events, the dashboard and its statistics.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "admin", "history", "security", "shared" })
package vn.landregistry.clearance;
