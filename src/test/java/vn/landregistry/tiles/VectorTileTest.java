package vn.landregistry.tiles;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TileClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vn.landregistry.support.Problems.assertProblem;

/** Vector tiles of the demo registry, decoded: features and attributes per zoom, HTTP caching, TileJSON, bad input. */
class VectorTileTest extends PostgisTest {

	static final String ZONE = "KCN-QUANG-CHAU";

	TileClient tiles;

	/** A test zone with a round boundary of many vertices, when a test drew one. */
	Long roundZone;

	@BeforeEach
	void client() {
		this.tiles = new TileClient(this.port);
	}

	@AfterEach
	void removeRoundZone() {
		if (this.roundZone != null) {
			this.jdbc.sql("DELETE FROM zone WHERE id = :id").param("id", this.roundZone).update();
		}
	}

	@Test
	void aHighZoomTileHoldsTheDemoPlotsOfItsAreaWithAllTheirPublicAttributes() {
		Map<String, Object> plot = this.jdbc.sql("""
				SELECT p.id, p.code, z.code AS zone, z.name_vi AS zone_name, CAST(p.area_ha AS float8) AS area_ha, p.land_use,
				       plot_status(p.id, p.cleared_on, mvt_day()) AS status,
				       ST_X(ST_PointOnSurface(p.boundary)) AS lon, ST_Y(ST_PointOnSurface(p.boundary)) AS lat
				  FROM plot p JOIN zone z ON z.id = p.zone_id
				 WHERE z.code = :zone AND p.published AND p.deleted_at IS NULL ORDER BY p.id LIMIT 1""")
			.param("zone", ZONE).query().singleRow();
		String path = TileClient.path("plots", 16, (Double) plot.get("lon"), (Double) plot.get("lat"));

		HttpResponse<byte[]> response = this.tiles.get(path);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TileClient.header(response, "Content-Type")).isEqualTo("application/vnd.mapbox-vector-tile");
		Mvt tile = Mvt.decode(response.body());
		assertThat(tile.layers()).containsOnlyKeys("plots");
		Mvt.Feature feature = tile.feature("plots", ((Number) plot.get("id")).longValue());
		assertThat(feature).as("plot %s in %s", plot.get("code"), path).isNotNull();
		assertThat(feature.attributes()).containsEntry("code", plot.get("code")).containsEntry("zone", ZONE)
			.containsEntry("zoneName", plot.get("zone_name")).containsEntry("status", plot.get("status"))
			.containsEntry("landUse", plot.get("land_use")).containsEntry("boundaryAccuracy", "APPROXIMATE")
			.containsEntry("demo", true);
		assertThat(((Number) feature.get("areaHa")).doubleValue()).isCloseTo((Double) plot.get("area_ha"), within(0.0001));
		assertThat(((Number) feature.get("id")).longValue()).isEqualTo(feature.id());
		assertThat(feature.geometry()).isInstanceOf(org.locationtech.jts.geom.Polygonal.class);
		// the shape is where the plot is: it covers the plot's surface point, in the tile's units
		Map<String, Object> point = this.jdbc.sql("""
				SELECT ST_X(g) AS x, ST_Y(g) AS y FROM (SELECT ST_AsMVTGeom(ST_Transform(ST_PointOnSurface(p.boundary), 3857),
				       ST_TileEnvelope(:z, :x, :y)) AS g FROM plot p WHERE p.id = :id) s""")
			.params(tileParams(path)).param("id", plot.get("id")).query().singleRow();
		assertThat(feature.geometry().buffer(1).covers(new org.locationtech.jts.geom.GeometryFactory()
			.createPoint(new org.locationtech.jts.geom.Coordinate(((Number) point.get("x")).doubleValue(),
					((Number) point.get("y")).doubleValue())))).as("%s covers %s", feature.geometry(), point).isTrue();

		// every public plot whose surface point lies in the tile is in it, and nothing else but neighbours
		List<Long> inside = this.jdbc.sql("""
				SELECT p.id FROM plot p JOIN zone z ON z.id = p.zone_id
				 WHERE p.published AND p.deleted_at IS NULL AND z.published AND z.deleted_at IS NULL
				   AND ST_Intersects(ST_Transform(ST_PointOnSurface(p.boundary), 3857), ST_TileEnvelope(:z, :x, :y))""")
			.params(tileParams(path)).query(Long.class).list();
		assertThat(tile.layer("plots")).extracting(Mvt.Feature::id).containsAll(inside);
	}

	@Test
	void theDemoZoneIsInItsTilesWithAllAttributesWhenZoomedInAndFewFromAfar() {
		Map<String, Object> zone = this.jdbc.sql("""
				SELECT z.id, z.kind, z.plan_status, z.lifecycle, z.name_vi, d.code AS district,
				       CAST(o.lease_land_ha AS float8) AS lease_land_ha, CAST(round(o.occupancy_rate, 6) AS float8) AS rate,
				       ST_X(ST_PointOnSurface(z.boundary)) AS lon, ST_Y(ST_PointOnSurface(z.boundary)) AS lat
				  FROM zone z JOIN admin_unit d ON d.id = z.district_id JOIN zone_occupancy(mvt_day()) o ON o.zone_id = z.id
				 WHERE z.code = :zone""").param("zone", ZONE).query().singleRow();
		double lon = (Double) zone.get("lon");
		double lat = (Double) zone.get("lat");
		long id = ((Number) zone.get("id")).longValue();

		Mvt.Feature near = Mvt.decode(this.tiles.get(TileClient.path("zones", 14, lon, lat)).body()).feature("zones", id);
		assertThat(near.attributes()).containsEntry("code", ZONE).containsEntry("kind", zone.get("kind"))
			.containsEntry("planStatus", zone.get("plan_status")).containsEntry("lifecycle", zone.get("lifecycle"))
			.containsEntry("name", zone.get("name_vi")).containsEntry("district", zone.get("district"))
			.containsEntry("boundaryAccuracy", "APPROXIMATE");
		assertThat(((Number) near.get("leaseLandHa")).doubleValue()).isCloseTo((Double) zone.get("lease_land_ha"), within(0.01));
		assertThat(((Number) near.get("occupancyRate")).doubleValue()).isCloseTo((Double) zone.get("rate"), within(1e-6));

		Mvt.Feature far = Mvt.decode(this.tiles.get(TileClient.path("zones", 8, lon, lat)).body()).feature("zones", id);
		assertThat(far.attributes()).as("trimmed at zoom 8").containsOnlyKeys("mvtId", "id", "code", "kind", "planStatus",
				"boundaryAccuracy");
		assertThat(far.get("code")).isEqualTo(ZONE);

		// plots from zoom 8, generalised below 14 (GeneralisedPlotTilesTest); nothing below 8: 204
		HttpResponse<byte[]> noPlots = this.tiles.get(TileClient.path("plots", 7, lon, lat));
		assertThat(noPlots.statusCode()).isEqualTo(204);
		assertThat(noPlots.body()).isEmpty();
		Mvt.Feature mergedAt13 = Mvt.decode(this.tiles.get(TileClient.path("plots", 13, lon, lat)).body()).layer("plots").get(0);
		assertThat(mergedAt13.attributes()).containsOnlyKeys("mvtId", "level", "status", "zone", "zoneName",
				"boundaryAccuracy", "plotCount", "areaHa");
		assertThat(mergedAt13.get("mvtId")).as("merged plots: no feature id").isNull();
	}

	@Test
	void districtsAndClearancePhasesHaveTheirTilesToo() {
		Map<String, Object> phase = this.jdbc.sql("""
				SELECT c.id, c.code, c.status, z.code AS zone, ST_X(ST_PointOnSurface(c.boundary)) AS lon,
				       ST_Y(ST_PointOnSurface(c.boundary)) AS lat
				  FROM clearance_phase c JOIN zone z ON z.id = c.zone_id
				 WHERE c.deleted_at IS NULL AND z.published AND z.deleted_at IS NULL ORDER BY c.id LIMIT 1""").query().singleRow();
		Mvt.Feature feature = Mvt.decode(this.tiles.get(TileClient.path("clearance", 13, (Double) phase.get("lon"),
				(Double) phase.get("lat"))).body()).feature("clearance", ((Number) phase.get("id")).longValue());
		assertThat(feature.attributes()).containsEntry("code", phase.get("code")).containsEntry("status", phase.get("status"))
			.containsEntry("zone", phase.get("zone")).containsKeys("areaHa", "clearedPct", "overdue");

		Map<String, Object> vietYen = this.jdbc.sql("""
				SELECT ST_X(ST_PointOnSurface(boundary)) AS lon, ST_Y(ST_PointOnSurface(boundary)) AS lat
				  FROM admin_unit WHERE code = 'BG-VY'""").query().singleRow();
		Mvt districts = Mvt.decode(this.tiles.get(TileClient.path("districts", 9, (Double) vietYen.get("lon"),
				(Double) vietYen.get("lat"))).body());
		assertThat(districts.layer("districts")).extracting(f -> f.get("code")).contains("BG-VY");
		assertThat(districts.layer("districts").get(0).attributes()).containsKeys("name", "validTo");
	}

	@Test
	void geometryIsSimplifiedForLowZooms() {
		this.roundZone = this.jdbc.sql("""
				INSERT INTO zone (kind, code, name_vi, district_id, plan_status, boundary, source)
				SELECT 'CCN', 'CCN-TILE-ROUND', 'Cụm tròn', id, 'NEW',
				       ST_Multi(CAST(ST_Buffer(CAST(ST_SetSRID(ST_MakePoint(106.80, 21.42), 4326) AS geography), 400, 64) AS geometry)),
				       'kiểm thử'
				  FROM admin_unit WHERE code = 'BG-SD' RETURNING id""").query(Long.class).single();
		int drawn = this.jdbc.sql("SELECT ST_NPoints(boundary) FROM zone WHERE id = :id").param("id", this.roundZone)
			.query(Integer.class).single();

		int at14 = vertices(TileClient.path("zones", 14, 106.80, 21.42));
		int at10 = vertices(TileClient.path("zones", 10, 106.80, 21.42));

		assertThat(drawn).isGreaterThan(250);
		assertThat(at14).as("zoom 14 keeps the shape").isGreaterThan(drawn * 3 / 4);
		assertThat(at10).as("zoom 10: a few pixels wide").isPositive().isLessThan(drawn / 8);
	}

	@Test
	void tilesCarryAStrongETagAShortCacheLifeAndAnswer304WhenUnchanged() {
		String path = TileClient.path("zones", 12, 106.098, 21.228);
		HttpResponse<byte[]> first = this.tiles.get(path);
		String etag = TileClient.header(first, "ETag");

		assertThat(etag).matches("\"[0-9a-f]{32}\"");
		assertThat(TileClient.header(first, "Cache-Control")).contains("max-age=10", "must-revalidate", "public");
		HttpResponse<byte[]> again = this.tiles.get(path, "If-None-Match", etag);
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(TileClient.header(again, "ETag")).isEqualTo(etag);
		assertThat(TileClient.header(again, "Cache-Control")).contains("max-age=10");
		assertThat(TileClient.header(again, "X-Tile-Cache")).isEqualTo("HIT");
		assertThat(this.tiles.get(path, "If-None-Match", "W/" + etag + ", \"other\"").statusCode()).isEqualTo(304);
		assertThat(this.tiles.get(path, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
	}

	@Test
	void tileJsonDescribesEachLayer() {
		JsonNode layers = this.http.get("/tiles").json().get("layers");
		assertThat(layers).extracting(l -> l.get("id").asString()).containsExactly("zones", "plots", "clearance", "districts");

		Http.Response response = this.http.get("/tiles/plots.json");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		JsonNode doc = response.json();
		assertThat(doc.get("tilejson").asString()).isEqualTo("3.0.0");
		assertThat(doc.get("name").asString()).isEqualTo("plots");
		assertThat(doc.get("tiles").get(0).asString()).isEqualTo("http://127.0.0.1:" + this.port + "/tiles/plots/{z}/{x}/{y}.mvt");
		assertThat(doc.get("minzoom").asInt()).isEqualTo(8);
		assertThat(doc.get("maxzoom").asInt()).isEqualTo(22);
		JsonNode bounds = doc.get("bounds");
		assertThat(bounds).hasSize(4);
		assertThat(bounds.get(0).asDouble()).isBetween(105.0, 107.0); // the province, from the data
		assertThat(bounds.get(1).asDouble()).isBetween(20.5, 21.5);
		assertThat(bounds.get(2).asDouble()).isBetween(106.5, 108.0);
		assertThat(bounds.get(3).asDouble()).isBetween(21.0, 22.0);
		JsonNode center = doc.get("center");
		assertThat(center.get(0).asDouble()).isBetween(bounds.get(0).asDouble(), bounds.get(2).asDouble());
		assertThat(center.get(2).asInt()).isEqualTo(10);
		JsonNode layer = doc.get("vector_layers").get(0);
		assertThat(layer.get("id").asString()).isEqualTo("plots");
		assertThat(layer.get("fields").get("status").asString()).isEqualTo("String");
		assertThat(layer.get("fields").get("areaHa").asString()).isEqualTo("Number");
		assertThat(doc.get("attribution").asString()).contains("APPROXIMATE");
		long plots = this.jdbc.sql("""
				SELECT count(*) FROM plot p JOIN zone z ON z.id = p.zone_id
				 WHERE p.published AND p.deleted_at IS NULL AND z.published AND z.deleted_at IS NULL""").query(Long.class).single();
		assertThat(doc.get("feature_count").asLong()).isEqualTo(plots);
		assertThat(this.http.get("/tiles/zones.json").json().get("minzoom").asInt()).isZero();
	}

	@ParameterizedTest
	@CsvSource({ "-1/0/0, z", "99/0/0, z", "3/8/0, x", "3/0/8, y", "abc/0/0, z", "3/1.5/0, x", "3/0/-1, y" })
	void coordinatesOutsideTheGridAre400(String zxy, String parameter) {
		JsonNode problem = assertProblem(this.http.get("/tiles/zones/" + zxy + ".mvt"), 400, null, "whole number");
		assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
	}

	@Test
	void anUnknownLayerIs404() {
		assertProblem(this.http.get("/tiles/roads/3/0/0.mvt"), 404, null, "unknown tile layer 'roads'");
		assertProblem(this.http.get("/tiles/roads.json"), 404, null, "zones, plots, clearance, districts");
	}

	@Test
	void theTileEndpointsAreInTheApiDocument() {
		JsonNode paths = this.http.get("/v3/api-docs").json().get("paths");
		assertThat(paths.has("/tiles/{layer}/{z}/{x}/{y}.mvt")).isTrue();
		assertThat(paths.has("/tiles/{layer}.json")).isTrue();
		assertThat(paths.get("/tiles/{layer}/{z}/{x}/{y}.mvt").get("get").get("responses").get("200").get("content")
			.has("application/vnd.mapbox-vector-tile")).isTrue();
	}

	private int vertices(String path) {
		return Mvt.decode(this.tiles.get(path).body()).feature("zones", this.roundZone).geometry().getNumPoints();
	}

	private static Map<String, Object> tileParams(String path) {
		String[] parts = path.replace(".mvt", "").split("/");
		return Map.of("z", Integer.parseInt(parts[3]), "x", Integer.parseInt(parts[4]), "y", Integer.parseInt(parts[5]));
	}

}
