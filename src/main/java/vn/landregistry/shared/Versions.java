package vn.landregistry.shared;

/** Optimistic locking over HTTP: the ETag of a record is its version. */
public final class Versions {

	private Versions() {
	}

	/** The version in an If-Match header: "3", W/"3" or 3. */
	public static long ifMatch(String header) {
		String text = header.trim().replaceFirst("^W/", "").replace("\"", "").trim();
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw new InvalidParameterException("If-Match", header, "If-Match must be the ETag you read, e.g. \"3\"");
		}
	}

}
