package vn.landregistry.shared;

/** The addressed resource does not exist; answered with 404 and a problem detail. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
