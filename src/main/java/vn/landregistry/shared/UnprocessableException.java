package vn.landregistry.shared;

import java.util.Map;

/** A well-formed request that breaks a rule of the registry; answered with 422 and a problem detail. */
public class UnprocessableException extends RuntimeException {

	private final String rule;

	private final Map<String, Object> details;

	public UnprocessableException(String rule, String message) {
		this(rule, message, Map.of());
	}

	public UnprocessableException(String rule, String message, Map<String, Object> details) {
		super(message);
		this.rule = rule;
		this.details = details;
	}

	/** Extra members of the problem detail, e.g. a suggested correction. */
	public Map<String, Object> details() {
		return this.details;
	}

	/** Name of the broken rule, e.g. the database constraint {@code plot_inside_zone}. */
	public String rule() {
		return this.rule;
	}

}
