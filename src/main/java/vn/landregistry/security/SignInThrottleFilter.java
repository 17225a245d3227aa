package vn.landregistry.security;

import java.io.IOException;
import java.util.Map;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.landregistry.shared.ProblemResponses;

/**
 * Before a sign-in is checked (a POST of the /login form, or any request with HTTP Basic
 * credentials): refused while the account or the client address is locked by
 * {@link SignInThrottle}. HTTP Basic gets 429 with Retry-After and a problem detail; the form goes
 * back to the sign-in page, which says to wait ({@code /login?locked}).
 */
class SignInThrottleFilter extends OncePerRequestFilter {

	private final SignInThrottle throttle;

	SignInThrottleFilter(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean form = SignInRequests.isFormSignIn(request);
		String username = form ? request.getParameter("username") : basicUsername(request);
		if (!form && username == null) {
			chain.doFilter(request, response);
			return;
		}
		SignInThrottle.Channel channel = form ? SignInThrottle.Channel.FORM : SignInThrottle.Channel.BASIC;
		SignInThrottle.Refusal refusal = this.throttle.refusal(username, request.getRemoteAddr(), channel);
		if (refusal == null) {
			chain.doFilter(request, response);
		}
		else if (form) {
			String next = request.getParameter(ReturnTarget.PARAMETER);
			response.sendRedirect(request.getContextPath() + "/login?locked" + ReturnTarget.of(next)
				.map(target -> "&" + ReturnTarget.PARAMETER + "=" + URLEncoder.encode(target, StandardCharsets.UTF_8))
				.orElse(""));
		}
		else {
			tooMany(request, response, refusal);
		}
	}

	/** The user name of HTTP Basic credentials, or null without (or with unreadable) ones. */
	static String basicUsername(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? null : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static void tooMany(HttpServletRequest request, HttpServletResponse response, SignInThrottle.Refusal refusal)
			throws IOException {
		long minutes = (refusal.retryAfterSeconds() + 59) / 60;
		String detail = "ACCOUNT".equals(refusal.scope())
				? "too many failed sign-ins for this account: try again in " + minutes + " minutes"
				: "too many failed sign-ins from your address: try again in " + minutes + " minutes";
		response.setStatus(429);
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(refusal.retryAfterSeconds()));
		ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "urn:problem:too-many-requests", "Too many requests",
				detail, Map.of("instance", request.getRequestURI()));
	}

}
