package vn.landregistry.shared;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TableChecksums;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.landregistry.support.Problems.assertProblem;

/**
 * Bodies above their limit (64 KB for a public enquiry, 4 MB for the rest, declared or chunked)
 * and shapes of more than 20,000 vertices are refused with a problem detail, and nothing is written.
 */
class RequestLimitsTest extends PostgisTest {

	private static final String[] TABLES = { "zone", "plot", "enquiry", "change_history" };

	@Test
	void anEnquiryAboveSixtyFourKilobytesIsRefusedDeclaredOrChunked() {
		Map<String, String> before = TableChecksums.of(this.jdbc, TABLES);
		String big = "{\"plotId\":1,\"name\":\"n\",\"email\":\"a@b.vn\",\"message\":\"" + "x".repeat(70_000) + "\"}";
		tooLarge(this.http.postJson("/api/portal/enquiries", big), 65_536);
		tooLarge(this.http.sendChunked("POST", "/api/portal/enquiries", big.getBytes(StandardCharsets.UTF_8)), 65_536);
		assertThat(TableChecksums.of(this.jdbc, TABLES)).isEqualTo(before);
	}

	@Test
	void anyOtherBodyAboveFourMegabytesIsRefusedBeforeItIsRead() {
		long zone = someZone();
		Map<String, String> before = TableChecksums.of(this.jdbc, TABLES);
		String big = "{\"version\":0,\"note\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
		tooLarge(this.editor.send("PATCH", "/api/zones/" + zone, big), 4 * 1024 * 1024);
		tooLarge(this.editor.sendChunked("PATCH", "/api/zones/" + zone, big.getBytes(StandardCharsets.UTF_8)), 4 * 1024 * 1024);
		assertThat(TableChecksums.of(this.jdbc, TABLES)).isEqualTo(before);
	}

	@Test
	void aChunkedBodyWithinTheLimitIsReadAsUsual() {
		long zone = someZone();
		long version = this.jdbc.sql("SELECT version FROM zone WHERE id = :id").param("id", zone).query(Long.class).single();
		Http.Response stale = this.editor.sendChunked("PATCH", "/api/zones/" + zone,
				("{\"version\":" + (version + 100) + ",\"note\":\"chunked\"}").getBytes(StandardCharsets.UTF_8));
		// the body reached the service: it was judged on its version, not refused for its size
		assertProblem(stale, 409, "stale_version", "");
	}

	@Test
	void aShapeOfMoreThanTwentyThousandVerticesIsRefusedWithItsCount() {
		Map<String, String> before = TableChecksums.of(this.jdbc, TABLES);
		StringBuilder ring = new StringBuilder();
		int n = 25_000;
		for (int i = 0; i < n; i++) {
			double angle = 2 * Math.PI * i / n;
			ring.append(String.format(java.util.Locale.ROOT, "[%.7f,%.7f],", 106.2 + 0.01 * Math.cos(angle),
					21.3 + 0.01 * Math.sin(angle)));
		}
		ring.append("[106.21,21.3]");
		String body = ("{\"kind\":\"KCN\",\"code\":\"TST-MANY\",\"name\":\"Many\",\"planStatus\":\"NEW\",\"source\":\"test\","
				+ "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[%s]]}}").formatted(ring);
		assertThat(body.length()).as("within the body limit: the vertex limit answers").isLessThan(4 * 1024 * 1024);
		JsonNode problem = assertProblem(this.editor.postJson("/api/zones", body), 422, "vertices_at_most", "25001 vertices");
		assertThat(problem.get("maxVertices").asInt()).isEqualTo(20_000);
		assertThat(TableChecksums.of(this.jdbc, TABLES)).isEqualTo(before);
	}

	private long someZone() {
		return this.jdbc.sql("SELECT min(id) FROM zone WHERE deleted_at IS NULL").query(Long.class).single();
	}

	private static void tooLarge(Http.Response response, long limit) {
		JsonNode problem = assertProblem(response, 413, null, "larger than the limit");
		assertThat(problem.get("limitBytes").asLong()).isEqualTo(limit);
		assertThat(response.body()).doesNotContain("Exception", "at vn.", ".java");
	}

}
