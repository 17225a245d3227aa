package vn.landregistry;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationEndpointsTest extends PostgisTest {

	@Test
	void healthReportsTheDatabase() {
		JsonNode open = this.http.get("/actuator/health").json();
		assertThat(open.get("status").asString()).isEqualTo("UP");
		assertThat(open.has("components")).as("details are for signed-in staff").isFalse();
		JsonNode health = this.editor.get("/actuator/health").json();
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("db").get("details").get("database").asString()).isEqualTo("PostgreSQL");
	}

	@Test
	void apiIsDocumentedWithOpenApi() {
		Http http = this.http;
		JsonNode docs = http.get("/v3/api-docs").json();
		assertThat(docs.get("paths").propertyNames()).contains("/api/zones", "/api/zones/{id}", "/api/districts",
				"/api/plan-targets");
		Http.Response ui = http.get("/swagger-ui/index.html");
		assertThat(ui.status()).isEqualTo(200);
		assertThat(ui.contentType()).startsWith("text/html");
		assertThat(ui.body()).contains("swagger-ui");
	}

	@Test
	void unknownPathIsA404ProblemDetail() {
		Http.Response response = this.http.get("/api/nothing-here");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

}
