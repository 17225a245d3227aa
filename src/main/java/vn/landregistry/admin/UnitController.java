package vn.landregistry.admin;

import java.time.Clock;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.landregistry.shared.GeoJson;
import vn.landregistry.shared.NotFoundException;
import vn.landregistry.shared.Parameters;

@RestController
@RequestMapping("/api/units")
@Tag(name = "Administrative units")
class UnitController {

	enum Level {
		LOCAL, PROVINCE
	}

	private final UnitFeatures features;

	private final Clock clock;

	UnitController(UnitFeatures features, Clock clock) {
		this.features = features;
		this.clock = clock;
	}

	@GetMapping(produces = { GeoJson.MEDIA_TYPE_VALUE, GeoJson.JSON_VALUE })
	@Operation(summary = "Administrative units in force on a day, with their outlines (GeoJSON FeatureCollection)",
			description = "level=local (default): the units zones are grouped by on that day — districts before "
					+ "2025-07-01, communes and wards of the merged province after; level=province: the provinces. "
					+ "Each unit names its predecessors and successors and its people's committee (committee). "
					+ "Outlines are approximate unless boundaryAccuracy says SURVEYED.")
	String units(@Parameter(description = "Day (YYYY-MM-DD), default today") @RequestParam(required = false)
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@Parameter(description = "local or province") @RequestParam(required = false) String level) {
		LocalDate day = asOf == null ? LocalDate.now(this.clock) : asOf;
		return Parameters.oneEnum("level", level, Level.class, Level.LOCAL) == Level.PROVINCE
				? this.features.provinces(day) : this.features.local(day);
	}

	@GetMapping(path = "/{code}", produces = { GeoJson.MEDIA_TYPE_VALUE, GeoJson.JSON_VALUE })
	@Operation(summary = "One administrative unit of any level and period, with its outline (GeoJSON Feature)")
	String unit(@PathVariable String code) {
		return this.features.one(code)
			.orElseThrow(() -> new NotFoundException("no administrative unit with code '" + code + "'"));
	}

}
