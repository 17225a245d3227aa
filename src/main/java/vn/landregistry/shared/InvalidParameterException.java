package vn.landregistry.shared;

/**
 * A request parameter that cannot be used; answered with 400 and a problem detail. Its
 * {@code rule}, when given, names why in a word that does not change with the wording (pages
 * translate the problem by parameter and rule).
 */
public class InvalidParameterException extends RuntimeException {

	/** Rules that pages translate: a value of the wrong type or form, out of range, unknown, missing, too long, negative. */
	public static final String NUMBER = "number";

	public static final String FORMAT = "format";

	public static final String RANGE = "range";

	public static final String UNKNOWN = "unknown";

	public static final String REQUIRED = "required";

	public static final String TOO_LONG = "too-long";

	public static final String NEGATIVE = "negative";

	private final String parameter;

	private final String value;

	private final String rule;

	public InvalidParameterException(String parameter, String value, String message) {
		this(parameter, value, null, message);
	}

	public InvalidParameterException(String parameter, String value, String rule, String message) {
		super(message);
		this.parameter = parameter;
		this.value = value;
		this.rule = rule;
	}

	public String parameter() {
		return this.parameter;
	}

	public String value() {
		return this.value;
	}

	/** Why the value is refused (one of the constants here), or null. */
	public String rule() {
		return this.rule;
	}

}
