package vn.landregistry.clearance;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import vn.landregistry.admin.Units;
import vn.landregistry.security.CurrentUser;
import vn.landregistry.shared.ColumnTitles;
import vn.landregistry.shared.GeoJson;
import vn.landregistry.shared.NotFoundException;
import vn.landregistry.shared.Parameters;
import vn.landregistry.shared.Step;
import vn.landregistry.shared.TableExport;
import vn.landregistry.shared.Versions;

@RestController
@Tag(name = "Land clearance", description = "Land clearance (GPMB) phases, their history and progress")
class ClearanceController {

	static final int MAX_POINTS = 1000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ClearanceFeatures features;

	private final ClearanceService service;

	private final ClearanceStatistics statistics;

	private final Units units;

	private final CurrentUser user;

	private final ClearanceFigures figures;

	private final ColumnTitles titles;

	ClearanceController(ClearanceFeatures features, ClearanceService service, ClearanceStatistics statistics,
			Units units, CurrentUser user, ClearanceFigures figures, ColumnTitles titles) {
		this.titles = titles;
		this.figures = figures;
		this.features = features;
		this.service = service;
		this.statistics = statistics;
		this.units = units;
		this.user = user;
	}

	@GetMapping(path = "/api/clearance", produces = { GeoJson.MEDIA_TYPE_VALUE, GeoJson.JSON_VALUE })
	@Operation(summary = "Clearance phases as GeoJSON, with their state on a day (replayed from their events)",
			description = "unit/unitName/committee: the unit whose people's committee is in charge on that day — the "
					+ "district until 2025-06-30, the commune or ward since (found by the phase's shape).")
	String phases(@Parameter(description = "Unit code(s): phases lying in them, e.g. BG-YD (judged on its last day) or BN-P-NENH") @RequestParam(required = false) String unit,
			@Parameter(description = "Same as unit") @RequestParam(required = false) String district,
			@Parameter(description = "Same as unit") @RequestParam(required = false) String commune,
			@Parameter(description = "Zone code(s)") @RequestParam(required = false) String zone,
			@Parameter(description = "NOT_STARTED, INVENTORY, PLAN_APPROVED, PAYING, HANDED_OVER, BLOCKED") @RequestParam(required = false) String status,
			@Parameter(description = "true: only phases past their target date and not handed over") @RequestParam(defaultValue = "false") boolean overdue,
			@Parameter(description = "Day of the state (default today)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return this.features.collection(new ClearanceFilter(this.units.asked(unit, district, commune), zones(zone),
				Parameters.enums("status", status, ClearanceStatus.class), overdue, day(asOf)), this.user.seesDrafts(),
				this.figures.hidden());
	}

	@GetMapping(path = "/api/clearance/{id}", produces = { GeoJson.MEDIA_TYPE_VALUE, GeoJson.JSON_VALUE })
	@Operation(summary = "One phase with its event history (properties.events); the ETag is its version")
	ResponseEntity<String> phase(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		boolean signedIn = this.user.seesDrafts();
		// a phase the reader may not see is as unknown as one that never existed
		String body = this.features.one(id, day(asOf), signedIn, this.figures.hidden(signedIn)).orElseThrow(() -> this.features.exists(id, signedIn)
				? new NotFoundException("clearance phase " + id + " was not yet registered on " + day(asOf))
				: new NotFoundException("no clearance phase with id " + id));
		// the ETag from the body itself, so that both tell the same version
		String version = JSON.readTree(body).path("properties").path("version").asString();
		return ResponseEntity.ok().eTag("\"" + version + "\"").contentType(GeoJson.MEDIA_TYPE).body(body);
	}

	@PostMapping(path = "/api/clearance", produces = GeoJson.MEDIA_TYPE_VALUE)
	@Operation(summary = "Register a clearance phase: a shape inside one zone and one district",
			description = "422 when the shape is invalid or outside its zone or district; 409 when the code is taken in the zone.")
	ResponseEntity<String> register(@RequestBody NewPhase phase) {
		long id = this.service.register(phase);
		return created(id);
	}

	@PostMapping(path = "/api/clearance/{id}/events", produces = GeoJson.MEDIA_TYPE_VALUE)
	@Operation(summary = "Record a step of a phase (status, cleared area, households, payments)",
			description = "Based on the version read: give \"version\" in the body or If-Match. 409 when the phase changed "
					+ "since (nothing written); 422 when cleared exceeds the area, the date is in the future or before the "
					+ "previous event, or the status goes back without a reason.")
	ResponseEntity<String> record(@PathVariable long id, @RequestBody ProgressStep step,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		ProgressStep based = step.version() != null || ifMatch == null ? step : step.withVersion(Versions.ifMatch(ifMatch));
		this.service.record(id, based);
		return created(id);
	}

	@GetMapping("/api/stats/clearance")
	@Operation(summary = "Clearance progress by zone, unit or province on a day, with the clean land available",
			description = "Units are those in charge on the day: districts until 2025-06-30, communes and wards since.")
	ResponseEntity<?> statistics(@Parameter(description = "zone, unit (district or commune: the units of the day) or province") @RequestParam(defaultValue = "province") String groupBy,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String district,
			@RequestParam(required = false) String commune, @RequestParam(required = false) String zone,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@Parameter(description = "json, csv or xlsx") @RequestParam(required = false) String format,
			@Parameter(description = "vi or en: files titled as the statistics page in that language") @RequestParam(required = false) String lang) {
		TableExport.Format out = TableExport.format(format);
		ClearanceGroupBy group = groupBy(groupBy);
		ClearanceTable table = this.statistics.table(group, this.units.asked(unit, district, commune), zones(zone), day(asOf))
			.withheld(this.figures.hidden());
		List<ClearanceRow> rows = table.total() == null ? table.rows()
				: Stream.concat(table.rows().stream(), Stream.of(table.total())).toList();
		return TableExport.answer(out, "clearance-" + group.json() + "-" + table.asOf(), table, rows, ClearanceRow.class,
				this.titles.in(lang));
	}

	@GetMapping("/api/stats/clearance/series")
	@Operation(summary = "Cleared % over time, one point per period end (the last point is 'to')")
	ResponseEntity<?> series(@RequestParam(defaultValue = "province") String groupBy,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String district,
			@RequestParam(required = false) String commune, @RequestParam(required = false) String zone,
			@Parameter(description = "First day (default three years before 'to')") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "Last day (default today)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Parameter(description = "month, quarter or year") @RequestParam(defaultValue = "quarter") String step,
			@RequestParam(required = false) String format, @RequestParam(required = false) String lang) {
		TableExport.Format out = TableExport.format(format);
		ClearanceGroupBy group = groupBy(groupBy);
		Step period = Parameters.oneEnum("step", step, Step.class, Step.QUARTER);
		LocalDate last = day(to);
		LocalDate first = from == null ? last.minusYears(3) : from;
		List<LocalDate> dates = period.points(first, last, MAX_POINTS);
		ClearanceSeries series = this.statistics.series(group, this.units.asked(unit, district, commune), zones(zone),
				period, first, last, dates, this.units.changes(first, last));
		return TableExport.answer(out, "clearance-series-" + group.json() + "-" + period.json(), series, series.rows(),
				ClearanceSeries.Row.class, this.titles.in(lang));
	}

	private ResponseEntity<String> created(long id) {
		ResponseEntity<String> current = phase(id, null);
		return ResponseEntity.created(URI.create("/api/clearance/" + id)).headers(current.getHeaders())
			.body(current.getBody());
	}

	/** zone, unit or province; district and commune name the unit grouping of their period. */
	private static ClearanceGroupBy groupBy(String text) {
		return Parameters.oneEnum("groupBy", Units.unitGrouping(text), ClearanceGroupBy.class, ClearanceGroupBy.PROVINCE);
	}

	private Set<String> zones(String text) {
		return Parameters.codes("zone", text, this.features.zoneCodes(this.user.seesDrafts()));
	}

	private LocalDate day(LocalDate asOf) {
		return asOf == null ? this.service.today() : asOf;
	}

}
