package vn.landregistry.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import vn.landregistry.shared.ProblemResponses;

/** 403 as a problem detail, telling a missing CSRF token apart from a missing right. */
class ProblemAccessDenied implements AccessDeniedHandler {

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		String detail = ex instanceof CsrfException
				? "the CSRF token is missing or wrong: reload the page and try again"
				: "your role may not do this";
		ProblemResponses.write(response, HttpStatus.FORBIDDEN, "urn:problem:forbidden", "Forbidden", detail,
				Map.of("instance", request.getRequestURI()));
	}

}
