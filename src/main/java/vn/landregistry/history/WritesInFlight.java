package vn.landregistry.history;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Counts the write requests (POST, PUT, PATCH, DELETE) being answered, for {@link RegistryChanges}:
 * while one is, the caches look at the database before each answer, and once it ends they look
 * again, so that a client reads its own edit in the very next request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class WritesInFlight implements Filter {

	private final RegistryChanges changes;

	WritesInFlight(RegistryChanges changes) {
		this.changes = changes;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!isWrite((HttpServletRequest) request)) {
			chain.doFilter(request, response);
			return;
		}
		this.changes.writeStarted();
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.changes.writeEnded();
		}
	}

	private static boolean isWrite(HttpServletRequest request) {
		return switch (request.getMethod()) {
			case "GET", "HEAD", "OPTIONS", "TRACE" -> false;
			default -> true;
		};
	}

}
