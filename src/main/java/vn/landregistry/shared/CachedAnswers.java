package vn.landregistry.shared;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A cache of public answers that {@link LeanAnswers} may serve before the rest of the server runs
 * (security, MVC, metrics). An implementation recognises its own GET requests, brings its cache up
 * to date (a watch's catch-up: no query unless something changed) and answers what the normal path
 * would have answered, or null when it does not hold the answer: the normal path then answers and
 * fills the cache.
 */
public interface CachedAnswers {

	CachedAnswer find(HttpServletRequest request);

}
