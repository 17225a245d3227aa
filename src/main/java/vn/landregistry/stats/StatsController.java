package vn.landregistry.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.landregistry.admin.Units;
import vn.landregistry.shared.ColumnTitles;
import vn.landregistry.shared.Parameters;
import vn.landregistry.shared.Step;
import vn.landregistry.shared.TableExport;
import vn.landregistry.zones.ZoneKind;

@RestController
@RequestMapping("/api/stats")
@Tag(name = "Statistics", description = "Fill rate (tỷ lệ lấp đầy) and plan progress; each table also as CSV or XLSX")
class StatsController {

	static final int MAX_POINTS = 1000;

	private final FillRateQueries fillRates;

	private final PlanQueries plans;

	private final Units units;

	private final Clock clock;

	private final ColumnTitles titles;

	StatsController(FillRateQueries fillRates, PlanQueries plans, Units units, Clock clock, ColumnTitles titles) {
		this.titles = titles;
		this.fillRates = fillRates;
		this.plans = plans;
		this.units = units;
		this.clock = clock;
	}

	@GetMapping("/fill-rate")
	@Operation(summary = "Fill rate by zone, administrative unit, kind or province on a day",
			description = "Fill rate = leased or operating area ÷ industrial land for lease, per zone; groups are "
					+ "weighted by area. Zones without land for lease are excluded and counted in excludedZones. "
					+ "Zones are placed in the units in force on the day by their shape: districts of Bắc Giang "
					+ "until 2025-06-30, communes and wards of Bắc Ninh from 2025-07-01. demo = figures from demo "
					+ "plots and leases, invented for illustration.")
	ResponseEntity<?> fillRate(@Parameter(description = "zone, unit (district or commune: the units of the day), kind or province") @RequestParam(defaultValue = "province") String groupBy,
			@Parameter(description = "KCN, CCN") @RequestParam(required = false) String kind,
			@Parameter(description = "Unit code(s): zones lying in them (a district is judged on its last day)") @RequestParam(required = false) String unit,
			@Parameter(description = "Same as unit") @RequestParam(required = false) String district,
			@Parameter(description = "Same as unit") @RequestParam(required = false) String commune,
			@Parameter(description = "Day (YYYY-MM-DD), default today") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@Parameter(description = "json, csv or xlsx") @RequestParam(required = false) String format,
			@Parameter(description = "vi or en: files titled as the statistics page in that language") @RequestParam(required = false) String lang) {
		TableExport.Format out = TableExport.format(format);
		GroupBy group = groupBy(groupBy);
		LocalDate day = asOf == null ? today() : asOf;
		FillRateTable table = this.fillRates.table(group, scope(kind, unit, district, commune), day);
		List<FillRateRow> rows = Stream.concat(table.rows().stream(), Stream.ofNullable(table.total())).toList();
		return TableExport.answer(out, "fill-rate-" + name(group) + "-" + day, table, rows, FillRateRow.class,
				this.titles.in(lang));
	}

	@GetMapping("/fill-rate/series")
	@Operation(summary = "Fill rate over time, one point per period end (the last point is 'to')")
	ResponseEntity<?> series(@RequestParam(defaultValue = "province") String groupBy,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String district, @RequestParam(required = false) String commune,
			@Parameter(description = "First day (default five years before 'to')") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "Last day (default today)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Parameter(description = "month, quarter or year") @RequestParam(defaultValue = "quarter") String step,
			@RequestParam(required = false) String format, @RequestParam(required = false) String lang) {
		TableExport.Format out = TableExport.format(format);
		GroupBy group = groupBy(groupBy);
		Step period = Parameters.oneEnum("step", step, Step.class, Step.QUARTER);
		LocalDate last = to == null ? today() : to;
		LocalDate first = from == null ? last.minusYears(5) : from;
		List<LocalDate> dates = period.points(first, last, MAX_POINTS);
		FillRateSeries series = this.fillRates.series(group, scope(kind, unit, district, commune), period, first, last,
				dates, this.units.changes(first, last));
		return TableExport.answer(out, "fill-rate-series-" + name(group) + "-" + name(period), series, series.rows(),
				FillRateSeries.Row.class, this.titles.in(lang));
	}

	@GetMapping("/plan-progress")
	@Operation(summary = "Plan targets for 2025 and 2030 beside the counts and hectares in the registry")
	ResponseEntity<?> planProgress(@RequestParam(required = false) String format,
			@RequestParam(required = false) String lang) {
		List<PlanProgressRow> rows = this.plans.progress();
		return TableExport.answer(TableExport.format(format), "plan-progress", new Rows<>(rows), rows,
				PlanProgressRow.class, this.titles.in(lang));
	}

	@GetMapping("/reported")
	@Operation(summary = "Figures the source documents report beside the same figures computed from the registry")
	ResponseEntity<?> reported(@RequestParam(required = false) String format,
			@RequestParam(required = false) String lang) {
		List<ReportedRow> rows = this.plans.reported();
		return TableExport.answer(TableExport.format(format), "reported-statistics", new Rows<>(rows), rows,
				ReportedRow.class, this.titles.in(lang));
	}

	record Rows<T>(List<T> rows) {
	}

	/** zone, unit, kind or province; district and commune name the unit grouping of their period. */
	private static GroupBy groupBy(String text) {
		return Parameters.oneEnum("groupBy", Units.unitGrouping(text), GroupBy.class, GroupBy.PROVINCE);
	}

	private ZoneScope scope(String kind, String unit, String district, String commune) {
		return new ZoneScope(Parameters.enums("kind", kind, ZoneKind.class), this.units.asked(unit, district, commune));
	}

	private static String name(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
