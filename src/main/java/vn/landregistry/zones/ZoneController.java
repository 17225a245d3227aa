package vn.landregistry.zones;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.landregistry.admin.Districts;
import vn.landregistry.shared.GeoJson;
import vn.landregistry.shared.NotFoundException;

@RestController
@RequestMapping("/api/zones")
@Tag(name = "Zones", description = "Industrial zones (KCN) and clusters (CCN)")
class ZoneController {

	private final ZoneFeatures features;

	private final Districts districts;

	ZoneController(ZoneFeatures features, Districts districts) {
		this.features = features;
		this.districts = districts;
	}

	@GetMapping(produces = GeoJson.MEDIA_TYPE_VALUE)
	@Operation(summary = "Zones as a GeoJSON FeatureCollection (RFC 7946, lon/lat)",
			description = "Each filter takes one value or several separated by commas; filters combine with AND. "
					+ "A value the registry does not know is answered with 400 and a problem detail.")
	String zones(@Parameter(description = "KCN, CCN") @RequestParam(required = false) String kind,
			@Parameter(description = "District code, e.g. BG-VY (see /api/districts)") @RequestParam(required = false) String district,
			@Parameter(description = "EXISTING, NEW, EXPANDED, MERGED_INTO_KCN, REMOVED") @RequestParam(required = false) String planStatus,
			@Parameter(description = "minLon,minLat,maxLon,maxLat (WGS 84)") @RequestParam(required = false) String bbox) {
		ZoneFilter filter = ZoneFilter.parse(kind, district, planStatus, bbox, this.districts.codes());
		return this.features.collection(filter);
	}

	@GetMapping(path = "/{id}", produces = GeoJson.MEDIA_TYPE_VALUE)
	@Operation(summary = "One zone as a GeoJSON Feature")
	String zone(@PathVariable long id) {
		return this.features.one(id).orElseThrow(() -> new NotFoundException("no zone with id " + id));
	}

}
