package vn.landregistry.exchange;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.landregistry.shared.GeoJson;

@RestController
@Tag(name = "Imports", description = "Import of zones, plots, clearance phases and administrative units from files")
class ImportController {

	private final ImportService service;

	private final ImportReport report;

	ImportController(ImportService service, ImportReport report) {
		this.service = service;
		this.report = report;
	}

	@PostMapping(path = "/api/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a file to import (step 1 of 2)",
			description = "GeoJSON, KML/KMZ, zipped Shapefile, GeoPackage, DXF, CSV or XLSX (WKT or lon/lat columns). "
					+ "Answers 202 at once; the batch is read and checked in the background (GET it for progress and the "
					+ "report). Nothing is written to the registry before the commit.")
	ResponseEntity<Map<String, Object>> upload(@RequestPart("file") MultipartFile file,
			@Parameter(description = "zones, plots, clearance or units") @RequestParam String target,
			@Parameter(description = "CRS of the coordinates when the file does not say it, or to override it: "
					+ "EPSG:4326, EPSG:3857, EPSG:9214 (VN-2000 / TM-3 107-00, Bắc Giang), EPSG:9209 (105-30) …") @RequestParam(required = false) String crs,
			@Parameter(description = "Shapefile .dbf text encoding when it has no .cpg: UTF-8 or CP1258") @RequestParam(required = false) String encoding,
			@Parameter(description = "accuracy recorded for imported shapes: SURVEYED (default) or APPROXIMATE") @RequestParam(required = false) String accuracy) {
		ImportService.Request request = new ImportService.Request(ImportTarget.parse(target),
				crs == null || crs.isBlank() ? null : ExchangeCrs.parse("crs", crs), encoding(encoding), accuracy(accuracy));
		long id;
		try {
			id = this.service.upload(request, file.getOriginalFilename(), file.getInputStream());
		}
		catch (java.io.IOException ex) {
			throw new ExchangeException("upload_incomplete", "the upload did not arrive whole: " + ex.getMessage());
		}
		return ResponseEntity.accepted().location(URI.create("/api/imports/" + id)).body(this.report.batch(id));
	}

	@GetMapping("/api/imports")
	@Operation(summary = "The latest imports")
	Object list() {
		return this.report.latest();
	}

	@GetMapping("/api/imports/{id}")
	@Operation(summary = "An import: status and progress, CRS, the file's attributes and their mapping, counts of the report")
	Map<String, Object> batch(@PathVariable long id) {
		return this.report.batch(id);
	}

	@GetMapping(path = "/api/imports/{id}/features", produces = { GeoJson.MEDIA_TYPE_VALUE, GeoJson.JSON_VALUE })
	@Operation(summary = "The staged features with their match and problems, as GeoJSON in WGS 84")
	String features(@PathVariable long id,
			@Parameter(description = "only features with errors or warnings") @RequestParam(defaultValue = "false") boolean problems,
			@RequestParam(defaultValue = "1000") int limit, @RequestParam(defaultValue = "0") int offset) {
		if (limit < 1 || limit > 10000) {
			throw new ExchangeException("limit", "limit must be between 1 and 10000");
		}
		if (offset < 0) {
			throw new ExchangeException("offset", "offset must not be negative");
		}
		this.service.batch(id);
		return this.report.features(id, problems, limit, offset);
	}

	@PutMapping("/api/imports/{id}/mapping")
	@Operation(summary = "Map the file's attributes to registry fields ({field: attribute}) and check again")
	Map<String, Object> mapping(@PathVariable long id, @RequestBody Map<String, String> mapping) {
		this.service.remap(id, mapping);
		return this.report.batch(id);
	}

	/** The commit's options. */
	record CommitRequest(Boolean skipErrors) {
	}

	@PostMapping("/api/imports/{id}/commit")
	@Operation(summary = "Write the import into the registry (step 2 of 2): all features or none",
			description = "409 while features have errors (unless skipErrors). Runs in the background: GET the import "
					+ "until its status is COMMITTED (or READY again, with the reason nothing was written).")
	ResponseEntity<Map<String, Object>> commit(@PathVariable long id, @RequestBody(required = false) CommitRequest request) {
		this.service.commit(id, request != null && Boolean.TRUE.equals(request.skipErrors()));
		return ResponseEntity.accepted().body(this.report.batch(id));
	}

	@DeleteMapping("/api/imports/{id}")
	@Operation(summary = "Discard an import that was not committed (its staged features are deleted)")
	ResponseEntity<Void> discard(@PathVariable long id) {
		this.service.discard(id);
		return ResponseEntity.noContent().build();
	}

	private static String encoding(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String upper = text.trim().toUpperCase(Locale.ROOT);
		if (upper.equals("UTF-8") || upper.equals("UTF8")) {
			return "UTF-8";
		}
		if (upper.equals("CP1258") || upper.equals("WINDOWS-1258")) {
			return "CP1258";
		}
		throw new ExchangeException("encoding", "encoding '" + text + "' is not offered; use UTF-8 or CP1258");
	}

	private static String accuracy(String text) {
		if (text == null || text.isBlank()) {
			return "SURVEYED";
		}
		String upper = text.trim().toUpperCase(Locale.ROOT);
		if (!upper.equals("SURVEYED") && !upper.equals("APPROXIMATE")) {
			throw new ExchangeException("accuracy", "accuracy '" + text + "' must be SURVEYED or APPROXIMATE");
		}
		return upper;
	}

}
