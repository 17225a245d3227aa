/**
 * Fill-rate and plan statistics, their series and their files.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "admin", "shared", "zones" })
package vn.landregistry.stats;
