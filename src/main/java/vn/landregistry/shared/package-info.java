/**
 * Helpers every feature uses: GeoJSON built in SQL, bounding boxes, parameter parsing, RFC 9457
 * problem details, and the answers of the public caches served from memory. A closed module that depends on no other.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package vn.landregistry.shared;
