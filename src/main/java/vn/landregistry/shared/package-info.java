/**
 * Helpers every feature uses: GeoJSON built in SQL, bounding boxes, parameter parsing and
 * RFC 9457 problem details.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.landregistry.shared;
