package vn.landregistry.tiles;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The bytes of one vector tile (empty when no feature falls in it) and their strong ETag. */
record Tile(byte[] bytes, String etag) {

	static Tile of(byte[] bytes) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			return new Tile(bytes, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	boolean empty() {
		return this.bytes.length == 0;
	}

}
