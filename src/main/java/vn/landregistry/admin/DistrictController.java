package vn.landregistry.admin;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.landregistry.shared.GeoJson;

@RestController
@RequestMapping("/api/districts")
@Tag(name = "Administrative units")
class DistrictController {

	private final DistrictFeatures features;

	DistrictController(DistrictFeatures features) {
		this.features = features;
	}

	@GetMapping(produces = { GeoJson.MEDIA_TYPE_VALUE, GeoJson.JSON_VALUE })
	@Operation(summary = "Districts with their outlines (GeoJSON FeatureCollection)",
			description = "Every district-level unit, past or present, with its validity dates; "
					+ "with asOf, only the units in force on that day. Outlines are approximate unless "
					+ "boundaryAccuracy says SURVEYED.")
	String districts(@Parameter(description = "Day (YYYY-MM-DD) on which the units were in force")
	@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return this.features.collection(asOf);
	}

}
