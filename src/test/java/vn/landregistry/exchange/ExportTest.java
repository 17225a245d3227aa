package vn.landregistry.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.landregistry.support.Http;
import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TestRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vn.landregistry.support.Problems.assertProblem;

/**
 * Exports read back by GDAL's ogrinfo, as a user's GIS would read them: every zone of the demo
 * data in every format, in WGS 84 and in VN-2000 / TM-3 107-00 (EPSG:9214), with its attributes
 * named in Vietnamese and English and its first vertex where PostGIS puts it; who sees what; and
 * the problem details of bad parameters.
 */
class ExportTest extends PostgisTest {

	private static final String ZONE = "KCN-QUANG-CHAU";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A coordinate pair of the first shape in ogrinfo's listing (or of a WKT column). */
	private static final Pattern FIRST_VERTEX = Pattern.compile("(?:POLYGON|LINESTRING) \\(+(-?[0-9.]+) (-?[0-9.]+)");

	private static final Pattern FIELD = Pattern
		.compile("^([A-Za-z_][A-Za-z0-9_]*): (String|Real|Integer|Integer64|Date|DateTime|Integer\\(Boolean\\)) ",
				Pattern.MULTILINE);

	@TempDir
	Path dir;

	static Stream<Arguments> zoneExports() {
		List<Arguments> exports = new ArrayList<>();
		for (ExportFormat format : ExportFormat.values()) {
			for (String crs : List.of("EPSG:4326", "EPSG:9214")) {
				if (format != ExportFormat.KML || crs.equals("EPSG:4326")) {
					exports.add(Arguments.of(format, crs));
				}
			}
		}
		return exports.stream();
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("zoneExports")
	void everyZoneIsInTheFileWithItsAttributesAndFirstVertex(ExportFormat format, String crs) throws IOException {
		int zones = this.jdbc.sql("SELECT count(*) FROM zone WHERE published AND deleted_at IS NULL").query(Integer.class)
			.single();
		for (String lang : List.of("vi", "en")) {
			String name = "zones-" + crs.replace(":", "") + "-" + lang + "." + format.extension();
			Http.Download download = this.http.download("/api/exports/zones?format=" + format.name().toLowerCase()
					+ "&crs=" + crs + "&lang=" + lang);
			assertThat(download.status()).as(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo(200);
			assertThat(download.header("Content-Type")).isEqualTo(format.mediaType().toString());
			assertThat(download.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + name + "\"");
			Path file = save(download.body(), name);
			String summary = ogrinfo(file, format, "-so");
			String codeAttribute = format == ExportFormat.DXF ? "Layer" : lang.equals("vi") ? "ma" : "code";
			String listing = ogrinfo(file, format, "-where", codeAttribute + " = '" + ZONE + "'");
			if (format == ExportFormat.DXF) {
				// a closed polyline a ring, on a layer named by the zone's code
				int rings = this.jdbc.sql("SELECT sum(ST_NRings(boundary)) FROM zone WHERE published AND deleted_at IS NULL")
					.query(Integer.class).single();
				assertThat(featureCount(summary)).isEqualTo(rings);
				assertThat(values(ogrinfo(file, format), "Layer")).hasSize(zones);
			}
			else {
				assertThat(featureCount(summary)).as(format + " " + crs).isEqualTo(zones);
				assertThat(fields(summary)).as(format + " " + lang).containsAll(zoneAttributes(lang, format))
					.doesNotContain("cong_bo", "published");
			}
			assertFirstVertex(listing, crs, format);
			if (format == ExportFormat.GEOJSON) {
				assertThat(new String(download.body(), StandardCharsets.UTF_8).contains("\"crs\""))
					.isEqualTo(!crs.equals("EPSG:4326"));
			}
			if (format == ExportFormat.GPKG || format == ExportFormat.GEOJSON || format == ExportFormat.SHP) {
				assertThat(summary).contains(crs.equals("EPSG:4326") ? "ID[\"EPSG\",4326]" : "ID[\"EPSG\",9214]");
			}
		}
	}

	@Test
	void aZippedShapefileHasAllItsFilesAndItsPrjNamesTheCentralMeridian() throws IOException {
		Http.Download download = this.http.download("/api/exports/zones?format=shp&crs=EPSG:9214");
		assertThat(download.status()).isEqualTo(200);
		Map<String, String> entries = new java.util.TreeMap<>();
		try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(download.body()))) {
			for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
				entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		String base = "zones-EPSG9214-vi";
		assertThat(entries.keySet()).containsExactlyInAnyOrder(base + ".cpg", base + ".dbf", base + ".prj", base + ".shp",
				base + ".shx");
		assertThat(entries.get(base + ".cpg")).isEqualTo("UTF-8");
		assertThat(entries.get(base + ".prj")).contains("PARAMETER[\"Central_Meridian\",107.0]")
			.contains("PARAMETER[\"Scale_Factor\",0.9999]").contains("PARAMETER[\"False_Easting\",500000.0]");
	}

	@Test
	void attributesKeepTheirTypesEvenWhenEmptyOrWhenNothingIsSelected() throws IOException {
		String nowhere = "&bbox=100,10,100.01,10.01";
		for (String query : List.of("format=gpkg", "format=gpkg" + nowhere, "format=shp" + nowhere, "format=xlsx" + nowhere)) {
			ExportFormat format = ExportFormat.parse(query.substring(7, query.indexOf('&') < 0 ? query.length() : query.indexOf('&')));
			Http.Download download = this.http.download("/api/exports/zones?" + query);
			assertThat(download.status()).as(query).isEqualTo(200);
			String summary = ogrinfo(save(download.body(), "zones-" + query.replaceAll("\\W", "") + "." + format.extension()),
					format, "-so");
			assertThat(featureCount(summary)).as(query).isEqualTo(query.contains("bbox") ? 0 : 41);
			if (format != ExportFormat.XLSX) {
				// no zone of the demo data has a legal area or a decision yet
				assertThat(summary).as(query).containsPattern("dt_phaply: Real").containsPattern("ngay_qd: Date")
					.containsPattern("ma: String");
			}
		}
	}

	/**
	 * Every layer in every format, as the authority sees it: GDAL reads every record, and the
	 * attributes map themselves to the layer's fields when the file is imported again (KML aside: its
	 * placemark name comes back as "Name", mapped to the name field with the same value).
	 */
	@Test
	void everyLayerInEveryFormatHasEveryRecordAndMapsItselfWhenImportedAgain() throws IOException {
		Map<ExportLayer, String> counts = Map.of(ExportLayer.ZONES, "SELECT count(*) FROM zone WHERE deleted_at IS NULL",
				ExportLayer.PLOTS, "SELECT count(*) FROM plot p JOIN zone z ON z.id = p.zone_id "
						+ "WHERE p.deleted_at IS NULL AND z.deleted_at IS NULL",
				ExportLayer.CLEARANCE, "SELECT count(*) FROM clearance_phase c JOIN zone z ON z.id = c.zone_id "
						+ "WHERE c.deleted_at IS NULL AND z.deleted_at IS NULL",
				ExportLayer.UNITS, "SELECT count(*) FROM admin_unit");
		for (ExportLayer layer : ExportLayer.values()) {
			int records = this.jdbc.sql(counts.get(layer)).query(Integer.class).single();
			for (ExportFormat format : ExportFormat.values()) {
				for (String lang : List.of("vi", "en")) {
					String name = layer.path() + "." + lang + "." + format.extension();
					Http.Download download = this.editor
						.download("/api/exports/" + layer.path() + "?format=" + format + "&lang=" + lang);
					assertThat(download.status()).as(name + ": " + new String(download.body(), StandardCharsets.UTF_8))
						.isEqualTo(200);
					String summary = ogrinfo(save(download.body(), name), format, "-so");
					if (format == ExportFormat.DXF) {
						assertThat(featureCount(summary)).as(name).isPositive();
						continue;
					}
					assertThat(featureCount(summary)).as(name).isEqualTo(records);
					if (format == ExportFormat.KML) {
						continue;
					}
					Map<String, String> mapping = layer.target().guessMapping(fields(summary));
					for (ImportTarget.Field field : layer.target().fields()) {
						String exported = lang.equals("vi") ? field.names().get(0) : field.name();
						assertThat(mapping.get(field.name())).as(name + ": " + field.name())
							.isEqualTo(format == ExportFormat.SHP && exported.length() > 10 ? exported.substring(0, 10)
									: exported);
					}
				}
			}
		}
	}

	@Test
	void tenantsOnlyForTheAuthorityAndDraftsOnlyForThoseSignedIn() throws IOException {
		Http.Download anonymous = this.http.download("/api/exports/plots?format=csv");
		Http.Download editor = this.editor.download("/api/exports/plots?format=csv");
		String publicListing = ogrinfo(save(anonymous.body(), "public.csv"), ExportFormat.CSV);
		String editorListing = ogrinfo(save(editor.body(), "editor.csv"), ExportFormat.CSV);
		assertThat(fields(publicListing)).contains("ma", "ma_khu", "trang_thai", "demo")
			.doesNotContain("nha_dau_tu", "quoc_gia", "nganh", "ngay_thue", "ngay_hd_sx", "cong_bo");
		assertThat(fields(editorListing)).contains("nha_dau_tu", "quoc_gia", "nganh", "ngay_thue", "ngay_hd_sx", "cong_bo");
		assertThat(values(editorListing, "nha_dau_tu")).isNotEmpty();
		assertThat(values(publicListing, "demo")).containsExactly("true");
		assertThat(values(editorListing, "ngay_thue")).allMatch(date -> date.matches("\\d{4}-\\d{2}-\\d{2}"));

		TestRegistry registry = new TestRegistry(this.jdbc).create();
		try {
			long zone = registry.zone("TST-EXPORT", "KCN", TestRegistry.district(1), 100.1, 10.1, BigDecimal.TEN);
			long leased = registry.plot(zone, "P1", 100.101, 10.101, 0.002, LocalDate.of(2020, 1, 1));
			long draft = registry.plot(zone, "P2", 100.105, 10.105, 0.002, null);
			this.jdbc.sql("UPDATE plot SET published = false WHERE id = :id").param("id", draft).update();
			registry.lease(leased, LocalDate.of(2021, 3, 1), null);

			JsonNode seen = geoJson(this.http, "/api/exports/plots?district=TST&lang=en");
			assertThat(seen.get("features")).hasSize(1);
			JsonNode p1 = seen.get("features").get(0).get("properties");
			assertThat(p1.get("code").asString()).isEqualTo("P1");
			assertThat(p1.get("status").asString()).isEqualTo("LEASED");
			assertThat(p1.get("demo").asBoolean()).isFalse();
			assertThat(p1.get("cleared_on").asString()).isEqualTo("2020-01-01");
			assertThat(p1.get("area_ha").isNumber()).isTrue();
			assertThat(p1.has("tenant")).isFalse();

			JsonNode all = geoJson(this.editor, "/api/exports/plots?zone=tst-export&lang=en");
			assertThat(all.get("features")).hasSize(2);
			JsonNode tenant = all.get("features").get(0).get("properties");
			assertThat(tenant.get("tenant").asString()).isEqualTo("Test investor");
			assertThat(tenant.get("signed_on").asString()).isEqualTo("2021-03-01");
			assertThat(tenant.get("published").asBoolean()).isTrue();
			assertThat(all.get("features").get(1).get("properties").get("published").asBoolean()).isFalse();

			assertThat(geoJson(this.officer, "/api/exports/plots?zone=TST-EXPORT").get("features").get(0).get("properties")
				.has("nha_dau_tu")).isFalse();
			assertThat(geoJson(this.editor, "/api/exports/plots?zone=TST-EXPORT&bbox=100.1,10.1,100.104,10.104")
				.get("features")).hasSize(1);
			assertThat(geoJson(this.editor, "/api/exports/plots?zone=TST-EXPORT&status=AVAILABLE_NOT_CLEARED")
				.get("features")).hasSize(1);
			assertThat(geoJson(this.http, "/api/exports/zones?kind=CCN&code=TST-EXPORT").get("features")).isEmpty();
		}
		finally {
			registry.clear();
		}
	}

	/** A zone's invented figures are named in its row: the properties whose source is "demo …". */
	@Test
	void zonesListTheirDemoFigures() throws IOException {
		Map<String, String> figures = new java.util.TreeMap<>();
		for (JsonNode zone : geoJson(this.http, "/api/exports/zones?lang=en&code=KCN-QUANG-CHAU,KCN-YEN-LU,CCN-DAI-LAM")
			.get("features")) {
			JsonNode properties = zone.get("properties");
			figures.put(properties.get("code").asString(), properties.get("demo_figures").asString());
		}
		// the same list as the map's and the API's (demoFigures)
		Map<String, String> api = new java.util.TreeMap<>();
		for (JsonNode zone : this.http.get("/api/zones").json().get("features")) {
			List<String> names = new java.util.ArrayList<>();
			zone.get("properties").get("demoFigures").forEach(name -> names.add(name.asString()));
			api.put(zone.get("properties").get("code").asString(), String.join(",", names));
		}
		assertThat(figures).hasSize(3).allSatisfy((code, list) -> assertThat(list).isEqualTo(api.get(code)));
		// a lifecycle read into the seeds, a seed-average size, figures measured on demo plots; a zone without plots only its size
		assertThat(figures.get("KCN-QUANG-CHAU").split(",")).contains("lifecycle", "leaseLandHa", "occupancyRate");
		assertThat(figures.get("CCN-DAI-LAM")).isEqualTo("mapAreaHa");
		String listing = ogrinfo(save(this.http.download("/api/exports/zones?format=csv&code=CCN-DINH-TRI").body(), "demo.csv"),
				ExportFormat.CSV);
		assertThat(values(listing, "so_lieu_demo")).containsExactly(api.get("CCN-DINH-TRI"));
	}

	/** A TM-3 meridian without an EPSG code is declared by this PROJ string: it is PROJ's own for the named zones. */
	@Test
	void theProjStringOfATm3ZoneIsProjsOwn() {
		for (String code : List.of("EPSG:9214", "EPSG:9208", "EPSG:5899")) {
			String proj = run(List.of("gdalsrsinfo", "-o", "proj4", code)).trim();
			assertThat(ExchangeCrs.parse("crs", code).proj()).as(code).isEqualTo(proj);
		}
	}

	@Test
	void badParametersAreProblemDetailsNamingTheParameter() {
		assertInvalid("/api/exports/zones?format=kml&crs=EPSG:9214", "crs", "KML is always in WGS 84");
		assertInvalid("/api/exports/zones?format=kmz", "format", "format 'kmz' is not offered");
		assertInvalid("/api/exports/zones?crs=EPSG:1234", "crs", "'EPSG:1234' is not offered");
		assertInvalid("/api/exports/zones?lang=fr", "lang", "lang 'fr' is not offered");
		assertInvalid("/api/exports/plots?status=SOLD", "status", "unknown status 'SOLD'");
		assertInvalid("/api/exports/zones?status=LEASED", "status", "status does not filter zones");
		assertInvalid("/api/exports/zones?zone=" + ZONE, "zone", "zone does not filter zones");
		assertInvalid("/api/exports/units?kind=KCN", "kind", "kind does not filter units");
		assertInvalid("/api/exports/zones?kind=KCX", "kind", "unknown kind 'KCX'");
		assertInvalid("/api/exports/zones?code=KCN-NOWHERE", "code", "unknown code 'KCN-NOWHERE'");
		assertInvalid("/api/exports/plots?zone=KCN-NOWHERE", "zone", "unknown zone 'KCN-NOWHERE'");
		assertInvalid("/api/exports/zones?district=XX", "district", "unknown district 'XX'");
		assertInvalid("/api/exports/zones?code=a;b", "code", "is not a code");
		assertInvalid("/api/exports/zones?bbox=106,21,105,20", "bbox", "bbox minimum is greater");
		assertProblem(this.http.get("/api/exports/parcels"), 404, null, "there is no export of 'parcels'");
	}

	private void assertInvalid(String url, String parameter, String detail) {
		JsonNode problem = assertProblem(this.http.get(url), 400, null, detail);
		assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
	}

	private JsonNode geoJson(Http client, String url) {
		Http.Download download = client.download(url);
		assertThat(download.status()).as(url).isEqualTo(200);
		return JSON.readTree(download.body());
	}

	/** The Vietnamese or English names of a zone export's attributes, as the format keeps them. */
	private static Set<String> zoneAttributes(String lang, ExportFormat format) {
		Set<String> names = new LinkedHashSet<>();
		for (ImportTarget.Field field : ImportTarget.ZONE.fields()) {
			names.add(lang.equals("vi") ? field.names().get(0) : field.name());
		}
		names.addAll(lang.equals("vi") ? List.of("ma_huyen", "do_chinh_xac", "so_lieu_demo")
				: List.of("district", "boundary_accuracy", "demo_figures"));
		return format == ExportFormat.SHP ? names.stream().map(n -> n.length() > 10 ? n.substring(0, 10) : n)
			.collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)) : names;
	}

	private void assertFirstVertex(String listing, String crs, ExportFormat format) {
		Matcher vertex = FIRST_VERTEX.matcher(listing);
		assertThat(vertex.find()).as(format + " " + crs + ": " + listing).isTrue();
		ExchangeCrs target = ExchangeCrs.parse("crs", crs);
		Map<String, Object> db = this.jdbc.sql("SELECT ST_X(v) AS x, ST_Y(v) AS y FROM (SELECT ST_PointN(ST_ExteriorRing("
				+ "ST_GeometryN(" + target.fromStorage("boundary") + ", 1)), 1) AS v FROM zone WHERE code = :code) s")
			.param("code", ZONE).query().singleRow();
		double tolerance = target.geographic() ? 1e-7 : 0.01;  // 1 cm: 1e-7° is about 1 cm
		assertThat(Double.parseDouble(vertex.group(1))).as(format + " " + crs + " x")
			.isCloseTo(((Number) db.get("x")).doubleValue(), within(tolerance));
		assertThat(Double.parseDouble(vertex.group(2))).as(format + " " + crs + " y")
			.isCloseTo(((Number) db.get("y")).doubleValue(), within(tolerance));
	}

	private Path save(byte[] body, String name) throws IOException {
		if (!name.endsWith(".zip")) {
			return Files.write(this.dir.resolve(name), body);
		}
		Path folder = Files.createDirectories(this.dir.resolve(name.replace('.', '_')));
		Path shp = null;
		try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(body))) {
			for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
				Path file = folder.resolve(entry.getName());
				Files.write(file, zip.readAllBytes());
				if (entry.getName().endsWith(".shp")) {
					shp = file;
				}
			}
		}
		assertThat(shp).as("a .shp in " + name).isNotNull();
		return shp;
	}

	/** What ogrinfo says of the file's layer: all of it, or with more arguments (-so, -where). */
	private static String ogrinfo(Path file, ExportFormat format, String... more) {
		List<String> command = new ArrayList<>(List.of("ogrinfo", "-ro", "-al"));
		if (format == ExportFormat.XLSX) {
			// the first row holds the names: GDAL guesses so only when the second has a number or a date
			command.addAll(List.of("--config", "OGR_XLSX_HEADERS", "FORCE"));
		}
		command.addAll(List.of(more));
		command.add(file.toString());
		return run(command);
	}

	private static String run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output;
			try (InputStream in = process.getInputStream()) {
				output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as(output).isZero();
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException(command.get(0) + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int featureCount(String summary) {
		Matcher count = Pattern.compile("Feature Count: (\\d+)").matcher(summary);
		assertThat(count.find()).as(summary).isTrue();
		return Integer.parseInt(count.group(1));
	}

	private static List<String> fields(String summary) {
		List<String> fields = new ArrayList<>();
		Matcher field = FIELD.matcher(summary);
		while (field.find()) {
			fields.add(field.group(1));
		}
		return fields;
	}

	/** The distinct values of an attribute in ogrinfo's listing of every feature, empty ones aside. */
	private static Set<String> values(String listing, String attribute) {
		Set<String> values = new TreeSet<>();
		Matcher value = Pattern.compile("^  " + attribute + " \\([^)]*\\) = (.*)$", Pattern.MULTILINE).matcher(listing);
		while (value.find()) {
			if (!value.group(1).isBlank()) {
				values.add(value.group(1));
			}
		}
		return values;
	}

}
