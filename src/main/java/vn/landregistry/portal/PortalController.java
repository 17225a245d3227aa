package vn.landregistry.portal;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.landregistry.admin.Units;
import vn.landregistry.shared.GeoJson;
import vn.landregistry.shared.NotFoundException;

@RestController
@RequestMapping("/api/portal")
@Tag(name = "Investor portal", description = "Public: available land, zone profiles, plot details, enquiries")
class PortalController {

	private final LandSearch search;

	private final PublicProfiles profiles;

	private final Enquiries enquiries;

	private final Units units;

	private final Clock clock;

	PortalController(LandSearch search, PublicProfiles profiles, Enquiries enquiries, Units units, Clock clock) {
		this.search = search;
		this.profiles = profiles;
		this.enquiries = enquiries;
		this.units = units;
		this.clock = clock;
	}

	@GetMapping(path = "/land", produces = { GeoJson.MEDIA_TYPE_VALUE, GeoJson.JSON_VALUE })
	@Operation(summary = "Available land: plots with no lease in force or to come, in published zones",
			description = "GeoJSON FeatureCollection with numberMatched/numberReturned; 400 with a problem detail for "
					+ "negative or swapped areas, unknown units, zones, kinds or industries. Units are those of today: communes and wards since 2025-07-01.")
	String land(@Parameter(description = "Smallest plot, ha") @RequestParam(required = false) String minHa,
			@Parameter(description = "Largest plot, ha") @RequestParam(required = false) String maxHa,
			@Parameter(description = "Unit code(s) of today: commune or ward (see /api/units)") @RequestParam(required = false) String unit,
			@Parameter(description = "Same as unit; a district (before 2025-07-01) is judged on its last day") @RequestParam(required = false) String district,
			@RequestParam(required = false) String zone,
			@Parameter(description = "KCN, CCN") @RequestParam(required = false) String kind,
			@Parameter(description = "NOW (cleared), LATER (clearance under way), ANY") @RequestParam(required = false) String ready,
			@Parameter(description = "MECHANICAL, ELECTRONICS, AGRO_FOOD, TEXTILE_FOOTWEAR, ENERGY, LOGISTICS, OTHER") @RequestParam(required = false) String industry,
			@Parameter(description = "Highest published lease price, USD/m²") @RequestParam(required = false) String maxPriceUsd,
			@Parameter(description = "AREA_DESC, AREA_ASC, FILL_RATE, DISTANCE") @RequestParam(required = false) String sort,
			@Parameter(description = "lon,lat for distances") @RequestParam(required = false) String near,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
		LandQuery query = LandSearch.parse(minHa, maxHa, this.units.asked(unit, district, null), zone, kind, ready,
				industry, maxPriceUsd, sort, near, limit, offset, new java.util.HashSet<>(this.profiles.zoneCodes()));
		return this.search.search(query, today());
	}

	@GetMapping(path = "/zones/{code}", produces = { GeoJson.MEDIA_TYPE_VALUE, GeoJson.JSON_VALUE })
	@Operation(summary = "A zone's public profile: figures, clearance, industries, contact, documents, named tenants")
	String zone(@PathVariable String code) {
		return this.profiles.zone(code, today()).orElseThrow(() -> new NotFoundException("no zone " + code));
	}

	@GetMapping(path = "/plots/{id}", produces = { GeoJson.MEDIA_TYPE_VALUE, GeoJson.JSON_VALUE })
	@Operation(summary = "A plot's public detail: area, shape, status, when it can be taken")
	String plot(@PathVariable long id) {
		return this.profiles.plot(id, today()).orElseThrow(() -> new NotFoundException("no plot " + id));
	}

	@PostMapping("/enquiries")
	@Operation(summary = "Ask the authority about a plot or a zone",
			description = "202 when received. 400 for a missing or over-long field, 429 (Retry-After) after too many from one address.")
	ResponseEntity<Map<String, Object>> enquire(@RequestBody NewEnquiry enquiry, HttpServletRequest request) {
		this.enquiries.receive(enquiry, request.getRemoteAddr());
		return ResponseEntity.accepted().location(URI.create("/portal"))
			.body(Map.of("received", true, "message", "Thank you: the Industrial Zones Authority will answer by e-mail."));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
		problem.setType(URI.create("urn:problem:too-many-requests"));
		problem.setTitle("Too many requests");
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds())).body(problem);
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
