package vn.landregistry.plots;

import java.net.URI;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.landregistry.shared.BBox;
import vn.landregistry.shared.GeoJson;
import vn.landregistry.shared.NotFoundException;
import vn.landregistry.shared.Parameters;

@RestController
@Tag(name = "Plots", description = "Plots (lô đất) inside zones and their leases")
class PlotController {

	private final PlotFeatures features;

	private final PlotService service;

	PlotController(PlotFeatures features, PlotService service) {
		this.features = features;
		this.service = service;
	}

	@GetMapping(path = "/api/plots", produces = GeoJson.MEDIA_TYPE_VALUE)
	@Operation(summary = "Plots as a GeoJSON FeatureCollection, with their lease status on a day")
	String plots(@Parameter(description = "Zone code(s), e.g. KCN-QUANG-CHAU") @RequestParam(required = false) String zone,
			@Parameter(description = "AVAILABLE_CLEAN, AVAILABLE_NOT_CLEARED, RESERVED, LEASED, IN_OPERATION") @RequestParam(required = false) String status,
			@Parameter(description = "minLon,minLat,maxLon,maxLat") @RequestParam(required = false) String bbox,
			@Parameter(description = "Day of the status (default today)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		PlotFilter filter = new PlotFilter(Parameters.codes("zone", zone, this.features.zoneCodes()),
				Parameters.enums("status", status, PlotStatus.class), BBox.parse("bbox", bbox),
				asOf == null ? this.service.today() : asOf);
		return this.features.collection(filter);
	}

	@GetMapping(path = "/api/plots/{id}", produces = GeoJson.MEDIA_TYPE_VALUE)
	@Operation(summary = "One plot as a GeoJSON Feature")
	String plot(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return this.features.one(id, asOf == null ? this.service.today() : asOf)
			.orElseThrow(() -> new NotFoundException("no plot with id " + id));
	}

	@PostMapping(path = "/api/zones/{zoneId}/plots", produces = GeoJson.MEDIA_TYPE_VALUE)
	@Operation(summary = "Add a plot to a zone",
			description = "422 when the shape is invalid, outside the zone or overlaps another plot of the zone; "
					+ "409 when the code is taken. Nothing is written then.")
	ResponseEntity<String> create(@PathVariable long zoneId, @RequestBody NewPlot plot) {
		long id = this.service.create(zoneId, plot);
		return ResponseEntity.created(URI.create("/api/plots/" + id)).body(plot(id, null));
	}

	@PostMapping(path = "/api/plots/{plotId}/leases")
	@Operation(summary = "Record a lease or reservation of a plot",
			description = "409 when it overlaps another lease of the plot in time; 422 when dates are inconsistent.")
	ResponseEntity<String> lease(@PathVariable long plotId, @RequestBody NewLease lease) {
		this.service.lease(plotId, lease);
		return ResponseEntity.created(URI.create("/api/plots/" + plotId)).contentType(GeoJson.MEDIA_TYPE)
			.body(plot(plotId, null));
	}

}
