package vn.landregistry.exchange;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export → import per format and CRS: the file GDAL wrote is read back by the import as updates
 * of the same records, with every shape within 1 cm of the stored one and every attribute the
 * format keeps equal to the stored value; and the file is one QGIS reads (ogrinfo).
 */
class RoundTripTest extends PostgisTest {

	@TempDir
	Path dir;

	private TestRegistry registry;

	private long zone;

	private Imports imports;

	@BeforeEach
	void plots() {
		this.registry = new TestRegistry(this.jdbc).create();
		this.zone = this.registry.zone("TST-KCN-R", "KCN", TestRegistry.district(1), 100.7, 10.2, new BigDecimal("100"));
		long a = this.registry.plot(this.zone, "R-01", 100.701, 10.201, 0.002, LocalDate.of(2021, 6, 30));
		this.registry.plot(this.zone, "R-02", 100.704, 10.201, 0.002, null);
		long c = this.registry.plot(this.zone, "R-03", 100.701, 10.204, 0.0015, LocalDate.of(2022, 1, 5));
		this.jdbc.sql("UPDATE plot SET land_use = 'LOGISTICS', note = 'Kho bãi – giáp đường tỉnh 295' WHERE id = :id")
			.param("id", c).update();
		this.registry.lease(a, LocalDate.of(2021, 9, 1), null);
		this.imports = new Imports(this.editor);
	}

	@AfterEach
	void clear() {
		this.registry.clear();
	}

	@ParameterizedTest(name = "{0} in {1}, {2}")
	@CsvSource({ "geojson, EPSG:4326, vi", "geojson, EPSG:9214, en", "kml, EPSG:4326, vi", "shp, EPSG:4326, en",
			"shp, EPSG:9214, vi", "gpkg, EPSG:9214, vi", "gpkg, EPSG:4326, en", "dxf, EPSG:9214, vi", "csv, EPSG:4326, vi",
			"csv, EPSG:9214, en", "xlsx, EPSG:4326, en", "xlsx, EPSG:9214, vi" })
	void plotsComeBackAsTheyWent(String format, String crs, String lang) throws Exception {
		Http.Download file = this.editor.download("/api/exports/plots?zone=TST-KCN-R&format=" + format + "&crs=" + crs + "&lang=" + lang);
		assertThat(file.status()).as(new String(file.body())).isEqualTo(200);
		String name = file.header("Content-Disposition").replaceFirst(".*filename=\"?([^\";]+)\"?.*", "$1");
		Path saved = Files.write(this.dir.resolve(name), file.body());
		if (!format.equals("shp")) {
			String info = GdalFiles.ogrinfo(this.dir, "-ro", "-al", "-so", saved.toString());
			assertThat(info).as("QGIS (GDAL) reads %s", name).contains("Feature Count");
		}
		// formats that do not say their CRS are told it, as an editor would choose it on the page
		boolean namesCrs = format.equals("geojson") || format.equals("kml") || format.equals("shp") || format.equals("gpkg");
		String[] fields = namesCrs || crs.equals("EPSG:4326") && !format.equals("dxf")
				? new String[] { "target", "plots" } : new String[] { "target", "plots", "crs", crs };
		JsonNode batch = this.imports.uploaded(this.editor.upload("/api/imports", name, file.body(), fields));
		assertThat(batch.get("status").asString()).as(batch.toString()).isEqualTo("READY");
		assertThat(batch.get("crs").get("code").asString()).isEqualTo(crs);
		assertThat(batch.get("counts").get("update").asInt()).as(this.imports.features(batch).toString()).isEqualTo(3);
		assertThat(batch.get("counts").get("withErrors").asInt()).as(this.imports.features(batch).toString()).isZero();
		assertThat(batch.get("counts").get("maxShiftM").asDouble()).as("largest move of a shape, m").isLessThan(0.01);

		long id = batch.get("id").asLong();
		Map<String, String> mapping = new java.util.HashMap<>();
		batch.get("mapping").properties().forEach(e -> mapping.put(e.getKey(), e.getValue().asString()));
		assertThat(mapping).containsKey("code");
		if (format.equals("dxf")) {
			return;  // DXF keeps shapes and codes only
		}
		assertThat(mapping).containsKeys("zone", "land_use", "cleared_on", "note", "tenant", "signed_on");
		Mapping m = new Mapping(ImportTarget.PLOT, mapping);
		int differing = this.jdbc.sql("""
				SELECT count(*) FROM import_feature f JOIN plot p ON p.id = f.match_id
				  LEFT JOIN lease l ON l.plot_id = p.id AND l.ended_on IS NULL
				 WHERE f.batch_id = :b AND (upper(%s) IS DISTINCT FROM (SELECT code FROM zone WHERE id = p.zone_id)
				    OR %s IS DISTINCT FROM p.land_use OR %s IS DISTINCT FROM p.cleared_on OR %s IS DISTINCT FROM p.note
				    OR %s IS DISTINCT FROM l.investor_name OR %s IS DISTINCT FROM l.signed_on)"""
			.formatted(m.raw("zone"), m.raw("land_use"), m.value("cleared_on"), m.raw("note"), m.raw("tenant"), m.value("signed_on")))
			.param("b", id).query(Integer.class).single();
		assertThat(differing).as("features whose attributes differ from the registry").isZero();
	}

	/** Zones, with their names and figures, through the formats surveyors and the authority use most. */
	@ParameterizedTest(name = "zones as {0} in {1}")
	@CsvSource({ "shp, EPSG:9214", "gpkg, EPSG:9209", "xlsx, EPSG:4326", "kml, EPSG:4326" })
	void zonesComeBackAsTheyWent(String format, String crs) throws Exception {
		this.jdbc.sql("UPDATE zone SET name_en = 'Test zone R', legal_area_ha = 123.45, developer = 'Công ty Phát triển hạ tầng', "
				+ "decision_no = '123/QĐ-TTg', decision_date = DATE '2020-02-20' WHERE id = :id").param("id", this.zone).update();
		Http.Download file = this.editor.download("/api/exports/zones?code=TST-KCN-R&format=" + format + "&crs=" + crs);
		assertThat(file.status()).as(new String(file.body())).isEqualTo(200);
		String name = "zones." + (format.equals("shp") ? "zip" : format);
		String[] fields = format.equals("xlsx") ? new String[] { "target", "zones", "crs", crs } : new String[] { "target", "zones" };
		JsonNode batch = this.imports.uploaded(this.editor.upload("/api/imports", name, file.body(), fields));
		assertThat(batch.get("status").asString()).as(batch.toString()).isEqualTo("READY");
		assertThat(batch.get("counts").get("update").asInt()).isEqualTo(1);
		assertThat(batch.get("counts").get("withErrors").asInt()).as(this.imports.features(batch).toString()).isZero();
		assertThat(batch.get("counts").get("maxShiftM").asDouble()).isLessThan(0.01);
		Map<String, String> mapping = new java.util.HashMap<>();
		batch.get("mapping").properties().forEach(e -> mapping.put(e.getKey(), e.getValue().asString()));
		Mapping m = new Mapping(ImportTarget.ZONE, mapping);
		int differing = this.jdbc.sql("""
				SELECT count(*) FROM import_feature f JOIN zone z ON z.id = f.match_id
				 WHERE f.batch_id = :b AND (%s IS DISTINCT FROM z.kind OR %s IS DISTINCT FROM z.name_vi OR %s IS DISTINCT FROM z.name_en
				    OR %s IS DISTINCT FROM z.legal_area_ha OR %s IS DISTINCT FROM z.developer OR %s IS DISTINCT FROM z.decision_no
				    OR %s IS DISTINCT FROM z.decision_date OR %s IS DISTINCT FROM z.lease_land_ha)"""
			.formatted(m.raw("kind"), m.raw("name_vi"), m.raw("name_en"), m.value("legal_area_ha"), m.raw("developer"),
					m.raw("decision_no"), m.value("decision_date"), m.value("lease_land_ha")))
			.param("b", batch.get("id").asLong()).query(Integer.class).single();
		assertThat(differing).as("zones whose attributes differ from the registry; mapping " + mapping).isZero();
	}

}
