package vn.landregistry.exchange;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details (RFC 9457) of imports and exports. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExchangeProblems {

	static final URI BAD_FILE = URI.create("urn:problem:bad-file");

	@ExceptionHandler
	ResponseEntity<ProblemDetail> exchange(ExchangeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setType(BAD_FILE);
		problem.setTitle(ex.status().is5xxServerError() ? "File not written" : "File not accepted");
		problem.setProperty("rule", ex.rule());
		return ResponseEntity.status(ex.status()).body(problem);
	}

}
