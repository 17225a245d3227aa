package vn.landregistry.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Where to go after signing in: the page the user came from, named by the sign-in link
 * ({@code /login?next=/clearance}) and carried through the form. Only a path of this site is
 * followed; anything that a browser could read as another site ({@code //host}, {@code /\host},
 * {@code https://…}, control characters) is ignored and the user lands on "/". Without a target,
 * a page that asked for sign-in (e.g. /edit) is returned to as Spring Security saved it.
 */
final class ReturnTarget {

	static final String PARAMETER = "next";

	private ReturnTarget() {
	}

	/** The target when it is a path of this site, else empty. */
	static Optional<String> of(String next) {
		if (next == null || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")) {
			return Optional.empty();
		}
		for (int i = 0; i < next.length(); i++) {
			char c = next.charAt(i);
			// browsers read "\" as "/" and drop tabs and line breaks: "/\evil" and "/\t/evil" lead away
			if (c == '\\' || Character.isISOControl(c) || Character.isWhitespace(c)) {
				return Optional.empty();
			}
		}
		try {
			URI uri = new URI(next);
			if (uri.isAbsolute() || uri.getRawAuthority() != null || uri.getRawPath() == null
					|| uri.getRawPath().startsWith("/login") || uri.getRawPath().startsWith("/logout")) {
				return Optional.empty();
			}
			return Optional.of(uri.toASCIIString());
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	static AuthenticationSuccessHandler successHandler() {
		RequestCache cache = new HttpSessionRequestCache();
		SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
		saved.setRequestCache(cache);
		return (request, response, authentication) -> {
			Optional<String> target = of(request.getParameter(PARAMETER));
			if (target.isPresent()) {
				cache.removeRequest(request, response);
				response.sendRedirect(request.getContextPath() + target.get());
			}
			else {
				saved.onAuthenticationSuccess(request, response, authentication);
			}
		};
	}

	/** Back to the form, keeping the target for the next try. */
	static AuthenticationFailureHandler failureHandler() {
		return (request, response, exception) -> response.sendRedirect(request.getContextPath() + "/login?error"
				+ of(request.getParameter(PARAMETER)).map(next -> "&" + PARAMETER + "=" + URLEncoder.encode(next,
						StandardCharsets.UTF_8)).orElse(""));
	}

}
