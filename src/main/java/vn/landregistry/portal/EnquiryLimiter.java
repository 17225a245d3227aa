package vn.landregistry.portal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.landregistry.shared.RecentEvents;

/**
 * At most {@code limit} enquiries per sender in a sliding hour, in memory: enough against floods
 * from one address; a restart forgets, which only ever lets more through. At most
 * {@code registry.portal.enquiry-senders} senders are remembered (the least recently seen go
 * first), so that many addresses cannot fill the memory. The sender is the client address as the
 * server sees it: X-Forwarded-For counts only from a trusted proxy
 * ({@code registry.security.trusted-proxies}).
 */
@Component
class EnquiryLimiter {

	static final Duration WINDOW = Duration.ofHours(1);

	private final RecentEvents recent;

	private final int limit;

	private final Clock clock;

	EnquiryLimiter(@Value("${registry.portal.enquiries-per-hour:5}") int limit,
			@Value("${registry.portal.enquiry-senders:10000}") int senders, Clock clock) {
		this.limit = limit;
		this.clock = clock;
		this.recent = new RecentEvents(WINDOW, Math.max(1, limit), senders);
	}

	/** Forgets every sender (tests). */
	void reset() {
		this.recent.clear();
	}

	/** How many senders are remembered. */
	int senders() {
		return this.recent.size();
	}

	/** Records an attempt; the seconds to wait when over the limit, else 0. */
	long tryAcquire(String sender) {
		return this.recent.tryAdd(sender, this.limit, this.clock.instant());
	}

}
