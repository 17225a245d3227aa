package vn.landregistry.shared;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A NUL character cannot reach PostgreSQL (it refuses it in text), so a request parameter holding
 * one is answered here with a 400 problem detail naming the parameter, before any query runs. It
 * runs after {@link RequestBodyLimit}: reading the parameters of a form reads its body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class NulCharacterFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (IllegalStateException ex) {
			if (!isMultipart(request)) {
				throw ex;
			}
			// the parts cannot be read (above the upload limit, malformed): the multipart resolver
			// meets the same failure and answers it as a problem detail (413 above the limit)
			chain.doFilter(request, response);
			return;
		}
		String bad = null;
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (parameter.getKey().indexOf('\0') >= 0
					|| java.util.Arrays.stream(parameter.getValue()).anyMatch(v -> v != null && v.indexOf('\0') >= 0)) {
				bad = parameter.getKey().replace('\0', '?');
				break;
			}
		}
		if (bad == null) {
			chain.doFilter(request, response);
			return;
		}
		ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "Invalid parameter",
				"parameter " + bad + " holds a NUL character (%00), which no value may contain", Map.of("parameter", bad));
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
	}

}
