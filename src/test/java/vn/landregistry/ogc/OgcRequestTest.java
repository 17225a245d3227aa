package vn.landregistry.ogc;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.landregistry.shared.InvalidParameterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The items request's parameters, read without a server: what is taken, and how the rest is refused. */
class OgcRequestTest {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T03:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));

	static final OgcCollection ZONES = new OgcCollections().find("zones").orElseThrow();

	@Test
	void noParametersMeanTheFirstPageOfTodayInCrs84AsJson() {
		OgcRequest request = OgcRequest.items(ZONES, Map.of(), null, CLOCK);

		assertThat(request.limit()).isEqualTo(OgcRequest.DEFAULT_LIMIT);
		assertThat(request.offset()).isZero();
		assertThat(request.box()).isNull();
		assertThat(request.at()).isNull();
		assertThat(request.orderBy()).isEqualTo("t.id");
		assertThat(request.crs()).isEqualTo(OgcCrs.CRS84);
		assertThat(request.html()).isFalse();
		assertThat(request.filters()).isEmpty();
		assertThat(request.rest()).isEmpty();
	}

	@Test
	void everyParameterIsRead() {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("limit", "10");
		query.put("offset", "20");
		query.put("bbox", "21,106,22,107");
		query.put("bbox-crs", OgcCrs.Uri.EPSG_4326);
		query.put("crs", OgcCrs.Uri.EPSG_9214);
		query.put("datetime", "../2025-01-01");
		query.put("sortby", "-code, kind");
		query.put("kind", "KCN");
		query.put("f", "html");

		OgcRequest request = OgcRequest.items(ZONES, query, null, CLOCK);

		assertThat(request.limit()).isEqualTo(10);
		assertThat(request.offset()).isEqualTo(20);
		assertThat(request.box()).isEqualTo(new OgcBox(OgcCrs.WGS84, 21, 106, 22, 107));
		assertThat(request.crs()).isEqualTo(OgcCrs.VN2000_BAC_GIANG);
		assertThat(request.at()).isEqualTo(Instant.parse("2025-01-01T16:59:59.999999Z"));
		assertThat(request.orderBy()).isEqualTo("t.code DESC, t.kind ASC, t.id");
		assertThat(request.filters()).containsExactly(Map.entry("kind", "KCN"));
		assertThat(request.html()).isTrue();
		assertThat(request.rest()).isEqualTo("&bbox=21%2C106%2C22%2C107&bbox-crs=" + enc(OgcCrs.Uri.EPSG_4326) + "&crs="
				+ enc(OgcCrs.Uri.EPSG_9214) + "&datetime=..%2F2025-01-01&sortby=-code%2C+kind&kind=KCN");
		assertThat(request.select().box()).isSameAs(request.box());
	}

	@Test
	void sixNumbersGiveABoxWithoutItsHeights() {
		OgcRequest request = OgcRequest.items(ZONES, Map.of("bbox", "106.0,21.2,0,106.3,21.4,100"), null, CLOCK);

		assertThat(request.box()).isEqualTo(new OgcBox(OgcCrs.CRS84, 106.0, 21.2, 106.3, 21.4));
	}

	@Test
	void anAcceptThatPrefersHtmlAsksForHtmlUnlessFSaysOtherwise() {
		assertThat(OgcRequest.items(ZONES, Map.of(), "text/html,*/*", CLOCK).html()).isTrue();
		assertThat(OgcRequest.items(ZONES, Map.of(), "text/html,application/json", CLOCK).html()).isFalse();
		assertThat(OgcRequest.items(ZONES, Map.of("f", "json"), "text/html", CLOCK).html()).isFalse();
	}

	@Test
	void anOpenIntervalOrOneEndingNowMeansNow() {
		assertThat(OgcRequest.datetime("2024-01-01/..", CLOCK)).isNull();
		assertThat(OgcRequest.datetime("2024-01-01/", CLOCK)).isNull();
		assertThat(OgcRequest.datetime("2024-06-01T00:00:00Z", CLOCK)).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			limit    | 0                  | limit is a whole number from 1 to 10000
			limit    | ten                | limit is a whole number from 1 to 10000
			offset   | -1                 | offset is a whole number from 0
			bbox     | 1,2,3              | bbox must be four comma-separated numbers (six with heights), minLon,minLat,maxLon,maxLat
			bbox     | 106,21,x,22        | bbox value 'x' is not a number
			bbox     | 106,21,NaN,22      | bbox values must be finite numbers
			bbox     | 106,21,105,20      | bbox minimum is greater than its maximum: write minLon,minLat,maxLon,maxLat
			bbox     | 106,21,181,22      | bbox is outside WGS 84: longitudes must lie in [-180, 180] and latitudes in [-90, 90]; write minLon,minLat,maxLon,maxLat
			bbox-crs | EPSG:4326          | bbox-crs 'EPSG:4326' is not supported; use one of
			crs      | EPSG:3857          | crs 'EPSG:3857' is not supported; use one of
			datetime | yesterday          | datetime 'yesterday' is not RFC 3339
			sortby   | name               | cannot sort by 'name'; sort by code, kind, district, planStatus, lifecycle
			kind     | KCX                | kind is one of KCN, CCN
			colour   | red                | unknown parameter 'colour'; this collection takes bbox, bbox-crs, crs, datetime, f, limit, offset, sortby and its queryables code, kind
			f        | xml                | f is json or html
			""")
	void refusesWithAProblemNamingTheParameter(String parameter, String value, String message) {
		assertThatThrownBy(() -> OgcRequest.items(ZONES, Map.of(parameter, value), null, CLOCK))
			.isInstanceOfSatisfying(InvalidParameterException.class, ex -> {
				assertThat(ex.parameter()).isEqualTo(parameter);
				assertThat(ex.value()).isEqualTo(value);
				assertThat(ex.getMessage()).startsWith(message);
			});
	}

	@Test
	void aPlaneBoxMustLieInVietnam() {
		Map<String, String> query = Map.of("bbox", "0,0,5e9,5e9", "bbox-crs", OgcCrs.Uri.EPSG_9214);

		assertThatThrownBy(() -> OgcRequest.items(ZONES, query, null, CLOCK))
			.isInstanceOfSatisfying(InvalidParameterException.class, ex -> {
				assertThat(ex.parameter()).isEqualTo("bbox");
				assertThat(ex.getMessage()).startsWith("bbox lies outside the area of use of VN-2000 (Vietnam)")
					.endsWith("write minEasting,minNorthing,maxEasting,maxNorthing in metres");
			});
	}

	@Test
	void aLatitudeFirstBoxIsCheckedLatitudeFirst() {
		Map<String, String> query = Map.of("bbox", "21,106,22,181", "bbox-crs", OgcCrs.Uri.EPSG_4326);

		assertThatThrownBy(() -> OgcRequest.items(ZONES, query, null, CLOCK))
			.isInstanceOfSatisfying(InvalidParameterException.class,
					ex -> assertThat(ex.getMessage()).startsWith("bbox is outside WGS 84")
						.endsWith("minLat,minLon,maxLat,maxLon (bbox-crs EPSG:4326 has latitude first)"));
	}

	private static String enc(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

}
