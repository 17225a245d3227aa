package vn.landregistry.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API's bbox parameter: four numbers in CRS84 order, no heights. */
class BBoxTest {

	@Test
	void readsFourNumbers() {
		assertThat(BBox.parse("bbox", " 106, 21.2 ,106.3,21.4")).isEqualTo(new BBox(106, 21.2, 106.3, 21.4));
		assertThat(BBox.parse("bbox", " ")).isNull();
		assertThat(BBox.parse("bbox", null)).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			1,2                    | bbox must be four comma-separated numbers: minLon,minLat,maxLon,maxLat
			106,21.2,0,106.3,21.4,9 | bbox must be four comma-separated numbers: minLon,minLat,maxLon,maxLat
			106,21,x,22            | bbox value 'x' is not a number
			106,21,Infinity,22     | bbox values must be finite numbers
			106,21,181,22          | bbox is outside WGS 84: longitudes must lie in [-180, 180] and latitudes in [-90, 90]
			106,21,105,20          | bbox minimum is greater than its maximum: write minLon,minLat,maxLon,maxLat
			""")
	void refuses(String text, String message) {
		assertThatThrownBy(() -> BBox.parse("bbox", text)).isInstanceOfSatisfying(InvalidParameterException.class, ex -> {
			assertThat(ex.parameter()).isEqualTo("bbox");
			assertThat(ex.getMessage()).isEqualTo(message);
		});
	}

}
