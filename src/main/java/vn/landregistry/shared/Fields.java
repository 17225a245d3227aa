package vn.landregistry.shared;

/** Small checks of request fields, the same everywhere. */
public final class Fields {

	private Fields() {
	}

	/** The trimmed value; 400 naming the field when it is missing or blank. */
	public static String required(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidParameterException(field, value, field + " is required");
		}
		return value.trim();
	}

	/** The trimmed text, or null when absent or blank. */
	public static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
