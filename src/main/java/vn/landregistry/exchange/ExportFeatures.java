package vn.landregistry.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.landregistry.exchange.ExportLayer.Audience;
import vn.landregistry.exchange.ExportLayer.Column;
import vn.landregistry.exchange.ExportLayer.Kind;
import vn.landregistry.shared.InvalidParameterException;
import vn.landregistry.shared.SqlWhere;

/**
 * Writes the records an export selects as a GeoJSON FeatureCollection file: PostgreSQL builds each
 * feature (geometry taken to the export's CRS by {@link ExchangeCrs#fromStorage}, attributes named
 * in the export's language), read with a cursor and written as it comes, so that no whole layer sits
 * in memory. GDAL's drivers write every other format from this file.
 */
@Component
class ExportFeatures {

	/** Marks the one feature that only gives GDAL the type of every attribute (see {@link #schemaRow}). */
	static final String SCHEMA_ROW = "export_schema_row";

	private static final int FETCH = 500;

	private final JdbcClient jdbc;

	private final Clock clock;

	ExportFeatures(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** An attribute as the file holds it: its name, the type of its values there, the SQL of its value. */
	record Attribute(String name, Kind kind, String sql) {
	}

	/**
	 * What was written: the number of features, the longest geometry as WKT (XLSX only, else 0) and
	 * the attributes in file order.
	 */
	record Written(int features, int longestWkt, List<String> attributes) {
	}

	/** 400 for a code, zone or district the registry does not know. */
	void checkCodes(ExportRequest request) {
		known("code", request.codes(), request.layer().table(), request.layer().path());
		known("zone", request.zones(), "zone", "zones");
		known("district", request.districts(), "admin_unit", "administrative units");
	}

	private void known(String parameter, Set<String> codes, String table, String what) {
		if (codes.isEmpty()) {
			return;
		}
		Set<String> found = new HashSet<>(this.jdbc.sql("SELECT DISTINCT upper(code) FROM " + table
				+ " WHERE upper(code) IN (:codes)").param("codes", codes).query(String.class).list());
		for (String code : codes) {
			if (!found.contains(code)) {
				throw new InvalidParameterException(parameter, String.join(",", codes),
						"unknown " + parameter + " '" + code + "': none of the registry's " + what + " has that code");
			}
		}
	}

	/**
	 * Writes the selection; {@code forGdal}: after a first feature that only gives each attribute a
	 * value of its type, for GDAL to read and leave out (see {@link Exporter}).
	 */
	@Transactional(readOnly = true)
	Written write(ExportRequest request, Audience audience, Path file, boolean forGdal) {
		ExportLayer layer = request.layer();
		ExchangeCrs crs = request.crs();
		List<Attribute> attributes = attributes(request, audience);
		String geometry = "ST_ForcePolygonCCW(" + crs.fromStorage(layer.boundary()) + ")";
		SqlWhere where = where(request, audience);
		String sql = "SELECT json_build_object('type', 'Feature', 'geometry', ST_AsGeoJSON(" + geometry + ", "
				+ crs.decimals() + ", 0)::json, 'properties', json_build_object("
				+ attributes.stream().map(a -> "'" + a.name() + "', " + a.sql()).collect(Collectors.joining(", "))
				+ "))::text AS feature, "
				+ (request.format() == ExportFormat.XLSX ? "length(ST_AsText(" + geometry + ", " + crs.decimals() + "))"
						: "0")
				+ " AS wkt_length FROM " + layer.from(audience) + where.sql() + " ORDER BY " + layer.order();
		int[] counts = { 0, 0 };
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("{\"type\":\"FeatureCollection\",\"name\":\"" + layer.path() + "\"" + crsMember(crs)
					+ ",\"features\":[\n");
			if (forGdal) {
				out.write(schemaRow(attributes));
			}
			this.jdbc.sql(sql).params(where.params()).param("day", LocalDate.now(this.clock)).withFetchSize(FETCH)
				.query((RowCallbackHandler) rs -> {
					try {
						if (counts[0]++ > 0 || forGdal) {
							out.write(",\n");
						}
						out.write(rs.getString("feature"));
						counts[1] = Math.max(counts[1], rs.getInt("wkt_length"));
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
			out.write("\n]}\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Written(counts[0], counts[1], attributes.stream().map(Attribute::name).toList());
	}

	/**
	 * GDAL's GeoJSON reader gives an attribute the type of its values: one empty in every record
	 * would become text, and an empty selection would have no attributes at all. This first feature,
	 * without geometry, holds a value of the right type for each.
	 */
	private static String schemaRow(List<Attribute> attributes) {
		StringBuilder row = new StringBuilder("{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"" + SCHEMA_ROW
				+ "\":true");
		for (Attribute attribute : attributes) {
			row.append(",\"").append(attribute.name()).append("\":").append(switch (attribute.kind()) {
				case TEXT -> "\"\"";
				case NUMBER -> "0.5";
				case DATE -> "\"2000-01-01\"";
				case BOOLEAN -> "true";
			});
		}
		return row.append("}}").toString();
	}

	/**
	 * RFC 7946 GeoJSON is longitude/latitude on WGS 84 and names no CRS; in any other CRS the file says
	 * its CRS in the "crs" member of GeoJSON's 2008 specification, which GDAL and QGIS read.
	 */
	private static String crsMember(ExchangeCrs crs) {
		if (crs.kind() == ExchangeCrs.Kind.WGS84 || crs.epsg() == 0) {
			return "";
		}
		return ",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::" + crs.epsg() + "\"}}";
	}

	private static SqlWhere where(ExportRequest request, Audience audience) {
		ExportLayer layer = request.layer();
		ExportLayer.Filters filters = layer.filters();
		SqlWhere where = new SqlWhere().in("upper(" + layer.code() + ")", "codes", request.codes())
			.intersects(layer.boundary(), request.bbox());
		if (filters.kind() != null) {
			where.in(filters.kind(), "kinds", request.kinds());
		}
		if (filters.zone() != null) {
			where.in("upper(" + filters.zone() + ")", "zones", request.zones());
		}
		if (filters.status() != null) {
			where.in(filters.status(), "statuses", request.statuses());
		}
		if (!request.districts().isEmpty()) {
			// an administrative unit and every unit inside it: a province's code selects its districts' records
			where.condition(filters.district() + " IN (WITH RECURSIVE u AS (SELECT id FROM admin_unit WHERE upper(code) "
					+ "IN (:districts) UNION SELECT a.id FROM admin_unit a JOIN u ON a.parent_id = u.id) SELECT id FROM u)")
				.param("districts", request.districts());
		}
		if (request.format().codeOnly()) {
			where.condition(layer.boundary() + " IS NOT NULL");
		}
		return where;
	}

	/** The attributes of a feature: the columns the audience may read, named in the export's language. */
	private static List<Attribute> attributes(ExportRequest request, Audience audience) {
		ExportFormat format = request.format();
		List<Attribute> attributes = new ArrayList<>();
		if (format.codeOnly()) {
			attributes.add(new Attribute("Layer", Kind.TEXT, request.layer().code()));
			return attributes;
		}
		if (format.namesPlacemarks()) {
			attributes.add(new Attribute("Name", Kind.TEXT, request.layer().label()));
		}
		for (Column column : request.layer().columns(audience)) {
			attributes.add(attribute(column.name(request.vietnamese()), column, format));
		}
		return attributes;
	}

	private static Attribute attribute(String name, Column column, ExportFormat format) {
		String sql = column.sql();
		return switch (column.kind()) {
			case BOOLEAN -> format.booleansAsText() ? new Attribute(name, Kind.TEXT, "CAST((" + sql + ") AS text)")
					: new Attribute(name, Kind.BOOLEAN, "(" + sql + ")");
			// a leading = + - @ tab or return would make a spreadsheet run the text as a formula
			case TEXT -> new Attribute(name, Kind.TEXT, format.guardsFormulas()
					? "CASE WHEN " + sql + " ~ '^[-=+@\\t\\r]' THEN '''' || " + sql + " ELSE " + sql + " END" : sql);
			case NUMBER, DATE -> new Attribute(name, column.kind(), sql);
		};
	}

}
