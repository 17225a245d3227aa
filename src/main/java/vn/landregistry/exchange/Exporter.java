package vn.landregistry.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import vn.landregistry.exchange.ExportLayer.Audience;
import vn.landregistry.shared.InvalidParameterException;

/**
 * Writes an export in its own temporary folder: the records as GeoJSON (by PostgreSQL, see
 * {@link ExportFeatures}), then GDAL's ogr2ogr writes the asked format from it with {@code -a_srs},
 * so that the file declares its CRS (a Shapefile's .prj, a GeoPackage's srs). GDAL's drivers are
 * well kept and widely read; no writer of ours imitates a format.
 */
@Component
class Exporter {

	private final ExportFeatures features;

	private final Gdal gdal;

	private final ExchangeProperties properties;

	Exporter(ExportFeatures features, Gdal gdal, ExchangeProperties properties) {
		this.features = features;
		this.gdal = gdal;
		this.properties = properties;
	}

	/** A written export; {@link #delete()} removes it and its folder once sent. */
	record ExportFile(Path folder, Path path, String name, MediaType mediaType) {

		long size() {
			try {
				return Files.size(this.path);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		void delete() {
			WorkFolders.delete(this.folder);
		}

	}

	ExportFile export(ExportRequest request, Audience audience) {
		this.features.checkCodes(request);
		Path folder = WorkFolders.create(this.properties, "export-");
		try {
			Path geoJson = folder.resolve(request.layer().path() + ".geojson");
			ExportFormat format = request.format();
			ExportFeatures.Written written = this.features.write(request, audience, geoJson, format != ExportFormat.GEOJSON);
			if (written.longestWkt() > ExportFormat.XLSX_CELL_LIMIT) {
				throw new InvalidParameterException("format", "xlsx", "a shape of this selection is " + written.longestWkt()
						+ " characters long as WKT, more than a spreadsheet cell holds (" + ExportFormat.XLSX_CELL_LIMIT
						+ "): choose csv, gpkg or shp, or a smaller selection");
			}
			Path file = format == ExportFormat.GEOJSON ? geoJson : convert(request, folder, geoJson, written.attributes());
			return new ExportFile(folder, file, request.fileName(), format.mediaType());
		}
		catch (RuntimeException ex) {
			WorkFolders.delete(folder);
			throw ex;
		}
	}

	private Path convert(ExportRequest request, Path folder, Path geoJson, List<String> attributes) {
		String base = request.fileName().substring(0, request.fileName().lastIndexOf('.'));
		Path out = folder.resolve("out");
		String layer = request.layer().path();
		List<String> args = new ArrayList<>();
		Path target;
		switch (request.format()) {
			case KML -> {
				target = out.resolve(base + ".kml");
				args.addAll(List.of("-f", "KML", "-oo", "DATE_AS_STRING=YES"));
			}
			case SHP -> {
				target = out.resolve(base + ".shp");
				args.addAll(List.of("-f", "ESRI Shapefile", "-a_srs", srs(request.crs()), "-nlt", "MULTIPOLYGON", "-lco",
						"ENCODING=UTF-8"));
			}
			case GPKG -> {
				target = out.resolve(base + ".gpkg");
				args.addAll(List.of("-f", "GPKG", "-a_srs", srs(request.crs()), "-nlt", "MULTIPOLYGON"));
			}
			// DXF keeps shapes and codes only: GDAL's DXF writer writes each ring as a closed polyline (not a
			// filled hatch) on a layer named by the code, and keeps no other attribute and no CRS
			case DXF -> {
				target = out.resolve(base + ".dxf");
				args.addAll(List.of("--config", "DXF_WRITE_HATCH", "NO", "-f", "DXF"));
			}
			// the geometry goes in a column "wkt" (see select): -lco GEOMETRY=AS_WKT would name it "WKT"
			// whatever GEOMETRY_NAME says (GDAL 3.6)
			case CSV -> {
				target = out.resolve(base + ".csv");
				args.addAll(List.of("-f", "CSV", "-oo", "DATE_AS_STRING=YES", "-lco", "WRITE_BOM=YES"));
			}
			case XLSX -> {
				target = out.resolve(base + ".xlsx");
				args.addAll(List.of("-f", "XLSX"));
			}
			default -> throw new IllegalStateException("GeoJSON is written by PostgreSQL");
		}
		args.addAll(List.of("-sql", select(layer, attributes, request.format()), "-nln", layer, target.toString(),
				geoJson.toString()));
		try {
			Files.createDirectories(out);
			this.gdal.ogr2ogr(folder, args);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ExchangeException ex) {
			HttpStatus status = ex.status().is5xxServerError() ? ex.status() : HttpStatus.INTERNAL_SERVER_ERROR;
			throw new ExchangeException(status, "export_failed", "the " + request.format().name() + " file could not be "
					+ "written: " + ex.getMessage());
		}
		return request.format() == ExportFormat.SHP ? zip(out, folder.resolve(request.fileName())) : target;
	}

	/** The CRS to declare: its EPSG code, or the PROJ string of a VN-2000 TM-3 meridian EPSG does not name. */
	private static String srs(ExchangeCrs crs) {
		return crs.epsg() > 0 ? "EPSG:" + crs.epsg() : crs.proj();
	}

	/**
	 * The attributes in file order, without the row that gave GDAL their types; for CSV and XLSX the
	 * geometry as WKT in a column "wkt" too, which GDAL's CSV reader takes as the geometry again.
	 */
	private static String select(String layer, List<String> attributes, ExportFormat format) {
		List<String> columns = new ArrayList<>(attributes.stream().map(a -> "\"" + a + "\"").toList());
		if (format == ExportFormat.CSV || format == ExportFormat.XLSX) {
			columns.add("OGR_GEOM_WKT AS wkt");
		}
		return "SELECT " + String.join(", ", columns) + " FROM \"" + layer + "\" WHERE \"" + ExportFeatures.SCHEMA_ROW
				+ "\" IS NULL";
	}

	/** All the files of a Shapefile in one zip. */
	private static Path zip(Path folder, Path zip) {
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
				Stream<Path> files = Files.list(folder)) {
			for (Path file : files.sorted().toList()) {
				out.putNextEntry(new ZipEntry(file.getFileName().toString()));
				Files.copy(file, out);
				out.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return zip;
	}

}
