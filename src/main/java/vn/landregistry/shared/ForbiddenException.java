package vn.landregistry.shared;

/** The user may not do this (outside their district, say); answered with 403 and nothing written. */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}

}
