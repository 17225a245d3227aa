package vn.landregistry.shared;

import java.sql.SQLException;

import org.postgresql.util.PSQLException;
import org.springframework.dao.DataAccessException;

/**
 * Turns a rule enforced by the database (a constraint or a trigger) into a 409 or 422 answer,
 * with the database's own explanation.
 */
public final class DatabaseRules {

	private DatabaseRules() {
	}

	/** A RuntimeException to throw in place of {@code ex}: conflicts for unique/exclusion rules. */
	public static RuntimeException translate(DataAccessException ex) {
		SQLException sql = sqlException(ex);
		if (sql == null) {
			return ex;
		}
		String state = sql.getSQLState() == null ? "" : sql.getSQLState();
		String rule = constraint(sql);
		String message = rootMessage(sql) + detail(sql);
		return switch (state) {
			case "23505", "23P01" -> new ConflictException(rule, message);
			case "23514", "23502", "23503", "22007", "22008", "22003", "22P02" -> new UnprocessableException(rule, message);
			default -> ex;
		};
	}

	/** The first line of the innermost cause's message, without PostgreSQL's "ERROR: ". */
	public static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
		return message.replaceFirst("^ERROR: ", "").lines().findFirst().orElse(message);
	}

	private static SQLException sqlException(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql) {
				return sql;
			}
		}
		return null;
	}

	/** PostgreSQL's detail line, e.g. "Key (zone_id, code)=(4, A1) already exists." */
	private static String detail(SQLException sql) {
		if (sql instanceof PSQLException psql && psql.getServerErrorMessage() != null
				&& psql.getServerErrorMessage().getDetail() != null) {
			return ": " + psql.getServerErrorMessage().getDetail();
		}
		return "";
	}

	private static String constraint(SQLException sql) {
		if (sql instanceof PSQLException psql && psql.getServerErrorMessage() != null
				&& psql.getServerErrorMessage().getConstraint() != null) {
			return psql.getServerErrorMessage().getConstraint();
		}
		return "database";
	}

}
