package vn.landregistry.shared;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
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

	@ExceptionHandler
	ProblemDetail invalidParameter(InvalidParameterException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setType(INVALID_PARAMETER);
		problem.setTitle("Invalid parameter");
		problem.setProperty("parameter", ex.parameter());
		problem.setProperty("value", ex.value());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setType(NOT_FOUND);
		problem.setTitle("Not found");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unprocessable(UnprocessableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setType(RULE_BROKEN);
		problem.setTitle("Rule broken");
		problem.setProperty("rule", ex.rule());
		ex.details().forEach(problem::setProperty);
		return problem;
	}

	@ExceptionHandler
	ProblemDetail conflict(ConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setType(CONFLICT);
		problem.setTitle("Conflict");
		problem.setProperty("rule", ex.rule());
		return problem;
	}

}
