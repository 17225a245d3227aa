package vn.landregistry.shared;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** Strong ETags of answers made from their bytes (tiles, OGC pages), and If-None-Match against them. */
public final class ContentTags {

	private ContentTags() {
	}

	/** A strong ETag: the first 128 bits of the bytes' SHA-256, quoted. */
	public static String of(byte[] bytes) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** If-None-Match compares weakly (RFC 9110, 13.1.2): W/ prefixes do not matter. */
	public static boolean noneMatch(String ifNoneMatch, String etag) {
		if (ifNoneMatch == null) {
			return false;
		}
		return Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
			.anyMatch(tag -> "*".equals(tag) || tag.replaceFirst("^W/", "").equals(etag));
	}

}
