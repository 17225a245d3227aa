package vn.landregistry.tiles;

/** A cached tile: which layer, where. */
record TileKey(TileLayer layer, TileAddress address) {
}
