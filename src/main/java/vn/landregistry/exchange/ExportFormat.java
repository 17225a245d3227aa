package vn.landregistry.exchange;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;

import vn.landregistry.shared.InvalidParameterException;

/** The formats an export is written in: file extension, media type and what the format can hold. */
enum ExportFormat {

	GEOJSON("geojson", "application/geo+json"),
	KML("kml", "application/vnd.google-earth.kml+xml"),
	/** A zipped Shapefile: .shp, .shx, .dbf, .prj and .cpg. */
	SHP("zip", "application/zip"),
	GPKG("gpkg", "application/geopackage+sqlite3"),
	DXF("dxf", "image/vnd.dxf"),
	CSV("csv", "text/csv;charset=UTF-8"),
	XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	/** The most characters a spreadsheet cell holds (Excel's limit): a longer WKT would be cut. */
	static final int XLSX_CELL_LIMIT = 32767;

	private final String extension;

	private final MediaType mediaType;

	ExportFormat(String extension, String mediaType) {
		this.extension = extension;
		this.mediaType = MediaType.parseMediaType(mediaType);
	}

	static ExportFormat parse(String text) {
		if (text == null || text.isBlank()) {
			return GEOJSON;
		}
		try {
			return valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidParameterException("format", text, "format '" + text + "' is not offered; use one of "
					+ Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
		}
	}

	String extension() {
		return this.extension;
	}

	MediaType mediaType() {
		return this.mediaType;
	}

	/** Formats without a boolean type get "true"/"false" as text rather than 1/0. */
	boolean booleansAsText() {
		return this == SHP || this == CSV || this == KML;
	}

	/** A DXF keeps shapes and one text per shape, its layer: the code goes there, nothing else. */
	boolean codeOnly() {
		return this == DXF;
	}

	/** KML names a placemark by the attribute "Name", which GDAL's KML writer puts in the placemark's name. */
	boolean namesPlacemarks() {
		return this == KML;
	}

	/** Text a spreadsheet program would run as a formula is guarded (CSV only: GDAL's XLSX cells are text). */
	boolean guardsFormulas() {
		return this == CSV;
	}

}
