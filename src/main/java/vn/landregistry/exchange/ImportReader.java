package vn.landregistry.exchange;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a file into a batch's staged features: GDAL's ogr2ogr turns any format into GeoJSON in the
 * file's own coordinates (no reprojection by GDAL), streamed here and inserted in chunks, so that a
 * file of 100,000 plots never sits whole in memory. Progress is written to the batch as it goes.
 */
@Component
class ImportReader {

	/** Reads one feature at a time from the stream: what follows it is the next feature, not an error. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

	private static final int CHUNK = 2000;

	private final Gdal gdal;

	private final JdbcTemplate sql;

	private final JdbcClient jdbc;

	private final ExchangeProperties limits;

	ImportReader(Gdal gdal, JdbcTemplate sql, JdbcClient jdbc, ExchangeProperties limits) {
		this.gdal = gdal;
		this.sql = sql;
		this.jdbc = jdbc;
		this.limits = limits;
	}

	/** What was read: the attribute names in file order and the PROJ string of its CRS, if it has one. */
	record Read(List<String> attributes, Optional<String> proj, int features) {
	}

	Read read(long batchId, UploadedFile file, String encoding) {
		Path source = file.format() == UploadedFile.Format.XLSX ? sheetAsCsv(file) : file.dataset();
		UploadedFile.Format format = file.format() == UploadedFile.Format.XLSX ? UploadedFile.Format.CSV : file.format();
		List<String> args = new ArrayList<>();
		args.addAll(List.of("-f", "GeoJSON", "/vsistdout/", source.toString(), "-dim", "XY", "-lco", "RFC7946=NO",
				"-lco", "WRITE_BBOX=NO", "-lco", "COORDINATE_PRECISION=10"));
		if (format == UploadedFile.Format.CSV) {
			args.addAll(List.of("-oo", "GEOM_POSSIBLE_NAMES=wkt,geom,geometry,the_geom,hinh_hoc,WKT,Geometry",
					"-oo", "X_POSSIBLE_NAMES=lon,longitude,lng,x,kinh_do,easting,Lon,Longitude,X", "-oo",
					"Y_POSSIBLE_NAMES=lat,latitude,y,vi_do,northing,Lat,Latitude,Y", "-oo", "KEEP_GEOM_COLUMNS=NO",
					"-oo", "AUTODETECT_TYPE=NO"));
		}
		if (format == UploadedFile.Format.DXF) {
			args.addAll(List.of("--config", "DXF_CLOSED_LINE_AS_POLYGON", "TRUE", "--config", "DXF_ENCODING", "UTF-8"));
		}
		if (format == UploadedFile.Format.SHAPEFILE && encoding != null && !encoding.isBlank()) {
			args.addAll(List.of("-oo", "ENCODING=" + encoding));
		}
		if (format == UploadedFile.Format.GEOPACKAGE || format == UploadedFile.Format.KML) {
			String layer = firstLayer(file.folder(), source);
			if (layer != null) {
				args.add(layer);
			}
		}
		Set<String> attributes = new LinkedHashSet<>();
		int[] count = { 0 };
		this.gdal.ogr2ogr(file.folder(), args, out -> count[0] = stage(batchId, out, attributes));
		return new Read(List.copyOf(attributes), proj(file, format), count[0]);
	}

	private int stage(long batchId, InputStream geoJson, Set<String> attributes) {
		List<Object[]> rows = new ArrayList<>(CHUNK);
		int n = 0;
		try (JsonParser parser = JSON.createParser(geoJson)) {
			while (parser.nextToken() != null) {
				if (parser.currentToken() == JsonToken.PROPERTY_NAME && "features".equals(parser.currentName())
						&& parser.nextToken() == JsonToken.START_ARRAY) {
					while (parser.nextToken() == JsonToken.START_OBJECT) {
						JsonNode feature = JSON.readTree(parser);
						if (++n > this.limits.maxFeatures()) {
							throw new ExchangeException("too_many_features", "the file holds more than "
									+ this.limits.maxFeatures() + " features; split it");
						}
						JsonNode properties = feature.path("properties");
						properties.propertyNames().forEach(attributes::add);
						JsonNode geometry = feature.get("geometry");
						rows.add(new Object[] { batchId, n, properties.isObject() ? properties.toString() : "{}",
								geometry == null || geometry.isNull() ? null : geometry.toString() });
						if (rows.size() == CHUNK) {
							insert(rows);
							progress(batchId, n);
						}
					}
				}
			}
		}
		insert(rows);
		progress(batchId, n);
		return n;
	}

	private void insert(List<Object[]> rows) {
		if (!rows.isEmpty()) {
			this.sql.batchUpdate("INSERT INTO import_feature (batch_id, n, properties, source_json) VALUES (?, ?, ?::jsonb, ?)",
					rows);
			rows.clear();
		}
	}

	private void progress(long batchId, int done) {
		this.jdbc.sql("UPDATE import_batch SET progress_done = :done WHERE id = :id").param("done", done)
			.param("id", batchId).update();
	}

	/** The CRS GDAL finds in the file, as a PROJ string; empty when the file names none. */
	private Optional<String> proj(UploadedFile file, UploadedFile.Format format) {
		if (!format.namesItsCrs()) {
			return Optional.empty();
		}
		if (format == UploadedFile.Format.KML) {
			return Optional.of("+proj=longlat +datum=WGS84 +no_defs");
		}
		try {
			String text = this.gdal.output(file.folder(), "gdalsrsinfo", List.of("--single-line", "-o", "proj4",
					file.dataset().toString())).trim();
			return text.startsWith("+") ? Optional.of(text) : Optional.empty();
		}
		catch (ExchangeException ex) {
			return Optional.empty();
		}
	}

	/** The first layer of a multi-layer dataset (a GeoPackage's first feature table, a KML's first folder). */
	private String firstLayer(Path folder, Path source) {
		String listing = this.gdal.output(folder, "ogrinfo", List.of("-ro", "-q", source.toString()));
		return listing.lines().map(String::trim).filter(line -> line.matches("^\\d+: .*"))
			.map(line -> line.substring(line.indexOf(':') + 2).replaceFirst(" \\([^)]*\\)$", ""))
			.findFirst().orElse(null);
	}

	/** A spreadsheet's first sheet as CSV, which GDAL then reads with its geometry columns. */
	private Path sheetAsCsv(UploadedFile file) {
		String sheet = firstLayer(file.folder(), file.dataset());
		Path csv = file.folder().resolve("sheet.csv");
		List<String> args = new ArrayList<>(List.of("-f", "CSV", csv.toString(), file.dataset().toString(),
				"--config", "OGR_XLSX_HEADERS", "FORCE", "--config", "OGR_XLSX_FIELD_TYPES", "STRING"));
		if (sheet != null) {
			args.add(sheet);
		}
		this.gdal.ogr2ogr(file.folder(), args);
		return csv;
	}

}
