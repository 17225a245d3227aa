package vn.landregistry.ogc;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import vn.landregistry.ogc.OgcClient.Answer;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/** registry.ogc.cache-size=0: every answer is made afresh, without X-Cache, still with its ETag. */
@TestPropertySource(properties = "registry.ogc.cache-size=0")
class OgcCacheOffTest extends PostgisTest {

	static final String PLOTS = "/ogc/collections/plots/items?bbox=100,10,101,10.5";

	OgcClient client;

	TestRegistry registry;

	long zone;

	@BeforeEach
	void build() {
		this.client = new OgcClient(this.port);
		this.registry = new TestRegistry(this.jdbc).create();
		this.zone = this.registry.zone("TST-O", "KCN", TestRegistry.district(1), 100.1, 10.1, new BigDecimal("100"));
	}

	@AfterEach
	void clear() {
		this.registry.clear();
	}

	@Test
	void everyAnswerIsMadeAfresh() {
		long plot = this.registry.plot(this.zone, "A1", 100.1021, 10.1021, 0.002, LocalDate.parse("2020-01-01"));
		String item = "/ogc/collections/plots/items/" + plot;
		for (int i = 0; i < 2; i++) {
			Answer page = this.client.get(PLOTS);
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.cache()).isNull();
			assertThat(page.header("ETag")).startsWith("\"");
			Answer one = this.client.get(item);
			assertThat(one.cache()).isNull();
			assertThat(this.client.get(item, "If-None-Match", one.header("ETag")).status()).isEqualTo(304);
		}
		this.registry.plot(this.zone, "A2", 100.1061, 10.1061, 0.002, LocalDate.parse("2020-01-01"));
		assertThat(this.client.get(PLOTS).json().get("numberReturned").asInt()).isEqualTo(2);
	}

}
