/**
 * OGC API - Features: collections, items pages and features, with their cache.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "history", "shared" })
package vn.landregistry.ogc;
