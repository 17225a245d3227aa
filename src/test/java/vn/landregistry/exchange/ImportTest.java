package vn.landregistry.exchange;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.landregistry.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.within;

/**
 * Imports end to end on the real PostGIS: upload, the report, the commit in one transaction, and
 * what is refused (unsafe archives, malformed files, wrong CRS) with the cause said.
 */
class ImportTest extends PostgisTest {

	@TempDir
	Path dir;

	private TestRegistry registry;

	@org.springframework.beans.factory.annotation.Autowired
	ImportService imports;

	@org.springframework.beans.factory.annotation.Autowired
	javax.sql.DataSource dataSource;

	@BeforeEach
	void province() {
		this.registry = new TestRegistry(this.jdbc).create();
	}

	@AfterEach
	void clear() {
		this.registry.clear();
	}

	/** The check point: WGS 84 21.3 N 106.2 E is EPSG:9214 E 416802.265 N 2356377.900 (±5 cm). */
	@Test
	void vn2000CheckPoint() {
		ExchangeCrs bacGiang = ExchangeCrs.parse("crs", "EPSG:9214");
		double[] en = xy(bacGiang.fromStorage("ST_SetSRID(ST_MakePoint(106.2, 21.3), 4326)"));
		assertThat(en[0]).isCloseTo(416802.265, within(0.05));
		assertThat(en[1]).isCloseTo(2356377.900, within(0.05));
		double[] back = xy(bacGiang.toStorage("ST_MakePoint(416802.265, 2356377.900)"));
		double metres = this.jdbc.sql("SELECT ST_Distance(ST_MakePoint(:x, :y)::geography, ST_MakePoint(106.2, 21.3)::geography)")
			.param("x", back[0]).param("y", back[1]).query(Double.class).single();
		assertThat(metres).isLessThan(0.05);
	}

	/** The same point through an upload: a GeoJSON in EPSG:9214 (its crs member) previews at 106.2 E 21.3 N. */
	@Test
	void aVn2000FileIsReadAtTheCheckPoint() {
		String square = "[[[416802.265,2356377.9],[416852.265,2356377.9],[416852.265,2356427.9],[416802.265,2356427.9],[416802.265,2356377.9]]]";
		String geoJson = """
				{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::9214"}},
				 "features":[{"type":"Feature","properties":{"code":"CP-1"},"geometry":{"type":"Polygon","coordinates":%s}}]}"""
			.formatted(square);
		JsonNode batch = uploaded(this.editor.upload("/api/imports", "checkpoint.geojson", geoJson.getBytes(), "target", "zones"));
		assertThat(batch.get("status").asString()).isEqualTo("READY");
		assertThat(batch.get("crs").get("code").asString()).isEqualTo("EPSG:9214");
		assertThat(batch.get("crs").get("origin").asString()).isEqualTo("FILE");
		JsonNode vertex = features(batch).get(0).get("geometry").get("coordinates").get(0).get(0);
		double metres = this.jdbc.sql("SELECT ST_Distance(ST_MakePoint(:x, :y)::geography, ST_MakePoint(106.2, 21.3)::geography)")
			.param("x", vertex.get(0).asDouble()).param("y", vertex.get(1).asDouble()).query(Double.class).single();
		assertThat(metres).isLessThan(0.05);
		this.editor.send("DELETE", "/api/imports/" + batch.get("id").asLong(), null);
	}

	/**
	 * The "done when": a zone's approximate boundary replaced by a surveyed VN-2000 Shapefile
	 * (its .prj says EPSG:9214), the report read, committed, and recorded in the history with the
	 * file's name and checksum.
	 */
	@Test
	void aSurveyedShapefileReplacesAZoneBoundary() {
		long zone = this.registry.zone("TST-KCN-A", "KCN", TestRegistry.district(1), 100.1, 10.1, new BigDecimal("80"));
		ExchangeCrs plane = ExchangeCrs.parse("crs", "EPSG:9214");
		String surveyed = this.jdbc.sql("SELECT ST_AsGeoJSON(" + plane.fromStorage(
				"ST_SetSRID(ST_MakeEnvelope(100.1005, 10.1005, 100.1095, 10.1098), 4326)") + ", 3, 0)")
			.query(String.class).single();
		Path geoJson = GdalFiles.write(this.dir, "survey.geojson", """
				{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ma":"TST-KCN-A","dien_tich":"150"},
				 "geometry":%s}]}""".formatted(surveyed));
		Path shp = GdalFiles.convert(geoJson, "ESRI Shapefile", "ranh_gioi.shp", "-a_srs", "EPSG:9214");
		byte[] zip = GdalFiles.zipShapefile(shp);

		JsonNode batch = uploaded(this.editor.upload("/api/imports", "ranh_gioi_kcn.zip", zip, "target", "zones"));
		assertThat(batch.get("status").asString()).as(batch.toString()).isEqualTo("READY");
		assertThat(batch.get("crs").get("code").asString()).isEqualTo("EPSG:9214");
		assertThat(batch.get("mapping").get("code").asString()).isEqualTo("ma");
		assertThat(batch.get("mapping").get("legal_area_ha").asString()).isEqualTo("dien_tich");
		assertThat(batch.get("counts").get("update").asInt()).isEqualTo(1);
		assertThat(batch.get("counts").get("withErrors").asInt()).isZero();
		JsonNode feature = features(batch).get(0).get("properties");
		assertThat(feature.get("matchId").asLong()).isEqualTo(zone);
		assertThat(feature.get("shiftM").asDouble()).as("the survey moved the edge by about 55 m").isBetween(40.0, 120.0);
		assertThat(feature.get("problems").toString()).contains("area_vs_legal");

		JsonNode committed = committed(batch);
		assertThat(committed.get("status").asString()).as(committed.toString()).isEqualTo("COMMITTED");
		assertThat(committed.get("written").get("updated").asInt()).isEqualTo(1);
		double offByMetres = this.jdbc.sql("""
				SELECT ST_HausdorffDistance(ST_Transform(boundary, 3857), ST_Transform(ST_MakeEnvelope(100.1005, 10.1005, 100.1095, 10.1098, 4326), 3857))
				  FROM zone WHERE id = :id""").param("id", zone).query(Double.class).single();
		assertThat(offByMetres).isLessThan(0.01);
		assertThat(this.jdbc.sql("SELECT boundary_accuracy FROM zone WHERE id = :id").param("id", zone).query(String.class).single())
			.isEqualTo("SURVEYED");
		String reason = this.jdbc.sql("SELECT reason FROM change_history WHERE table_name = 'zone' AND row_id = :id ORDER BY id DESC LIMIT 1")
			.param("id", zone).query(String.class).single();
		assertThat(reason).contains("ranh_gioi_kcn.zip").contains(batch.get("file").get("sha256").asString());
	}

	/** The authority's spreadsheet of plots (WKT) and tenants, then a list of tenants only, matched by code. */
	@Test
	void aSpreadsheetOfPlotsAndTenants() {
		long zone = this.registry.zone("TST-KCN-B", "KCN", TestRegistry.district(1), 100.2, 10.2, new BigDecimal("100"));
		Path csv = GdalFiles.write(this.dir, "lo.csv", """
				Mã lô,WKT,Nhà đầu tư,Quốc gia,Ngày ký
				B-01,"POLYGON((100.201 10.201,100.203 10.201,100.203 10.203,100.201 10.203,100.201 10.201))",Công ty Hàn Việt,KR,15/03/2021
				B-02,"POLYGON((100.204 10.201,100.206 10.201,100.206 10.203,100.204 10.203,100.204 10.201))",,,
				B-03,"POLYGON((100.201 10.204,100.203 10.204,100.203 10.206,100.201 10.206,100.201 10.204))",,,
				""");
		Path xlsx = GdalFiles.convert(csv, "XLSX", "lo_dat.xlsx");
		JsonNode batch = uploaded(this.editor.upload("/api/imports", "lo_dat.xlsx", GdalFiles.read(xlsx), "target", "plots"));
		assertThat(batch.get("status").asString()).as(batch.toString()).isEqualTo("READY");
		assertThat(batch.get("crs").get("origin").asString()).isEqualTo("ASSUMED");
		assertThat(batch.get("counts").get("create").asInt()).isEqualTo(3);
		assertThat(batch.get("counts").get("withErrors").asInt()).as(features(batch).toString()).isZero();
		assertThat(committed(batch).get("written").get("leases").asInt()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM plot WHERE zone_id = :z").param("z", zone).query(Integer.class).single())
			.isEqualTo(3);
		assertThat(this.jdbc.sql("""
				SELECT l.investor_name || ' ' || l.investor_country || ' ' || l.signed_on FROM lease l JOIN plot p ON p.id = l.plot_id
				 WHERE p.zone_id = :z AND p.code = 'B-01'""").param("z", zone).query(String.class).single())
			.isEqualTo("Công ty Hàn Việt KR 2021-03-15");

		Path tenants = GdalFiles.write(this.dir, "thue.csv", """
				ma_lo,ma_khu,nha_dau_tu,ngay_ky
				B-03,TST-KCN-B,Fabrika Bắc Giang,2022-06-01
				""");
		JsonNode second = uploaded(this.editor.upload("/api/imports", "thue.csv", GdalFiles.read(tenants), "target", "plots"));
		assertThat(second.get("counts").get("update").asInt()).as(features(second).toString()).isEqualTo(1);
		assertThat(second.get("counts").get("withErrors").asInt()).as(features(second).toString()).isZero();
		committed(second);
		assertThat(this.jdbc.sql("SELECT count(*) FROM lease l JOIN plot p ON p.id = l.plot_id WHERE p.zone_id = :z")
			.param("z", zone).query(Integer.class).single()).isEqualTo(2);
	}

	/** A failure while writing feature 3 (its lease breaks a rule) leaves every table as it was. */
	@Test
	void aCommitIsAllOrNothing() {
		long zone = this.registry.zone("TST-KCN-C", "KCN", TestRegistry.district(2), 100.6, 10.2, new BigDecimal("100"));
		Path csv = GdalFiles.write(this.dir, "lo.csv", """
				code,wkt,tenant,tenant_country,signed_on
				C-01,"POLYGON((100.601 10.201,100.603 10.201,100.603 10.203,100.601 10.203,100.601 10.201))",A Co,VN,2023-01-01
				C-02,"POLYGON((100.604 10.201,100.606 10.201,100.606 10.203,100.604 10.203,100.604 10.201))",B Co,JP,2023-01-01
				C-03,"POLYGON((100.601 10.204,100.603 10.204,100.603 10.206,100.601 10.206,100.601 10.204))",C Co,Vietnam,2023-01-01
				C-04,"POLYGON((100.604 10.204,100.606 10.204,100.606 10.206,100.604 10.206,100.604 10.204))",,,
				""");
		long history = count("SELECT count(*) FROM change_history");
		long leases = count("SELECT count(*) FROM lease");
		JsonNode batch = uploaded(this.editor.upload("/api/imports", "lo.csv", GdalFiles.read(csv), "target", "plots"));
		assertThat(batch.get("counts").get("withErrors").asInt()).isZero();
		JsonNode after = committed(batch);
		assertThat(after.get("status").asString()).isEqualTo("READY");
		assertThat(after.get("message").asString()).startsWith("nothing was written").contains("lease");
		assertThat(count("SELECT count(*) FROM plot WHERE zone_id = " + zone)).isZero();
		assertThat(count("SELECT count(*) FROM lease")).isEqualTo(leases);
		assertThat(count("SELECT count(*) FROM change_history")).isEqualTo(history);
	}

	/**
	 * An application killed during a commit leaves its batch COMMITTING (PostgreSQL rolled its
	 * transaction back): at the next start it is READY again, unless a commit still holds the
	 * batch's lock (another instance). bench/faults kills a real application during a real commit.
	 */
	@Test
	void aBatchLeftCommittingByAStoppedApplicationIsReadyAgain() throws Exception {
		this.registry.zone("TST-KCN-K", "KCN", TestRegistry.district(2), 100.7, 10.2, new BigDecimal("100"));
		Path csv = GdalFiles.write(this.dir, "lo.csv", """
				code,wkt
				K-01,"POLYGON((100.701 10.201,100.703 10.201,100.703 10.203,100.701 10.203,100.701 10.201))"
				""");
		long id = uploaded(this.editor.upload("/api/imports", "lo.csv", GdalFiles.read(csv), "target", "plots")).get("id")
			.asLong();
		this.jdbc.sql("UPDATE import_batch SET status = 'COMMITTING' WHERE id = :id").param("id", id).update();

		// a commit still running elsewhere holds the lock: left alone
		try (java.sql.Connection other = this.dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (java.sql.PreparedStatement lock = other.prepareStatement(
					"SELECT pg_advisory_xact_lock(" + ImportCommit.COMMIT_LOCK + ", CAST(? AS integer))")) {
				lock.setLong(1, id);
				lock.execute();
			}
			this.imports.afterCrash();
			assertThat(status(id)).isEqualTo("COMMITTING");
			other.rollback();
		}

		this.imports.afterCrash();
		assertThat(status(id)).isEqualTo("READY");
		JsonNode after = new Imports(this.editor).committed(this.editor.get("/api/imports/" + id).json());
		assertThat(after.get("status").asString()).as(after.toString()).isEqualTo("COMMITTED");
	}

	private String status(long id) {
		return this.jdbc.sql("SELECT status FROM import_batch WHERE id = :id").param("id", id).query(String.class).single();
	}

	/** A plot drawn by a colleague between the report and the commit: the commit checks again and writes nothing. */
	@Test
	void aChangeOfTheRegistryAfterTheReportIsCheckedAtCommit() {
		long zone = this.registry.zone("TST-KCN-E", "KCN", TestRegistry.district(2), 100.8, 10.3, new BigDecimal("100"));
		Path csv = GdalFiles.write(this.dir, "lo.csv", """
				code,wkt
				E-01,"POLYGON((100.801 10.301,100.803 10.301,100.803 10.303,100.801 10.303,100.801 10.301))"
				E-02,"POLYGON((100.804 10.301,100.806 10.301,100.806 10.303,100.804 10.303,100.804 10.301))"
				""");
		JsonNode batch = uploaded(this.editor.upload("/api/imports", "lo.csv", GdalFiles.read(csv), "target", "plots"));
		assertThat(batch.get("counts").get("withErrors").asInt()).isZero();
		this.registry.plot(zone, "E-99", 100.8045, 10.3015, 0.001, null);
		JsonNode after = committed(batch);
		assertThat(after.get("status").asString()).isEqualTo("READY");
		assertThat(after.get("message").asString()).contains("1 feature(s) have errors");
		assertThat(after.get("counts").get("byRule").get("plot_no_overlap").asInt()).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM plot WHERE zone_id = " + zone)).isEqualTo(1);
	}

	/** Clearance phases: registered with their first event, then a new target date recorded as a step. */
	@Test
	void clearancePhasesAreRegisteredAndUpdated() {
		long zone = this.registry.zone("TST-KCN-F", "KCN", TestRegistry.district(1), 100.05, 10.05, new BigDecimal("100"));
		String geoJson = """
				{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ma_dot":"F-GD1","ten_dot":"Giai đoạn 1","han":"31/12/2026"},
				 "geometry":{"type":"Polygon","coordinates":[[[100.051,10.051],[100.055,10.051],[100.055,10.055],[100.051,10.055],[100.051,10.051]]]}}]}""";
		JsonNode batch = uploaded(this.editor.upload("/api/imports", "gpmb.geojson", geoJson.getBytes(), "target", "clearance"));
		assertThat(batch.get("counts").get("create").asInt()).as(features(batch).toString()).isEqualTo(1);
		assertThat(batch.get("counts").get("withErrors").asInt()).as(features(batch).toString()).isZero();
		assertThat(committed(batch).get("status").asString()).isEqualTo("COMMITTED");
		assertThat(this.jdbc.sql("SELECT name || ' ' || target_date FROM clearance_phase WHERE zone_id = :z AND code = 'F-GD1'")
			.param("z", zone).query(String.class).single()).isEqualTo("Giai đoạn 1 2026-12-31");

		Path csv = GdalFiles.write(this.dir, "han.csv", "ma_dot,ma_khu,han\nF-GD1,TST-KCN-F,2027-06-30\n");
		JsonNode later = uploaded(this.editor.upload("/api/imports", "han.csv", GdalFiles.read(csv), "target", "clearance"));
		assertThat(later.get("counts").get("update").asInt()).as(features(later).toString()).isEqualTo(1);
		assertThat(committed(later).get("status").asString()).isEqualTo("COMMITTED");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM clearance_event e JOIN clearance_phase p ON p.id = e.phase_id
				 WHERE p.zone_id = :z AND e.new_values ->> 'targetDate' = '2027-06-30'""").param("z", zone)
			.query(Integer.class).single()).isEqualTo(1);
	}

	/** Administrative units: a commune with its parent district, from a GeoPackage. */
	@Test
	void administrativeUnitsWithTheirParent() {
		Path geoJson = GdalFiles.write(this.dir, "xa.geojson", """
				{"type":"FeatureCollection","features":[{"type":"Feature",
				 "properties":{"ma":"TST-1-X1","cap":"COMMUNE","loai":"xã","ten":"Xã thử Một","thuoc":"TST-1","hieu_luc_tu":"2025-07-01"},
				 "geometry":{"type":"Polygon","coordinates":[[[100.0,10.0],[100.25,10.0],[100.25,10.25],[100.0,10.25],[100.0,10.0]]]}}]}""");
		Path gpkg = GdalFiles.convert(geoJson, "GPKG", "xa.gpkg");
		JsonNode batch = uploaded(this.editor.upload("/api/imports", "xa.gpkg", GdalFiles.read(gpkg), "target", "units"));
		assertThat(batch.get("counts").get("create").asInt()).as(features(batch).toString()).isEqualTo(1);
		assertThat(batch.get("counts").get("withErrors").asInt()).as(features(batch).toString()).isZero();
		assertThat(committed(batch).get("status").asString()).isEqualTo("COMMITTED");
		assertThat(this.jdbc.sql("""
				SELECT u.level || ' ' || u.name_vi || ' ' || p.code || ' ' || u.valid_from || ' ' || u.boundary_accuracy
				  FROM admin_unit u JOIN admin_unit p ON p.id = u.parent_id WHERE u.code = 'TST-1-X1'""").query(String.class).single())
			.isEqualTo("COMMUNE Xã thử Một TST-1 2025-07-01 SURVEYED");
		assertThat(this.jdbc.sql("""
				SELECT string_agg(DISTINCT h.reason, ' | ') FROM change_history h JOIN admin_unit u ON u.id = h.row_id
				 WHERE h.table_name = 'admin_unit' AND u.code = 'TST-1-X1'""").query(String.class).single())
			.contains("xa.gpkg").contains(batch.get("file").get("sha256").asString());
	}

	/** Mixed and missing geometries are errors of their features, never of the request. */
	@Test
	void mixedGeometriesAreErrorsOfTheirFeatures() {
		this.registry.zone("TST-KCN-D", "KCN", TestRegistry.district(1), 100.3, 10.3, new BigDecimal("100"));
		StringBuilder ring = new StringBuilder("[");
		for (int i = 0; i < 25_000; i++) {
			double a = 2 * Math.PI * i / 25_000;
			ring.append('[').append(100.305 + 0.002 * Math.cos(a)).append(',').append(10.305 + 0.002 * Math.sin(a)).append("],");
		}
		ring.append("[100.307,10.305]]");
		String geoJson = """
				{"type":"FeatureCollection","features":[
				 {"type":"Feature","properties":{"code":"D-1"},"geometry":{"type":"Point","coordinates":[100.305,10.305]}},
				 {"type":"Feature","properties":{"code":"D-2"},"geometry":{"type":"LineString","coordinates":[[100.301,10.301],[100.302,10.302]]}},
				 {"type":"Feature","properties":{"code":"D-3"},"geometry":{"type":"Polygon","coordinates":[[[100.301,10.301],[100.303,10.303],[100.303,10.301],[100.301,10.303],[100.301,10.301]]]}},
				 {"type":"Feature","properties":{"code":"D-4"},"geometry":null},
				 {"type":"Feature","properties":{"code":"D-5"},"geometry":{"type":"Polygon","coordinates":[%s]}},
				 {"type":"Feature","properties":{"code":"D-5"},"geometry":{"type":"Polygon","coordinates":[[[100.308,10.308],[100.309,10.308],[100.309,10.309],[100.308,10.309],[100.308,10.308]]]}}
				]}""".formatted(ring);
		JsonNode batch = uploaded(this.editor.upload("/api/imports", "mixed.geojson", geoJson.getBytes(), "target", "plots"));
		assertThat(batch.get("status").asString()).as(batch.toString()).isEqualTo("READY");
		JsonNode rules = batch.get("counts").get("byRule");
		assertThat(rules.get("polygon_required").asInt()).isEqualTo(2);
		assertThat(rules.get("geometry_valid").asInt()).isEqualTo(1);
		assertThat(rules.get("geometry_required").asInt()).isEqualTo(1);
		assertThat(rules.get("too_many_vertices").asInt()).isEqualTo(1);
		assertThat(rules.get("duplicate_code").asInt()).isEqualTo(2);
		// every one of the six features has at least one error
		assertProblem(this.editor.postJson("/api/imports/" + batch.get("id").asLong() + "/commit", "{}"), 409,
				"import_has_errors", "6 feature(s) have errors");
		assertThat(this.editor.get("/api/imports/" + batch.get("id").asLong()).json().get("status").asString())
			.as("still waiting for a correction").isEqualTo("READY");
		assertThat(count("SELECT count(*) FROM plot p JOIN zone z ON z.id = p.zone_id WHERE z.code = 'TST-KCN-D'"))
			.as("nothing written").isZero();
	}

	@Test
	void archivesThatLeaveTheirFolderOrInflateTooMuchAreRefused() {
		long batches = count("SELECT count(*) FROM import_batch");
		Http.Response traversal = this.editor.upload("/api/imports", "evil.zip", GdalFiles.zip("../../etc/evil.shp", 10), "target", "zones");
		assertThat(traversal.status()).isEqualTo(400);
		assertThat(traversal.json().get("rule").asString()).isEqualTo("zip_traversal");
		Http.Response bomb = this.editor.upload("/api/imports", "bomb.zip", GdalFiles.zip("big.geojson", 80L << 20), "target", "zones");
		assertThat(bomb.status()).isEqualTo(400);
		assertThat(bomb.json().get("rule").asString()).isEqualTo("zip_bomb");
		Http.Response notZip = this.editor.upload("/api/imports", "broken.zip", "not a zip".getBytes(), "target", "zones");
		assertThat(notZip.status()).isEqualTo(400);
		assertThat(notZip.contentType()).startsWith("application/problem+json");
		assertThat(notZip.json().get("rule").asString()).isEqualTo("zip_unreadable");
		assertThat(count("SELECT count(*) FROM import_batch")).as("no import started").isEqualTo(batches);
	}

	@Test
	void anUploadAboveTheLimitIs413() {
		long batches = count("SELECT count(*) FROM import_batch");
		Http.Response tooLarge = this.editor.upload("/api/imports", "big.geojson", new byte[9 << 20], "target", "zones");
		assertProblem(tooLarge, 413, null, "Maximum upload size");
		assertThat(count("SELECT count(*) FROM import_batch")).as("no import started").isEqualTo(batches);
	}

	/** One malformed file per format: the import fails with GDAL's reason, never a 500 or a trace. */
	@ParameterizedTest
	@ValueSource(strings = { "geojson", "kml", "gpkg", "dxf", "csv", "xlsx", "kmz", "shp.zip" })
	void aMalformedFileFailsWithItsReason(String extension) {
		byte[] garbage = ("this is not a " + extension + " file {{{ <<< \u0000\u0001").getBytes();
		byte[] content = extension.endsWith("zip") || extension.equals("kmz")
				? zipOf(extension.equals("kmz") ? "doc.kml" : "a.shp", garbage) : garbage;
		Http.Response response = this.editor.upload("/api/imports", "bad." + extension, content, "target", "zones");
		// accepted (the upload is sound), then read by GDAL in the background, which fails
		assertThat(response.status()).as(response.body()).isEqualTo(202);
		JsonNode batch = uploaded(response);
		assertThat(batch.get("status").asString()).as(batch.toString()).isEqualTo("FAILED");
		assertThat(batch.get("message").asString()).isNotBlank().doesNotContain("Exception", "at org.");
	}

	/** Coordinates that land outside Vietnam or the wrong province are refused with the likely cause. */
	@Test
	void aWrongCrsIsRefusedWithItsLikelyCause() {
		String square = "[[[416802,2356378],[416902,2356378],[416902,2356478],[416802,2356478],[416802,2356378]]]";
		String plain = """
				{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"X"},"geometry":{"type":"Polygon","coordinates":%s}}]}"""
			.formatted(square);
		JsonNode asDegrees = uploaded(this.editor.upload("/api/imports", "metres.geojson", plain.getBytes(), "target", "zones"));
		assertThat(asDegrees.get("status").asString()).isEqualTo("FAILED");
		assertThat(asDegrees.get("message").asString()).contains("VN-2000 metres read as degrees").contains("EPSG:9214");

		JsonNode wrongMeridian = uploaded(this.editor.upload("/api/imports", "metres.geojson", plain.getBytes(), "target",
				"zones", "crs", "EPSG:9209"));
		assertThat(wrongMeridian.get("status").asString()).isEqualTo("FAILED");
		assertThat(wrongMeridian.get("message").asString()).contains("wrong central meridian: shifted ~")
			.contains("EPSG:9214");
		String shifted = wrongMeridian.get("message").asString().replaceFirst("(?s).*shifted ~(\\d+) km.*", "$1");
		assertThat(Integer.parseInt(shifted)).isBetween(140, 170);

		Path csv = GdalFiles.write(this.dir, "xy.csv", "code,x,y\nX,416802,2356378\n");
		JsonNode noCrs = uploaded(this.editor.upload("/api/imports", "xy.csv", GdalFiles.read(csv), "target", "zones"));
		assertThat(noCrs.get("message").asString()).contains("does not say its CRS").contains("EPSG:9214");
	}

	@Test
	void importsAreForTheAuthorityOnly() {
		assertThat(this.http.upload("/api/imports", "a.geojson", "{}".getBytes(), "target", "zones").status()).isEqualTo(401);
		assertThat(this.officer.upload("/api/imports", "a.geojson", "{}".getBytes(), "target", "zones").status()).isEqualTo(403);
		assertThat(this.officer.get("/api/imports").status()).isEqualTo(403);
	}

	private static byte[] zipOf(String name, byte[] content) {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
			zip.putNextEntry(new java.util.zip.ZipEntry(name));
			zip.write(content);
			zip.closeEntry();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private JsonNode uploaded(Http.Response response) {
		return new Imports(this.editor).uploaded(response);
	}

	private JsonNode committed(JsonNode batch) {
		return new Imports(this.editor).committed(batch);
	}

	private JsonNode features(JsonNode batch) {
		return new Imports(this.editor).features(batch);
	}

	private double[] xy(String sql) {
		List<Double> xy = new ArrayList<>();
		this.jdbc.sql("SELECT ST_X(g), ST_Y(g) FROM (SELECT " + sql + " AS g) s").query(rs -> {
			xy.add(rs.getDouble(1));
			xy.add(rs.getDouble(2));
		});
		return new double[] { xy.get(0), xy.get(1) };
	}

}
