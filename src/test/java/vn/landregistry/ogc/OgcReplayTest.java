package vn.landregistry.ogc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code datetime} replays what the public saw then: records published and not deleted at that
 * instant (public_zone_as_of, public_plot_as_of), not what they are now, and not those made since.
 */
class OgcReplayTest extends PostgisTest {

	static final String BOX = "bbox=100,10,101,10.5";

	TestRegistry registry;

	long hidden;

	Instant then;

	@BeforeEach
	void build() {
		this.registry = new TestRegistry(this.jdbc).create();
		long kept = this.registry.zone("TST-RA", "KCN", TestRegistry.district(1), 100.1, 10.1, new BigDecimal("100"));
		this.hidden = this.registry.zone("TST-RB", "CCN", TestRegistry.district(2), 100.6, 10.1, new BigDecimal("50"));
		this.registry.plot(kept, "P1", 100.1021, 10.1021, 0.002, LocalDate.parse("2020-01-01"));
		long deleted = this.registry.plot(kept, "P2", 100.1061, 10.1061, 0.002, LocalDate.parse("2020-01-01"));
		// hidden from the public before the instant: absent then as now
		long draft = this.registry.zone("TST-RC", "CCN", TestRegistry.district(2), 100.8, 10.1, new BigDecimal("50"));
		this.jdbc.sql("UPDATE zone SET published = false WHERE id = :id").param("id", draft).update();
		long gone = this.registry.plot(kept, "P0", 100.1081, 10.1081, 0.001, LocalDate.parse("2020-01-01"));
		this.jdbc.sql("UPDATE plot SET deleted_at = now() WHERE id = :id").param("id", gone).update();
		this.then = this.jdbc.sql("SELECT clock_timestamp()").query(OffsetDateTime.class).single().toInstant();

		this.jdbc.sql("UPDATE zone SET published = false WHERE id = :id").param("id", this.hidden).update();
		this.jdbc.sql("UPDATE plot SET deleted_at = now() WHERE id = :id").param("id", deleted).update();
		this.registry.plot(kept, "P3", 100.1041, 10.1041, 0.001, LocalDate.parse("2020-01-01"));
	}

	@AfterEach
	void clear() {
		this.registry.clear();
	}

	@Test
	void zonesAreThoseThePublicSawThen() {
		assertThat(codes("/ogc/collections/zones/items?" + BOX)).containsExactly("TST-RA");
		assertThat(codes("/ogc/collections/zones/items?" + BOX + "&datetime=" + this.then)).containsExactly("TST-RA", "TST-RB");
	}

	@Test
	void plotsAreThoseThePublicSawThen() {
		assertThat(codes("/ogc/collections/plots/items?" + BOX)).containsExactly("P1", "P3");
		assertThat(codes("/ogc/collections/plots/items?" + BOX + "&datetime=" + this.then)).containsExactly("P1", "P2");
	}

	@Test
	void aZoneUnpublishedSinceIsOneFeatureThenAndNoneNow() {
		String item = "/ogc/collections/zones/items/" + this.hidden;

		Http.Response past = this.http.get(item + "?datetime=" + this.then);
		assertThat(past.status()).as(past.body()).isEqualTo(200);
		assertThat(past.json().get("properties").get("code").asString()).isEqualTo("TST-RB");
		Http.Response now = this.http.get(item);
		assertThat(now.status()).isEqualTo(404);
		assertThat(now.contentType()).startsWith("application/problem+json");
	}

	private List<String> codes(String path) {
		Http.Response page = this.http.get(path + "&sortby=code");
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		List<String> codes = new ArrayList<>();
		for (JsonNode feature : page.json().get("features")) {
			codes.add(feature.get("properties").get("code").asString());
		}
		return codes;
	}

}
