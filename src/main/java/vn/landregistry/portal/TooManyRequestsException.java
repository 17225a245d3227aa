package vn.landregistry.portal;

/** Too many enquiries from one sender; answered with 429 and Retry-After. */
class TooManyRequestsException extends RuntimeException {

	private final long retryAfterSeconds;

	TooManyRequestsException(long retryAfterSeconds) {
		super("too many enquiries from your address: try again in " + (retryAfterSeconds / 60 + 1) + " minutes");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
