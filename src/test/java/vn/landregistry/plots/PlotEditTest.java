package vn.landregistry.plots;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vn.landregistry.support.Problems.assertProblem;

/** Changing plots from the map: shape, split, merge, soft deletion, drafts, each kept in the history. */
class PlotEditTest extends PostgisTest {

	TestRegistry registry;

	long zone;

	@BeforeEach
	void build() {
		this.registry = new TestRegistry(this.jdbc).create();
		this.zone = this.registry.zone("TST-P", "KCN", TestRegistry.district(1), 100.1, 10.1, new BigDecimal("100"));
	}

	@AfterEach
	void clear() {
		this.registry.clear();
	}

	@Test
	void aDraftPlotIsHiddenFromThePublicUntilPublished() {
		Http.Response created = this.editor.postJson("/api/zones/" + this.zone + "/plots",
				"{\"code\":\"D1\",\"geometry\":" + TestRegistry.square(100.101, 10.101, 0.002) + "}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("properties").get("published").asBoolean()).as("a new plot is a draft").isFalse();
		long id = created.json().get("id").asLong();

		assertThat(this.http.get("/api/plots/" + id).status()).isEqualTo(404);
		assertThat(this.http.get("/api/plots?zone=TST-P").json().get("features")).isEmpty();
		assertThat(this.editor.get("/api/plots?zone=TST-P").json().get("features")).hasSize(1);

		assertThat(this.editor.postJson("/api/plots/" + id + "/publish", "{\"version\":0}").status()).isEqualTo(200);
		Http.Response published = this.http.get("/api/plots/" + id);
		assertThat(published.status()).isEqualTo(200);
		assertThat(published.json().get("properties").get("code").asString()).isEqualTo("D1");
		assertThat(this.http.get("/api/plots?zone=TST-P").json().get("features")).extracting(f -> f.get("id").asLong())
			.as("listed for the public too").containsExactly(id);
	}

	@Test
	void aDraftOfAPublishedPlotIsCheckedKeptFromThePublicAndPublishedAsOneChange() {
		long plot = this.registry.plot(this.zone, "PD1", 100.101, 10.101, 0.002, null);
		double area = this.registry.plotArea(plot).doubleValue();
		String path = "/api/plots/" + plot;

		assertProblem(this.editor.send("PATCH", path, "{\"version\":0,\"draft\":true,\"geometry\":"
				+ TestRegistry.square(100.109, 10.101, 0.004) + "}"), 422, "plot_inside_zone", "outside its zone");
		Http.Response drafted = this.editor.send("PATCH", path, "{\"version\":0,\"draft\":true,\"code\":\"PD1b\","
				+ "\"geometry\":" + TestRegistry.square(100.101, 10.101, 0.004) + ",\"reason\":\"mở rộng lô\"}");

		assertThat(drafted.status()).as(drafted.body()).isEqualTo(200);
		JsonNode draft = drafted.json().get("properties");
		assertThat(draft.get("code").asString()).isEqualTo("PD1b");
		assertThat(draft.get("areaHa").asDouble()).isCloseTo(4 * area, within(0.01));
		assertThat(draft.get("version").asLong()).isZero();
		assertThat(draft.get("draft").get("author").asString()).isEqualTo("t-editor");
		JsonNode published = this.http.get(path).json().get("properties");
		assertThat(published.get("code").asString()).as("the public sees the published plot").isEqualTo("PD1");
		assertThat(published.get("areaHa").asDouble()).isCloseTo(area, within(0.0001));
		assertThat(published.has("pendingDraft")).isFalse();
		assertThat(this.http.get("/ogc/collections/plots/items/" + plot).json().get("properties").get("code").asString())
			.isEqualTo("PD1");
		assertThat(this.editor.get("/api/plots?zone=TST-P").json().get("features").get(0).get("properties").get("pendingDraft")
			.asBoolean()).isTrue();
		assertThat(this.editor.get(path + "/draft").json().get("properties").get("code").asString()).isEqualTo("PD1b");
		assertThat(this.officer.get(path + "/draft").status()).isEqualTo(403);
		assertThat(this.http.get(path + "/draft").status()).isEqualTo(401);
		assertProblem(this.editor.send("PATCH", path, "{\"version\":0,\"publish\":false}"), 422, "published_stays_published",
				"draft");

		Http.Response publish = this.admin.postJson(path + "/publish", "{\"version\":0}");

		assertThat(publish.status()).as(publish.body()).isEqualTo(200);
		assertThat(this.http.get(path).json().get("properties").get("code").asString()).isEqualTo("PD1b");
		assertThat(this.registry.plotArea(plot).doubleValue()).isCloseTo(4 * area, within(0.01));
		JsonNode history = this.editor.get(path + "/history").json();
		assertThat(history).as("the draft published as one change").hasSize(2);
		assertThat(history.get(1).get("changedBy").asString()).isEqualTo("t-admin");
		assertThat(history.get(1).get("reason").asString()).isEqualTo("mở rộng lô");
		assertThat(history.get(1).get("changed")).extracting(JsonNode::asString).contains("boundary", "code");
		assertThat(this.editor.get(path + "/draft").status()).isEqualTo(404);
	}

	@Test
	void aPlotSplitAlongALineBecomesTwoPlotsCoveringIt() {
		long plot = this.registry.plot(this.zone, "S1", 100.101, 10.101, 0.004, LocalDate.parse("2023-01-01"));
		double area = this.registry.plotArea(plot).doubleValue();
		String line = "{\"type\":\"LineString\",\"coordinates\":[[100.103,10.100],[100.103,10.106]]}";

		Http.Response split = this.editor.postJson("/api/plots/" + plot + "/split", "{\"version\":0,\"line\":" + line + "}");

		assertThat(split.status()).as(split.body()).isEqualTo(201);
		JsonNode parts = split.json().get("features");
		assertThat(parts).hasSize(2);
		assertThat(parts).extracting(p -> p.get("properties").get("code").asString()).containsExactly("S1-A", "S1-B");
		double sum = parts.get(0).get("properties").get("areaHa").asDouble() + parts.get(1).get("properties").get("areaHa").asDouble();
		assertThat(sum).isCloseTo(area, within(0.001));
		assertThat(parts.get(0).get("properties").get("clearedOn").asString()).as("the parts keep their land's state")
			.isEqualTo("2023-01-01");
		assertThat(this.editor.get("/api/plots/" + plot).status()).as("the old plot is gone").isEqualTo(404);

		String miss = "{\"type\":\"LineString\",\"coordinates\":[[100.2,10.2],[100.21,10.21]]}";
		long partA = parts.get(0).get("id").asLong();
		assertProblem(this.editor.postJson("/api/plots/" + partA + "/split", "{\"version\":0,\"line\":" + miss + "}"), 422,
				"split_line_crosses", "does not cut");

		Http.Response merged = this.editor.postJson("/api/plots/merge", "{\"plots\":[{\"id\":" + partA + ",\"version\":0},"
				+ "{\"id\":" + parts.get(1).get("id").asLong() + ",\"version\":0}],\"code\":\"S1-M\"}");

		assertThat(merged.status()).as(merged.body()).isEqualTo(201);
		assertThat(merged.json().get("properties").get("areaHa").asDouble()).isCloseTo(area, within(0.001));
		assertThat(this.editor.get("/api/plots?zone=TST-P").json().get("features")).hasSize(1);
		JsonNode history = this.editor.get("/api/plots/" + plot + "/history").json();
		assertThat(history).extracting(h -> h.get("operation").asString()).containsExactly("INSERT", "UPDATE");
		assertThat(history.get(1).get("changed")).extracting(JsonNode::asString).contains("deleted_at");
	}

	@Test
	void plotsThatDoNotTouchAreNotMergedAndLeasedPlotsAreKept() {
		long a = this.registry.plot(this.zone, "A", 100.101, 10.101, 0.001, null);
		long b = this.registry.plot(this.zone, "B", 100.105, 10.105, 0.001, null);
		assertProblem(this.editor.postJson("/api/plots/merge", "{\"plots\":[{\"id\":" + a + ",\"version\":0},{\"id\":" + b
				+ ",\"version\":0}]}"), 422, "merge_touching", "do not touch");

		this.registry.lease(a, LocalDate.parse("2024-01-01"), null);
		assertProblem(this.editor.send("DELETE", "/api/plots/" + a + "?version=0&reason=x", null), 409, "plot_leased", "lease");
		assertProblem(this.editor.send("DELETE", "/api/plots/" + b + "?version=5&reason=x", null), 409, "stale_version", "version");
		assertProblem(this.editor.send("DELETE", "/api/plots/" + b + "?version=0", null), 400, null, "reason is required");
		assertProblem(this.editor.send("DELETE", "/api/plots/" + b + "?reason=x", null), 400, null, "version is required");
		assertThat(this.editor.get("/api/plots?zone=TST-P").json().get("features")).hasSize(2);
	}

	/** A lease to come binds the plot as one in force does; one that has ended no longer does. */
	@Test
	void aLeaseToComeKeepsThePlotAndAnEndedOneDoesNot() {
		LocalDate today = this.jdbc.sql("SELECT registry_today()").query(LocalDate.class).single();
		long future = this.registry.plot(this.zone, "F", 100.101, 10.101, 0.001, null);
		long ended = this.registry.plot(this.zone, "E", 100.105, 10.105, 0.001, null);
		this.registry.lease(future, today.plusYears(1), null);
		this.registry.lease(ended, today.minusYears(2), today);

		assertProblem(this.editor.send("DELETE", "/api/plots/" + future + "?version=0&reason=x", null), 409, "plot_leased", "lease");
		assertThat(this.editor.send("DELETE", "/api/plots/" + ended + "?version=0&reason=lease%20ended", null).status()).isEqualTo(204);
		assertThat(this.jdbc.sql("SELECT id FROM plot WHERE zone_id = :zone AND deleted_at IS NULL").param("zone", this.zone)
			.query(Long.class).list()).containsExactly(future);
	}

	@Test
	void aDeletedPlotStaysInThePast() {
		long plot = this.registry.plot(this.zone, "G1", 100.101, 10.101, 0.002, null);
		String before = this.jdbc.sql("SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")
			.query(String.class).single();

		assertThat(this.editor.send("DELETE", "/api/plots/" + plot + "?version=0&reason=drawn%20twice", null).status()).isEqualTo(204);

		assertThat(this.http.get("/api/plots?zone=TST-P").json().get("features")).isEmpty();
		assertThat(this.http.get("/api/plots?zone=TST-P&asOf=" + before).json().get("features")).hasSize(1);
		assertThat(this.editor.get("/api/plots/" + plot + "/history").json().get(1).get("reason").asString())
			.isEqualTo("drawn twice");
		long firstChange = this.editor.get("/api/plots/" + plot + "/history").json().get(0).get("id").asLong();
		Http.Response restored = this.editor.postJson("/api/plots/" + plot + "/restore",
				"{\"changeId\":" + firstChange + ",\"version\":1,\"reason\":\"deleted by mistake\"}");
		assertThat(restored.status()).as(restored.body()).isEqualTo(200);
		assertThat(this.http.get("/api/plots?zone=TST-P").json().get("features")).as("back, as a new change").hasSize(1);
		assertThat(this.editor.get("/api/plots/" + plot + "/history").json()).hasSize(3);
		assertThat(this.editor.send("DELETE", "/api/plots/" + plot + "?version=2&reason=again", null).status()).isEqualTo(204);
		long free = this.editor.postJson("/api/zones/" + this.zone + "/plots",
				"{\"code\":\"G2\",\"geometry\":" + TestRegistry.square(100.101, 10.101, 0.002) + "}").status();
		assertThat(free).as("its land is free again").isEqualTo(201);
	}

	@Test
	void aPlotShapeChangeIsCheckedAgainstItsZone() {
		long plot = this.registry.plot(this.zone, "E1", 100.101, 10.101, 0.002, null);
		double area = this.registry.plotArea(plot).doubleValue();

		assertProblem(this.editor.send("PATCH", "/api/plots/" + plot,
				"{\"version\":0,\"geometry\":" + TestRegistry.square(100.109, 10.101, 0.004) + "}"), 422, "plot_inside_zone",
				"outside its zone");
		Http.Response moved = this.editor.send("PATCH", "/api/plots/" + plot,
				"{\"version\":0,\"code\":\"E1b\",\"geometry\":" + TestRegistry.square(100.104, 10.104, 0.003) + "}");

		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.json().get("properties").get("code").asString()).isEqualTo("E1b");
		assertThat(moved.json().get("properties").get("version").asLong()).isEqualTo(1);
		assertThat(moved.json().get("properties").get("areaHa").asDouble()).as("the new 0.003° square, not the 0.002° one")
			.isCloseTo(area * 9 / 4, within(0.01));
		assertThat(this.registry.plotArea(plot).doubleValue()).isCloseTo(area * 9 / 4, within(0.01));
	}

	@Test
	void theETagOfAPlotIsItsVersionAndChangesWithAnEdit() {
		long plot = this.registry.plot(this.zone, "ET1", 100.101, 10.101, 0.002, null);
		String path = "/api/plots/" + plot;
		Http.Response read = this.http.get(path);
		assertThat(read.etag()).startsWith("\"0-");
		assertThat(this.http.send("GET", path, null, "If-None-Match", read.etag()).status()).isEqualTo(304);

		Http.Response edited = this.editor.send("PATCH", path, "{\"note\":\"đã đo lại\"}", "If-Match", read.etag());
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(edited.json().get("properties").get("version").asLong()).isEqualTo(1);

		Http.Response reread = this.http.get(path);
		assertThat(reread.etag()).startsWith("\"1-");
		Http.Response revalidated = this.http.send("GET", path, null, "If-None-Match", read.etag());
		assertThat(revalidated.status()).isEqualTo(200);
		assertThat(revalidated.etag()).as("the new version, in full").isEqualTo(reread.etag());
		assertThat(revalidated.json().get("properties").get("version").asLong()).isEqualTo(1);

		// a lease changes the plot's status but not its version: the ETag changes all the same, so
		// a client revalidating gets the new status, never a 304 for the old one
		this.registry.lease(plot, java.time.LocalDate.parse("2021-01-01"), null);
		Http.Response leased = this.http.get(path);
		assertThat(leased.json().get("properties").get("status").asString()).isEqualTo("LEASED");
		assertThat(leased.etag()).startsWith("\"1-").isNotEqualTo(reread.etag());
		Http.Response afterLease = this.http.send("GET", path, null, "If-None-Match", reread.etag());
		assertThat(afterLease.status()).isEqualTo(200);
		assertThat(afterLease.json().get("properties").get("status").asString()).isEqualTo("LEASED");
		Http.Response noted = this.editor.send("PATCH", path, "{\"note\":\"thuê\"}", "If-Match", leased.etag());
		assertThat(noted.status()).as("If-Match is checked against the version: " + noted.body()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT note FROM plot WHERE id = :id").param("id", plot).query(String.class).single())
			.isEqualTo("thuê");
	}

}
