package vn.landregistry.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import vn.landregistry.shared.ProblemResponses;

/**
 * HTTP Basic sign-in when the users cannot be read (the database is down): 503 "Database
 * unavailable", as every API answer then, instead of a 401 that would tell a client its password is
 * wrong. Any other failure goes to {@code delegate} (401 with the realm).
 */
class UnavailableAwareEntryPoint implements AuthenticationEntryPoint {

	private static final Logger log = LoggerFactory.getLogger(UnavailableAwareEntryPoint.class);

	private final AuthenticationEntryPoint delegate;

	UnavailableAwareEntryPoint(AuthenticationEntryPoint delegate) {
		this.delegate = delegate;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException, ServletException {
		if (!(ex instanceof InternalAuthenticationServiceException && ex.getCause() instanceof DataAccessException)) {
			this.delegate.commence(request, response, ex);
			return;
		}
		log.warn("sign-in impossible, database unavailable: {}", ex.getCause().getClass().getSimpleName());
		response.setHeader("Retry-After", "5");
		ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, "urn:problem:database-unavailable",
				"Database unavailable",
				"the registry's database cannot be reached at the moment; nothing was changed. Try again in a few seconds",
				Map.of("instance", request.getRequestURI()));
	}

}
