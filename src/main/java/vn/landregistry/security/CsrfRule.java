package vn.landregistry.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which writes need no CSRF token. A forged cross-site request can only ride on what the browser
 * sends by itself: the session cookie. So a request without a live session needs no token (an
 * API client with HTTP Basic credentials, an investor's enquiry from the portal, the anonymous,
 * who then get 401 rather than 403) — except the sign-in form, which must carry the token of the
 * page that showed it, or another site could sign a browser into an account of its choosing.
 * A request with a live session needs the token whatever else it carries: an Authorization
 * header beside the cookie does not exempt it (HTTP Basic is checked only after CSRF, and a
 * browser may add Basic credentials it remembers to a forged request).
 */
final class CsrfRule {

	private CsrfRule() {
	}

	static boolean exempt(HttpServletRequest request) {
		return !request.isRequestedSessionIdValid() && !SignInRequests.isFormSignIn(request);
	}

}
