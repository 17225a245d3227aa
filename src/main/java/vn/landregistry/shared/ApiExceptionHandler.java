package vn.landregistry.shared;

import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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

	static final URI INVALID_PARAMETER = URI.create("urn:problem:invalid-parameter");

	static final URI NOT_FOUND = URI.create("urn:problem:not-found");

	static final URI RULE_BROKEN = URI.create("urn:problem:rule-broken");

	static final URI CONFLICT = URI.create("urn:problem:conflict");

	static final URI FORBIDDEN = URI.create("urn:problem:forbidden");

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
