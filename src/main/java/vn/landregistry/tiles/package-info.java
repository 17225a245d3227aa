/**
 * Vector tiles: the layers, TileJSON, the caches in memory and in PostGIS, the generalised plots.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "history", "shared" })
package vn.landregistry.tiles;
