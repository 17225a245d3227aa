package vn.landregistry.shared;

import java.net.ConnectException;
import java.net.URI;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.LocalDate;
import java.util.Locale;

import org.hibernate.exception.JDBCConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * One error format for the whole API: RFC 9457 problem details. Spring's base class already
 * answers its own exceptions (type mismatch, missing parameter, unknown path) in that format.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	static final URI INVALID_PARAMETER = URI.create("urn:problem:invalid-parameter");

	static final URI NOT_FOUND = URI.create("urn:problem:not-found");

	static final URI RULE_BROKEN = URI.create("urn:problem:rule-broken");

	static final URI CONFLICT = URI.create("urn:problem:conflict");

	static final URI FORBIDDEN = URI.create("urn:problem:forbidden");

	static final URI DATABASE_UNAVAILABLE = URI.create("urn:problem:database-unavailable");

	/** Seconds a client should wait before asking again when the database is unreachable. */
	static final String RETRY_AFTER_SECONDS = "5";

	@ExceptionHandler
	ProblemDetail invalidParameter(InvalidParameterException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID_PARAMETER, "Invalid parameter", ex);
		problem.setProperty("parameter", ex.parameter());
		problem.setProperty("value", ex.value());
		if (ex.rule() != null) {
			problem.setProperty("rule", ex.rule());
		}
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", ex);
	}

	@ExceptionHandler
	ProblemDetail unprocessable(UnprocessableException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, RULE_BROKEN, "Rule broken", ex);
		problem.setProperty("rule", ex.rule());
		ex.details().forEach(problem::setProperty);
		return problem;
	}

	@ExceptionHandler
	ProblemDetail forbidden(ForbiddenException ex) {
		return problem(HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden", ex);
	}

	@ExceptionHandler
	ProblemDetail conflict(ConflictException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, CONFLICT, "Conflict", ex);
		problem.setProperty("rule", ex.rule());
		ex.details().forEach(problem::setProperty);
		return problem;
	}

	/**
	 * The database cannot be reached (stopped, restarting, network lost, every pooled connection
	 * broken): 503 with a problem detail, not a 500 with a stack trace in the log for each request.
	 * The pool gives up after {@code spring.datasource.hikari.connection-timeout} and reconnects by
	 * itself once the database answers again; nothing was written by the failed request, since its
	 * transaction never began or was rolled back by the server. A transaction that cannot begin for
	 * another reason (none is known) is answered the same way, with its cause in the log.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
			CannotCreateTransactionException.class, JDBCConnectionException.class,
			SQLTransientConnectionException.class, SQLNonTransientConnectionException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		if (connectionFailure(ex)) {
			log.warn("database unavailable: {} ({}: {})", ex.getClass().getSimpleName(), root.getClass().getSimpleName(),
					root.getMessage());
		}
		else {
			log.error("database unavailable", ex);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"the registry's database cannot be reached at the moment; nothing was changed. Try again in a few seconds");
		problem.setType(DATABASE_UNAVAILABLE);
		problem.setTitle("Database unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(problem);
	}

	/** Whether the cause chain says the connection failed (as opposed to another resource failure). */
	private static boolean connectionFailure(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof ConnectException || t instanceof SQLTransientConnectionException
					|| t instanceof SQLNonTransientConnectionException || t instanceof JDBCConnectionException
					|| t instanceof DataAccessResourceFailureException
					|| t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
		}
		return false;
	}

	/** A query parameter of the wrong type (a malformed date, a non-numeric id) names itself. */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
		String value = String.valueOf(ex.getValue());
		Class<?> type = ex.getRequiredType();
		String expected = type == LocalDate.class ? "a date written YYYY-MM-DD"
				: type == null ? "a valid value" : "a valid " + type.getSimpleName().toLowerCase(Locale.ROOT);
		InvalidParameterException invalid = new InvalidParameterException(name, value,
				type == LocalDate.class ? InvalidParameterException.FORMAT : InvalidParameterException.NUMBER,
				name + " '" + value + "' is not " + expected);
		return ResponseEntity.badRequest().body(invalidParameter(invalid));
	}

	private static ProblemDetail problem(HttpStatus status, URI type, String title, Exception ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

}
