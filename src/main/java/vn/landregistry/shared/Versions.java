package vn.landregistry.shared;

/**
 * Optimistic locking over HTTP: the ETag of a record is its version, then a hash of the answer's
 * bytes ("3-1a2b3c4d"), since an answer also shows what changes without a new version (a plot's
 * status, a zone's fill rate): a 304 is answered only for the same bytes, and If-Match is checked
 * against the version.
 */
public final class Versions {

	private Versions() {
	}

	/** The ETag of an answer showing this version of a record. */
	public static String etag(String version, String body) {
		return "\"" + version + "-" + ContentTags.of(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.replace("\"", "").substring(0, 8) + "\"";
	}

	/** The version in an If-Match header: "3-1a2b3c4d" (an ETag read), "3", W/"3" or 3. */
	public static long ifMatch(String header) {
		String text = header.trim().replaceFirst("^W/", "").replace("\"", "").trim().replaceFirst("-[0-9a-f]*$", "");
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw new InvalidParameterException("If-Match", header, "If-Match must be the ETag you read, e.g. \"3-1a2b3c4d\", or the version, e.g. \"3\"");
		}
	}

}
