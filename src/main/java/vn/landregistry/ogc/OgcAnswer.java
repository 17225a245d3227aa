package vn.landregistry.ogc;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.http.MediaType;

/**
 * The bytes of an items page or a feature as sent, their Content-Type and Content-Crs, and their
 * strong ETag (a hash of the bytes).
 */
record OgcAnswer(byte[] body, MediaType contentType, String contentCrs, String etag) {

	static OgcAnswer of(byte[] body, MediaType contentType, String contentCrs) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
			return new OgcAnswer(body, contentType, contentCrs, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
