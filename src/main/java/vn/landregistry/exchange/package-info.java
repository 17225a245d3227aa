/**
 * Imports and exports of files (GeoJSON, KML, GeoPackage, Shapefile, DXF, CSV, XLSX; VN-2000), through GDAL where a library does not cover a format.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "admin", "history", "security", "shared" })
package vn.landregistry.exchange;
