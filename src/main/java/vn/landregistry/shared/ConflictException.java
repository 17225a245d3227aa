package vn.landregistry.shared;

/** The request conflicts with the current state (a duplicate, an overlapping lease); answered with 409. */
public class ConflictException extends RuntimeException {

	private final String rule;

	public ConflictException(String rule, String message) {
		super(message);
		this.rule = rule;
	}

	public String rule() {
		return this.rule;
	}

}
