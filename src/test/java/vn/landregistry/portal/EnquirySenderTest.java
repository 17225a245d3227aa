package vn.landregistry.portal;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.landregistry.support.Problems.assertProblem;

/**
 * The enquiry limit is per client, and the client is who connected: X-Forwarded-For counts only
 * from a trusted proxy (the tests trust [::1], not 127.0.0.1). The limiter remembers a bounded
 * number of senders.
 */
class EnquirySenderTest extends PostgisTest {

	@Autowired
	EnquiryLimiter limiter;

	TestRegistry registry;

	private final HttpClient client = HttpClient.newHttpClient();

	@BeforeEach
	void build() {
		this.limiter.reset();
		this.registry = new TestRegistry(this.jdbc).create();
		this.registry.zone("TST-SND", "KCN", TestRegistry.district(1), 100.1, 10.1, new BigDecimal("100"));
	}

	@AfterEach
	void clear() {
		this.registry.clear();
		this.limiter.reset();
	}

	@Test
	void aForgedXForwardedForDoesNotMakeANewSender() {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			statuses.add(enquire("127.0.0.1", "198.51.100." + i).status());
		}
		long stored = enquiries();

		Http.Response refused = enquire("127.0.0.1", "198.51.100.99");

		assertThat(statuses).containsOnly(202);
		assertProblem(refused, 429, null, "too many enquiries");
		assertThat(refused.body()).doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(enquiries()).as("nothing written").isEqualTo(stored);
	}

	@Test
	void behindTheTrustedProxyEachForwardedClientHasItsOwnLimit() {
		for (int i = 0; i < 5; i++) {
			assertThat(enquire("[::1]", "203.0.113.7").status()).isEqualTo(202);
		}
		long stored = enquiries();

		assertProblem(enquire("[::1]", "203.0.113.7"), 429, null, "too many enquiries");
		assertThat(enquiries()).isEqualTo(stored);
		assertThat(enquire("[::1]", "203.0.113.8").status()).as("another client behind the proxy").isEqualTo(202);
		assertThat(enquiries()).isEqualTo(stored + 1);
	}

	@Test
	void manyDistinctSendersDoNotGrowTheLimiterPastItsBound() {
		EnquiryLimiter small = new EnquiryLimiter(5, 100, Clock.systemUTC());
		for (int i = 0; i < 5_000; i++) {
			assertThat(small.tryAcquire("sender-" + i)).isZero();
		}
		assertThat(small.senders()).isEqualTo(100);
		for (int i = 0; i < 5; i++) {
			small.tryAcquire("busy");
		}
		assertThat(small.tryAcquire("busy")).as("a sender within the bound is still limited").isPositive();
	}

	private Http.Response enquire(String host, String forwardedFor) {
		String body = "{\"zone\":\"TST-SND\",\"name\":\"N\",\"email\":\"n@b.co\",\"message\":\"m\"}";
		try {
			HttpResponse<String> response = this.client.send(HttpRequest
				.newBuilder(URI.create("http://" + host + ":" + this.port + "/api/portal/enquiries"))
				.header("Content-Type", "application/json").header("X-Forwarded-For", forwardedFor)
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
			return Http.Response.of(response);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long enquiries() {
		return this.jdbc.sql("SELECT count(*) FROM enquiry e JOIN zone z ON z.id = e.zone_id WHERE z.code = 'TST-SND'")
			.query(Long.class).single();
	}

}
