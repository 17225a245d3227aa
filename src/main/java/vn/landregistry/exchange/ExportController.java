package vn.landregistry.exchange;

import java.io.IOException;
import java.nio.file.Files;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.landregistry.exchange.ExportLayer.Audience;
import vn.landregistry.security.CurrentUser;
import vn.landregistry.security.RegistryUser;

@RestController
@Tag(name = "Exports", description = "Any layer or selection as a file: GeoJSON, KML, Shapefile, GeoPackage, DXF, CSV, XLSX")
class ExportController {

	private final Exporter exporter;

	private final CurrentUser user;

	ExportController(Exporter exporter, CurrentUser user) {
		this.exporter = exporter;
		this.user = user;
	}

	/**
	 * The file is written whole before the answer starts, so that every failure is still a problem
	 * detail; then it is copied to the client in this request's thread (no async timeout on a slow
	 * download) and its folder deleted.
	 */
	@GetMapping("/api/exports/{layer}")
	@Operation(summary = "Export a layer (zones, plots, clearance, units) or a filtered selection of it as a file",
			description = "Attributes are the fields an import of the same layer maps (named in Vietnamese or English), "
					+ "plus read-only extras; plot tenants only for the authority; the public gets published records "
					+ "only. GDAL's ogr2ogr writes every format but GeoJSON, declaring the CRS where the format can. "
					+ "400 with a problem detail naming the parameter for any bad value; 404 for an unknown layer.")
	@ApiResponse(responseCode = "200", description = "The file as an attachment (Content-Disposition names it, e.g. "
			+ "zones-EPSG9214-vi.zip); its media type is the format's",
			content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
					schema = @Schema(type = "string", format = "binary")))
	@ApiResponse(responseCode = "400", description = "A parameter's value cannot be used; the problem names it",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	@ApiResponse(responseCode = "404", description = "Unknown layer",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	void export(@PathVariable String layer,
			@Parameter(description = "geojson (default), kml, shp (zipped), gpkg, dxf, csv, xlsx") @RequestParam(required = false) String format,
			@Parameter(description = "EPSG:4326 (default), EPSG:9214 (VN-2000 TM-3 107-00, Bắc Giang) or another offered CRS; KML only in EPSG:4326") @RequestParam(required = false) String crs,
			@Parameter(description = "vi (default): Vietnamese attribute names, e.g. ma, ten; en: English, e.g. code, name_vi") @RequestParam(required = false) String lang,
			@Parameter(description = "Codes of the records, comma-separated") @RequestParam(required = false) String code,
			@Parameter(description = "KCN, CCN (zones, and plots and clearance by their zone)") @RequestParam(required = false) String kind,
			@Parameter(description = "Zone codes (plots, clearance)") @RequestParam(required = false) String zone,
			@Parameter(description = "Administrative unit codes: records in them (a province's code takes its districts)") @RequestParam(required = false) String district,
			@Parameter(description = "Plots: status today (AVAILABLE_CLEAN, AVAILABLE_NOT_CLEARED, RESERVED, LEASED, IN_OPERATION); clearance: phase status") @RequestParam(required = false) String status,
			@Parameter(description = "minLon,minLat,maxLon,maxLat (WGS 84)") @RequestParam(required = false) String bbox,
			HttpServletResponse response) throws IOException {
		ExportRequest request = ExportRequest.parse(ExportLayer.parse(layer),
				new ExportRequest.Query(format, crs, lang, code, kind, zone, district, status, bbox));
		Exporter.ExportFile file = this.exporter.export(request, audience());
		try {
			response.setContentType(file.mediaType().toString());
			response.setContentLengthLong(file.size());
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.name()).build().toString());
			Files.copy(file.path(), response.getOutputStream());
		}
		finally {
			file.delete();
		}
	}

	private Audience audience() {
		return this.user.get().map(ExportController::audience).orElse(Audience.PUBLIC);
	}

	private static Audience audience(RegistryUser user) {
		return user.isAuthority() ? Audience.AUTHORITY : Audience.SIGNED_IN;
	}

}
