package vn.landregistry.shared;

import java.util.Map;

/**
 * The request conflicts with the current state (a duplicate, an overlapping lease, a stale
 * version); answered with 409.
 */
public class ConflictException extends RuntimeException {

	private final String rule;

	private final Map<String, Object> details;

	public ConflictException(String rule, String message) {
		this(rule, message, Map.of());
	}

	public ConflictException(String rule, String message, Map<String, Object> details) {
		super(message);
		this.rule = rule;
		this.details = details;
	}

	public String rule() {
		return this.rule;
	}

	/** Extra members of the problem detail, e.g. the current version of a stale record. */
	public Map<String, Object> details() {
		return this.details;
	}

}
