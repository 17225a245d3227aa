package vn.landregistry.shared;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers the security filters add to an answer of the public map services (CSP, nosniff,
 * Referrer-Policy, caching when the answer sets none, CORS...), for the answers that
 * {@link LeanAnswers} writes without them. Written after the answer's own headers.
 */
public interface AnswerHeaders {

	void write(HttpServletRequest request, HttpServletResponse response) throws IOException;

}
