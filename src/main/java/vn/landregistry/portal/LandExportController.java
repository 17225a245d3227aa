package vn.landregistry.portal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.landregistry.shared.InvalidParameterException;
import vn.landregistry.shared.TableExport;

/**
 * Land on offer as a file: the results of a search (the filters of /api/portal/land, up to
 * {@link LandSearch#MAX_LIMIT} plots) or the plots of a shortlist ({@code ids}), as CSV (one row
 * a plot, with the facts investors compare) or KML (shapes by PostGIS's ST_AsKML).
 */
@RestController
@Tag(name = "Investor portal")
class LandExportController {

	static final int MAX_IDS = 20;

	static final MediaType KML = MediaType.parseMediaType("application/vnd.google-earth.kml+xml;charset=UTF-8");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final LandSearch search;

	private final LandQueries queries;

	private final PublicProfiles profiles;

	private final JdbcClient jdbc;

	private final Clock clock;

	LandExportController(LandSearch search, LandQueries queries, PublicProfiles profiles, JdbcClient jdbc, Clock clock) {
		this.search = search;
		this.queries = queries;
		this.profiles = profiles;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@GetMapping("/api/portal/land/export")
	@Operation(summary = "Available land as a CSV or KML file: a search's results or a shortlist (ids)",
			description = "format=csv|kml; the filters of /api/portal/land, or ids=1,2,3 (up to 20 published plots); lang=en for English names")
	ResponseEntity<byte[]> export(@RequestParam Map<String, String> query, Locale locale, HttpServletRequest request) {
		String format = query.getOrDefault("format", "csv").trim().toLowerCase(Locale.ROOT);
		if (!format.equals("csv") && !format.equals("kml")) {
			throw new InvalidParameterException("format", query.get("format"), "format must be csv or kml");
		}
		LocalDate today = LocalDate.now(this.clock);
		List<JsonNode> plots = new ArrayList<>();
		String ids = query.get("ids");
		if (ids != null && !ids.isBlank()) {
			ids(ids).forEach(id -> this.profiles.plot(id, today).ifPresent(plot -> plots.add(JSON.readTree(plot))));
		}
		else {
			JSON.readTree(this.search.search(this.queries.parse(query, LandSearch.MAX_LIMIT), today)).get("features")
				.forEach(plots::add);
		}
		boolean english = "en".equals(locale.getLanguage());
		String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
		if (format.equals("csv")) {
			List<LandRow> rows = plots.stream().map(plot -> LandRow.of(plot.get("properties"), english, base)).toList();
			@SuppressWarnings("unchecked")
			ResponseEntity<byte[]> file = (ResponseEntity<byte[]>) TableExport.answer(TableExport.Format.CSV, "land", null,
					rows, LandRow.class);
			return file;
		}
		return ResponseEntity.ok().contentType(KML)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("land.kml").build().toString())
			.body(kml(plots, english, base).getBytes(StandardCharsets.UTF_8));
	}

	/** One placemark a plot: its name, a description in words, its facts as ExtendedData and its shape. */
	private String kml(List<JsonNode> plots, boolean english, String base) {
		StringBuilder kml = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?>
				<kml xmlns="http://www.opengis.net/kml/2.2">
				<Document><name>land</name>
				""");
		for (JsonNode plot : plots) {
			LandRow row = LandRow.of(plot.get("properties"), english, base);
			String shape = this.jdbc.sql("SELECT ST_AsKML(boundary, 7) FROM public_plot WHERE id = :id").param("id", row.id())
				.query(String.class).optional().orElse("");
			kml.append("<Placemark id=\"plot-").append(row.id()).append("\"><name>").append(xml(row.code() + " – " + row.zoneName()))
				.append("</name><description>").append(xml(row.areaHa() + " ha · " + row.url())).append("</description><ExtendedData>");
			for (java.lang.reflect.RecordComponent column : LandRow.class.getRecordComponents()) {
				Object value;
				try {
					value = column.getAccessor().invoke(row);
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException(ex);
				}
				if (value != null) {
					kml.append("<Data name=\"").append(column.getName()).append("\"><value>").append(xml(String.valueOf(value)))
						.append("</value></Data>");
				}
			}
			kml.append("</ExtendedData>").append(shape).append("</Placemark>\n");
		}
		return kml.append("</Document>\n</kml>\n").toString();
	}

	static List<Long> ids(String text) {
		String[] parts = text.split(",");
		if (parts.length > MAX_IDS) {
			throw new InvalidParameterException("ids", text, "ids lists at most " + MAX_IDS + " plots");
		}
		List<Long> ids = new ArrayList<>();
		for (String part : parts) {
			if (!part.trim().matches("[0-9]{1,18}")) {
				throw new InvalidParameterException("ids", text, "ids is a list of plot numbers, e.g. ids=12,15");
			}
			Long id = Long.valueOf(part.trim());
			if (!ids.contains(id)) {
				ids.add(id);
			}
		}
		return ids;
	}

	private static String xml(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
