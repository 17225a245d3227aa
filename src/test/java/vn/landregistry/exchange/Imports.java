package vn.landregistry.exchange;

import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

/** An editor's imports through the API: upload, wait for the background work, commit. */
record Imports(Http editor) {

	/** The batch once the background reading is over. */
	JsonNode uploaded(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(202);
		return settled(response.json().get("id").asLong());
	}

	JsonNode committed(JsonNode batch) {
		long id = batch.get("id").asLong();
		Http.Response started = this.editor.postJson("/api/imports/" + id + "/commit", "{}");
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		return settled(id);
	}

	JsonNode settled(long id) {
		long until = System.currentTimeMillis() + 120_000;
		while (true) {
			JsonNode batch = this.editor.get("/api/imports/" + id).json();
			String status = batch.get("status").asString();
			if (!status.equals("READING") && !status.equals("COMMITTING")) {
				return batch;
			}
			assertThat(System.currentTimeMillis()).as("import %s still %s", id, status).isLessThan(until);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	JsonNode features(JsonNode batch) {
		return this.editor.get("/api/imports/" + batch.get("id").asLong() + "/features").json().get("features");
	}

}
