package vn.landregistry.exchange;

import org.springframework.http.HttpStatus;

/**
 * A file that cannot be taken in or written out as asked: unreadable, unsafe (a zip bomb, a path
 * leaving the archive), in an unknown CRS, or outside Vietnam. Answered as a problem detail with
 * the rule and, where there is one, the likely cause.
 */
class ExchangeException extends RuntimeException {

	private final String rule;

	private final HttpStatus status;

	ExchangeException(String rule, String message) {
		this(HttpStatus.BAD_REQUEST, rule, message);
	}

	ExchangeException(HttpStatus status, String rule, String message) {
		super(message);
		this.rule = rule;
		this.status = status;
	}

	String rule() {
		return this.rule;
	}

	HttpStatus status() {
		return this.status;
	}

}
