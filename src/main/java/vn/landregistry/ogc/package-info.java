/**
 * OGC API - Features: collections, items pages and features, with their cache.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package vn.landregistry.ogc;
