package vn.landregistry.ogc;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vn.landregistry.support.Problems.assertProblem;

/**
 * OGC API – Features Part 2 (CRS by reference): the CRS each collection offers, the crs and
 * bbox-crs parameters, the Content-Crs header, and the VN-2000 plane checked against PROJ's EPSG
 * database, against proj4j and against the geometry of the projection itself.
 */
class OgcCrsTest extends PostgisTest {

	static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

	static final String EPSG_4326 = "http://www.opengis.net/def/crs/EPSG/0/4326";

	static final String VN2000 = "http://www.opengis.net/def/crs/EPSG/0/9214";

	/**
	 * EPSG:9214 as a PROJ string written from its published parameters: transverse Mercator about
	 * 107°E, k = 0.9999, false easting 500 km, on the WGS 84 ellipsoid; VN-2000 to WGS 84 by
	 * EPSG:6960. EPSG publishes 6960's rotations in the coordinate-frame convention (-0.00928836,
	 * 0.01975479, -0.00427372 arc-seconds); +towgs84 takes position-vector rotations, hence the
	 * opposite signs. Copying the published signs into +towgs84 moves points by about 0.8 m.
	 */
	static final String VN2000_PROJ = "+proj=tmerc +lat_0=0 +lon_0=107 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84"
			+ " +towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m +no_defs";

	@Test
	void everyCollectionOffersTheThreeCrsAndStoresInCrs84() {
		assertThat(this.http.get("/ogc/conformance").json().get("conformsTo").toString())
			.contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");
		for (JsonNode collection : this.http.get("/ogc/collections").json().get("collections")) {
			assertThat(texts(collection.get("crs"))).as(collection.get("id").asString()).containsExactly(CRS84, EPSG_4326, VN2000);
			assertThat(collection.get("storageCrs").asString()).isEqualTo(CRS84);
			JsonNode one = this.http.get("/ogc/collections/" + collection.get("id").asString()).json();
			assertThat(texts(one.get("crs"))).containsExactly(CRS84, EPSG_4326, VN2000);
			assertThat(one.get("storageCrs").asString()).isEqualTo(CRS84);
		}
	}

	@Test
	void itemsAndSingleFeaturesSayTheirCrsInTheContentCrsHeader() {
		for (String collection : OgcFeaturesTest.COLLECTIONS) {
			String items = "/ogc/collections/" + collection + "/items?limit=1";
			assertThat(header(items, "Content-Crs")).isEqualTo("<" + CRS84 + ">");
			String fid = this.http.get(items).json().get("features").get(0).get("id").asString();
			for (String crs : List.of(CRS84, EPSG_4326, VN2000)) {
				assertThat(header(items + "&crs=" + enc(crs), "Content-Crs")).as(collection).isEqualTo("<" + crs + ">");
				String one = "/ogc/collections/" + collection + "/items/" + fid + "?crs=" + enc(crs);
				assertThat(header(one, "Content-Crs")).as(collection).isEqualTo("<" + crs + ">");
				assertThat(this.http.get(one).json().get("geometry").get("coordinates").isArray()).isTrue();
			}
		}
	}

	@Test
	void epsg4326AnswersLatitudeFirst() {
		String zones = "/ogc/collections/zones/items?limit=1000";
		JsonNode lonLat = this.http.get(zones).json().get("features");
		JsonNode latLon = this.http.get(zones + "&crs=" + enc(EPSG_4326)).json().get("features");
		assertThat(latLon.size()).isEqualTo(lonLat.size()).isPositive();
		for (int i = 0; i < lonLat.size(); i++) {
			Set<List<Double>> swapped = new HashSet<>();
			for (double[] p : points(lonLat.get(i).get("geometry"))) {
				swapped.add(List.of(p[1], p[0]));
			}
			Set<List<Double>> answered = new HashSet<>();
			for (double[] p : points(latLon.get(i).get("geometry"))) {
				answered.add(List.of(p[0], p[1]));
			}
			assertThat(answered).as(lonLat.get(i).get("id").asString()).isEqualTo(swapped);
			assertThat(answered.iterator().next().get(0)).as("latitude first").isBetween(20.0, 22.0);
		}
	}

	/**
	 * Every zone, plot, phase and district in VN-2000 lies in Bắc Giang's part of the plane (about
	 * 105.8°–107.1°E, 21.1°–21.7°N: eastings 370–520 km, northings 2 320–2 410 km), and each vertex
	 * is where proj4j puts the same vertex given in CRS84 (within the 1 cm rounding of CRS84's 7
	 * decimals).
	 */
	@Test
	void vn2000AnswersMetresOfBacGiangThatProj4jConfirms() {
		CoordinateTransform toVn2000 = proj4j("+proj=longlat +datum=WGS84 +no_defs", VN2000_PROJ);
		int checked = 0;
		for (String collection : OgcFeaturesTest.COLLECTIONS) {
			String items = "/ogc/collections/" + collection + "/items?limit=10000";
			JsonNode degrees = this.http.get(items).json().get("features");
			JsonNode metres = this.http.get(items + "&crs=" + enc(VN2000)).json().get("features");
			assertThat(metres.size()).isEqualTo(degrees.size()).isPositive();
			for (int i = 0; i < degrees.size(); i++) {
				List<double[]> lonLat = points(degrees.get(i).get("geometry"));
				List<double[]> en = points(metres.get(i).get("geometry"));
				assertThat(en).hasSameSizeAs(lonLat);
				for (int j = 0; j < en.size(); j++) {
					assertThat(en.get(j)[0]).as("%s easting", collection).isBetween(370_000.0, 520_000.0);
					assertThat(en.get(j)[1]).as("%s northing", collection).isBetween(2_320_000.0, 2_410_000.0);
					ProjCoordinate expected = toVn2000.transform(new ProjCoordinate(lonLat.get(j)[0], lonLat.get(j)[1]),
							new ProjCoordinate());
					assertThat(en.get(j)[0]).isCloseTo(expected.x, within(0.02));
					assertThat(en.get(j)[1]).isCloseTo(expected.y, within(0.02));
					checked++;
				}
			}
		}
		assertThat(checked).isGreaterThan(100);
	}

	/**
	 * The service's VN-2000 SQL against PROJ's own EPSG:9214 (its EPSG database picks the datum
	 * shift) and against proj4j, to the millimetre, over points across the province.
	 */
	@Test
	void theVn2000TransformIsEpsg9214() {
		CoordinateTransform toVn2000 = proj4j("+proj=longlat +datum=WGS84 +no_defs", VN2000_PROJ);
		boolean projKnows9214 = projKnows9214();
		for (double lon = 105.8; lon <= 107.1; lon += 0.25) {
			for (double lat = 21.1; lat <= 21.7; lat += 0.2) {
				String point = "ST_SetSRID(ST_MakePoint(" + lon + ", " + lat + "), 4326)";
				double[] ours = xy(OgcCrs.VN2000_BAC_GIANG.fromStorage(point));
				ProjCoordinate proj4j = toVn2000.transform(new ProjCoordinate(lon, lat), new ProjCoordinate());
				assertThat(ours[0]).as("%s, %s", lon, lat).isCloseTo(proj4j.x, within(0.001));
				assertThat(ours[1]).as("%s, %s", lon, lat).isCloseTo(proj4j.y, within(0.001));
				if (projKnows9214) {
					double[] epsg = xy("ST_Transform(" + point + ", 'EPSG:9214')");
					assertThat(ours[0]).isCloseTo(epsg[0], within(0.001));
					assertThat(ours[1]).isCloseTo(epsg[1], within(0.001));
				}
			}
		}
	}

	/**
	 * The projection itself, without any library: a point of VN-2000's 107°E meridian has easting
	 * 500 000 m and northing 0.9999 times the meridian arc from the equator (WGS 84 ellipsoid).
	 */
	@Test
	void theCentralMeridianIs107EastWithScale09999() {
		for (double lat : new double[] { 21.1, 21.4, 21.7 }) {
			// a point given in VN-2000 geographic (EPSG:4756) on the meridian, taken to storage and then to the plane
			double[] en = xy(OgcCrs.VN2000_BAC_GIANG
				.fromStorage("ST_Transform(ST_SetSRID(ST_MakePoint(107, " + lat + "), 4756), 4326)"));
			assertThat(en[0]).as("easting on the central meridian").isCloseTo(500_000, within(0.005));
			assertThat(en[1]).as("northing at %s°", lat).isCloseTo(0.9999 * meridianArc(Math.toRadians(lat)), within(0.005));
		}
	}

	/** The CRS is named once, by the Content-Crs header: no geometry carries a "crs" member of its own. */
	@Test
	void geometriesInVn2000CarryNoCrsMember() {
		String items = "/ogc/collections/zones/items?limit=5&crs=" + enc(VN2000);
		assertThat(header(items, "Content-Crs")).isEqualTo("<" + VN2000 + ">");
		JsonNode features = this.http.get(items).json().get("features");
		assertThat(features.size()).isPositive();
		for (JsonNode feature : features) {
			assertThat(feature.get("geometry").has("type")).isTrue();
			assertThat(feature.get("geometry").has("crs")).as("geometry of %s", feature.get("id")).isFalse();
		}
	}

	@Test
	void aBoxInEitherCrsFindsTheSameZones() {
		JsonNode zone = this.http.get("/ogc/collections/zones/items?code=KCN-QUANG-CHAU").json().get("features").get(0);
		String id = zone.get("id").asString();
		assertThat(ids("/ogc/collections/zones/items?bbox=106.0,21.2,106.3,21.4&limit=1000")).contains(id)
			.isEqualTo(ids("/ogc/collections/zones/items?bbox=21.2,106.0,21.4,106.3&limit=1000&bbox-crs=" + enc(EPSG_4326)))
			.isEqualTo(ids("/ogc/collections/zones/items?bbox=106.0,21.2,0,106.3,21.4,100&limit=1000"));
		// a box of 200 m around one vertex of the zone in the plane, and one far away
		double[] vertex = points(this.http.get("/ogc/collections/zones/items/" + id + "?crs=" + enc(VN2000)).json()
			.get("geometry")).get(0);
		String box = (vertex[0] - 100) + "," + (vertex[1] - 100) + "," + (vertex[0] + 100) + "," + (vertex[1] + 100);
		assertThat(ids("/ogc/collections/zones/items?bbox=" + box + "&bbox-crs=" + enc(VN2000))).contains(id)
			.hasSizeLessThan(ids("/ogc/collections/zones/items?limit=1000").size());
		assertThat(ids("/ogc/collections/zones/items?bbox=300000,2000000,300100,2000100&bbox-crs=" + enc(VN2000))).isEmpty();
		// a box far outside Vietnam is refused at once instead of being transformed
		Http.Response huge = this.http.get("/ogc/collections/zones/items?bbox=0,0,5e9,5e9&bbox-crs=" + enc(VN2000));
		assertThat(huge.status()).as(huge.body()).isEqualTo(400);
		assertThat(huge.json().get("parameter").asString()).isEqualTo("bbox");
		assertThat(huge.json().get("detail").asString()).contains("outside the area of use of VN-2000");
		assertThat(huge.body()).doesNotContain("Exception");
		assertThat(ids("/ogc/collections/plots/items?bbox=" + box + "&bbox-crs=" + enc(VN2000) + "&crs=" + enc(VN2000)))
			.isEqualTo(ids("/ogc/collections/plots/items?bbox=" + box + "&bbox-crs=" + enc(VN2000)));
		// paging keeps the CRS parameters
		JsonNode page = this.http.get("/ogc/collections/plots/items?limit=1&crs=" + enc(VN2000) + "&bbox-crs=" + enc(EPSG_4326)
				+ "&bbox=20,105,22,108").json();
		for (JsonNode link : page.get("links")) {
			if (link.get("rel").asString().equals("next")) {
				assertThat(link.get("href").asString()).contains("crs=" + enc(VN2000)).contains("bbox-crs=" + enc(EPSG_4326));
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "crs=EPSG:4326", "crs=http://www.opengis.net/def/crs/EPSG/0/3857", "crs=",
			"bbox-crs=http://www.opengis.net/def/crs/EPSG/0/3405&bbox=1,2,3,4", "bbox-crs=CRS84&bbox=106,21,107,22",
			"bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4326&bbox=106,21,107,22",
			"bbox-crs=http://www.opengis.net/def/crs/EPSG/0/9214&bbox=500000,2400000,400000,2300000",
			"bbox-crs=http://www.opengis.net/def/crs/EPSG/0/9214&bbox=1,2,3" })
	void unsupportedCrsAndBadBoxesAre400(String query) {
		Http.Response response = this.http.get("/ogc/collections/zones/items?" + query.replace("http://", "http%3A%2F%2F"));
		assertThat(response.status()).as(query).isEqualTo(query.equals("crs=") ? 200 : 400);
		if (response.status() == 400) {
			assertThat(response.contentType()).startsWith("application/problem+json");
		}
	}

	@Test
	void aSingleFeatureRefusesAnUnsupportedCrs() {
		String id = this.http.get("/ogc/collections/zones/items?limit=1").json().get("features").get(0).get("id").asString();
		assertProblem(this.http.get("/ogc/collections/zones/items/" + id + "?crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/3857")),
				400, null, "not supported");
	}

	/** Whether the server's PROJ has EPSG:9214 in its database (EPSG 9.8.x and later). */
	private boolean projKnows9214() {
		try {
			xy("ST_Transform(ST_SetSRID(ST_MakePoint(106.2, 21.3), 4326), 'EPSG:9214')");
			return true;
		}
		catch (DataAccessException ex) {
			System.err.println("PROJ on this server lacks EPSG:9214; comparing with proj4j only: " + ex.getMessage());
			return false;
		}
	}

	private List<String> ids(String path) {
		Http.Response response = this.http.get(path);
		assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		response.json().get("features").forEach(f -> ids.add(f.get("id").asString()));
		return ids;
	}

	private double[] xy(String geometrySql) {
		return this.jdbc.sql("SELECT ST_X(g), ST_Y(g) FROM (SELECT " + geometrySql + " AS g) x")
			.query((rs, row) -> new double[] { rs.getDouble(1), rs.getDouble(2) })
			.single();
	}

	private String header(String path, String name) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET().build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			return response.headers().firstValue(name).orElse(null);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The vertices of a polygon or multipolygon, in order. */
	static List<double[]> points(JsonNode geometry) {
		List<double[]> points = new ArrayList<>();
		collect(geometry.get("coordinates"), points);
		return points;
	}

	private static void collect(JsonNode node, List<double[]> points) {
		if (node.get(0).isNumber()) {
			points.add(new double[] { node.get(0).asDouble(), node.get(1).asDouble() });
		}
		else {
			node.forEach(child -> collect(child, points));
		}
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(t -> texts.add(t.asString()));
		return texts;
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static CoordinateTransform proj4j(String from, String to) {
		CRSFactory crs = new CRSFactory();
		CoordinateReferenceSystem source = crs.createFromParameters("source", from);
		CoordinateReferenceSystem target = crs.createFromParameters("target", to);
		return new CoordinateTransformFactory().createTransform(source, target);
	}

	/** Length of the meridian from the equator to latitude phi on the WGS 84 ellipsoid (series to e^8). */
	private static double meridianArc(double phi) {
		double a = 6_378_137.0;
		double f = 1 / 298.257223563;
		double n = f / (2 - f);
		double n2 = n * n;
		double n3 = n2 * n;
		double n4 = n3 * n;
		double aHat = a / (1 + n) * (1 + n2 / 4 + n4 / 64);
		return aHat * (phi - (3 * n / 2 - 9 * n3 / 16) * Math.sin(2 * phi) + (15 * n2 / 16 - 15 * n4 / 32) * Math.sin(4 * phi)
				- (35 * n3 / 48) * Math.sin(6 * phi) + (315 * n4 / 512) * Math.sin(8 * phi));
	}

}
