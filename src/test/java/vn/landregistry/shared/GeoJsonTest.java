package vn.landregistry.shared;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Java side of the GeoJSON writer: features PostgreSQL wrote, put together byte for byte. */
class GeoJsonTest {

	@Test
	void collectsFeaturesInTheirOrder() {
		assertThat(GeoJson.collectionOf(List.of("{\"id\":2}", "{\"id\":1}")))
			.isEqualTo("{\"type\":\"FeatureCollection\",\"features\":[{\"id\":2},{\"id\":1}]}");
		assertThat(GeoJson.collectionOf(List.of())).isEqualTo("{\"type\":\"FeatureCollection\",\"features\":[]}");
	}

}
