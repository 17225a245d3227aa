/**
 * Plan targets of the province (zones and areas by year), with their sources.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "admin" })
package vn.landregistry.plans;
