package vn.landregistry.shared;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The short way for the public answers held in memory (tiles, TileJSON, OGC pages and features):
 * first of all filters, it writes the stored bytes with the headers the normal path writes
 * ({@link AnswerHeaders}), 304 on a matching If-None-Match, and skips security, MVC and the
 * request metrics, which cost a cached answer most of its CPU. Anything it does not hold, and any
 * request with credentials (Authorization, a session cookie: their checks and the session's
 * touch stay on the normal path), goes the normal way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class LeanAnswers implements Filter {

	private static final Logger log = LoggerFactory.getLogger(LeanAnswers.class);

	private final List<CachedAnswers> caches;

	private final AnswerHeaders headers;

	private final AtomicLong served = new AtomicLong();

	LeanAnswers(List<CachedAnswers> caches, AnswerHeaders headers, ObjectProvider<MeterRegistry> registries) {
		this.caches = List.copyOf(caches);
		this.headers = headers;
		// the request metrics (http.server.requests) do not see these answers
		registries.ifAvailable(registry -> FunctionCounter.builder("registry.cached.answers", this, LeanAnswers::served)
			.description("Answers written from memory before security and MVC").register(registry));
	}

	long served() {
		return this.served.get();
	}

	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) req;
		CachedAnswer answer = lean(request) ? find(request) : null;
		if (answer == null) {
			chain.doFilter(req, res);
			return;
		}
		this.served.incrementAndGet();
		write(request, (HttpServletResponse) res, answer);
	}

	private static boolean lean(HttpServletRequest request) {
		return "GET".equals(request.getMethod()) && request.getDispatcherType() == DispatcherType.REQUEST
				&& request.getHeader("Authorization") == null && request.getRequestedSessionId() == null
				&& request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null;
	}

	private CachedAnswer find(HttpServletRequest request) {
		try {
			for (CachedAnswers cache : this.caches) {
				CachedAnswer answer = cache.find(request);
				if (answer != null) {
					return answer;
				}
			}
		}
		catch (RuntimeException ex) {
			// the database is down, say: the normal path answers it properly (503 problem details)
			log.debug("cached answer not served: {}", ex.toString());
		}
		return null;
	}

	private void write(HttpServletRequest request, HttpServletResponse response, CachedAnswer answer) throws IOException {
		boolean notModified = answer.etag() != null && ContentTags.noneMatch(request.getHeader("If-None-Match"), answer.etag());
		response.setStatus(notModified ? HttpServletResponse.SC_NOT_MODIFIED : answer.status());
		if (answer.etag() != null) {
			response.setHeader("ETag", answer.etag());
		}
		if (answer.cacheControl() != null) {
			response.setHeader("Cache-Control", answer.cacheControl());
		}
		List<String> own = answer.headers();
		for (int i = 0; i < own.size(); i += 2) {
			response.setHeader(own.get(i), own.get(i + 1));
		}
		this.headers.write(request, response);
		if (notModified || answer.body().length == 0) {
			return;
		}
		response.setContentType(answer.contentType());
		response.setContentLength(answer.body().length);
		ServletOutputStream out = response.getOutputStream();
		out.write(answer.body());
	}

}
