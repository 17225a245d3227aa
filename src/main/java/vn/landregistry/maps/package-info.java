/**
 * The map and editing pages, and the deployment's own base map.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package vn.landregistry.maps;
