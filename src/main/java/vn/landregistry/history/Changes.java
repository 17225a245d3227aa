package vn.landregistry.history;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Names who makes the changes of the current transaction and why, for the history the database
 * records (change_history, filled by triggers). Call it first in every writing transaction.
 */
@Component
public class Changes {

	private final JdbcClient jdbc;

	Changes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The signed-in user and {@code reason} (may be null) for the rest of this transaction. */
	public String attribute(String reason) {
		return attribute(user(), reason);
	}

	/** {@code user} and {@code reason} for the rest of this transaction, for work done outside the request's thread. */
	public String attribute(String user, String reason) {
		this.jdbc.sql("SELECT set_config('registry.user', :user, true), set_config('registry.reason', :reason, true)")
			.param("user", user).param("reason", reason == null ? "" : reason.trim())
			.query((rs, row) -> 1).single();
		return user;
	}

	public static String user() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || auth.getName() == null ? "anonymous" : auth.getName();
	}

}
