package vn.landregistry.security;

import jakarta.servlet.http.HttpServletRequest;

/** What a request is to the sign-in rules. */
final class SignInRequests {

	private SignInRequests() {
	}

	/** A POST of the sign-in form (/login). */
	static boolean isFormSignIn(HttpServletRequest request) {
		return "POST".equals(request.getMethod())
				&& "/login".equals(request.getRequestURI().substring(request.getContextPath().length()));
	}

}
