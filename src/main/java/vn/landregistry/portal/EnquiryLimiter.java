package vn.landregistry.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code limit} enquiries per sender in a sliding hour, in memory: enough against floods
 * from one address; a restart forgets, which only ever lets more through.
 */
@Component
class EnquiryLimiter {

	static final Duration WINDOW = Duration.ofHours(1);

	private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

	private final int limit;

	private final Clock clock;

	EnquiryLimiter(@Value("${registry.portal.enquiries-per-hour:5}") int limit, Clock clock) {
		this.limit = limit;
		this.clock = clock;
	}

	/** Forgets every sender (tests). */
	void reset() {
		this.recent.clear();
	}

	/** Records an attempt; the seconds to wait when over the limit, else 0. */
	long tryAcquire(String sender) {
		Instant now = this.clock.instant();
		Deque<Instant> times = this.recent.computeIfAbsent(sender, key -> new ArrayDeque<>());
		synchronized (times) {
			while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
				times.pollFirst();
			}
			if (times.size() >= this.limit) {
				return Math.max(1, Duration.between(now, times.peekFirst().plus(WINDOW)).toSeconds());
			}
			times.addLast(now);
			return 0;
		}
	}

}
