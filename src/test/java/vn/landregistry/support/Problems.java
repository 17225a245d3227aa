package vn.landregistry.support;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on RFC 9457 problem details. */
public final class Problems {

	private Problems() {
	}

	/** The answer is a problem detail with this status, rule (when not null) and words in its detail. */
	public static JsonNode assertProblem(Http.Response response, int status, String rule, String detail) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		if (rule != null) {
			assertThat(problem.get("rule").asString()).isEqualTo(rule);
		}
		assertThat(problem.get("detail").asString()).contains(detail);
		return problem;
	}

}
