package vn.landregistry.shared;

/** A request parameter that cannot be used; answered with 400 and a problem detail. */
public class InvalidParameterException extends RuntimeException {

	private final String parameter;

	private final String value;

	public InvalidParameterException(String parameter, String value, String message) {
		super(message);
		this.parameter = parameter;
		this.value = value;
	}

	public String parameter() {
		return this.parameter;
	}

	public String value() {
		return this.value;
	}

}
