package vn.landregistry.tiles;

import vn.landregistry.shared.ContentTags;

/** The bytes of one vector tile (empty when no feature falls in it) and their strong ETag. */
record Tile(byte[] bytes, String etag) {

	static Tile of(byte[] bytes) {
		return new Tile(bytes, ContentTags.of(bytes));
	}

	boolean empty() {
		return this.bytes.length == 0;
	}

}
