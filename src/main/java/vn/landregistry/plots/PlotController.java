package vn.landregistry.plots;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

import vn.landregistry.security.CurrentUser;
import vn.landregistry.shared.AsOf;
import vn.landregistry.shared.BBox;
import vn.landregistry.shared.GeoJson;
import vn.landregistry.shared.NotFoundException;
import vn.landregistry.shared.Paging;
import vn.landregistry.shared.Parameters;
import vn.landregistry.shared.Versions;

@RestController
@Tag(name = "Plots", description = "Plots (lô đất) inside zones and their leases")
class PlotController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A page the editor and the map draw at once; larger sets come in pages or as vector tiles. */
	static final int DEFAULT_LIMIT = 5_000;

	static final int MAX_LIMIT = 10_000;

	private final PlotFeatures features;

	private final PlotService service;

	private final PlotEdits edits;

	private final CurrentUser user;

	private final Clock clock;

	PlotController(PlotFeatures features, PlotService service, PlotEdits edits, CurrentUser user, Clock clock) {
		this.features = features;
		this.service = service;
		this.edits = edits;
		this.user = user;
		this.clock = clock;
	}

	@GetMapping(path = "/api/plots", produces = { GeoJson.MEDIA_TYPE_VALUE, GeoJson.JSON_VALUE })
	@Operation(summary = "Plots as a GeoJSON FeatureCollection, with their lease status on a day")
	String plots(@Parameter(description = "Zone code(s), e.g. KCN-QUANG-CHAU") @RequestParam(required = false) String zone,
			@Parameter(description = "AVAILABLE_CLEAN, AVAILABLE_NOT_CLEARED, RESERVED, LEASED, IN_OPERATION") @RequestParam(required = false) String status,
			@Parameter(description = "minLon,minLat,maxLon,maxLat") @RequestParam(required = false) String bbox,
			@Parameter(description = "YYYY-MM-DD (end of that day) or an instant: plots as they were, status on that day; default now") @RequestParam(required = false) String asOf,
			@Parameter(description = "plots per page, 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + "); links.next asks for the next page") @RequestParam(required = false) Integer limit,
			@Parameter(description = "plots to skip (in id order)") @RequestParam(required = false) Integer offset,
			HttpServletRequest request) {
		PlotFilter filter = new PlotFilter(Parameters.codes("zone", zone, this.features.zoneCodes(this.user.seesDrafts())),
				Parameters.enums("status", status, PlotStatus.class), BBox.parse("bbox", bbox), AsOf.parse(asOf, this.clock),
				Paging.of(limit, offset, DEFAULT_LIMIT, MAX_LIMIT));
		String next = UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
			.replaceQueryParam("offset", filter.page().nextOffset()).build(true).toUriString();
		return this.features.collection(filter, this.user.seesDrafts(), next);
	}

	@GetMapping(path = "/api/plots/{id}", produces = { GeoJson.MEDIA_TYPE_VALUE, GeoJson.JSON_VALUE })
	@Operation(summary = "One plot as a GeoJSON Feature; the ETag is its version and a hash of the answer (If-Match takes it)")
	ResponseEntity<String> one(@PathVariable long id, @RequestParam(required = false) String asOf) {
		String feature = plot(id, asOf);
		String version = JSON.readTree(feature).path("properties").path("version").asString();
		return ResponseEntity.ok().eTag(Versions.etag(version, feature)).body(feature);
	}

	private String plot(long id, String asOf) {
		return this.features.one(id, AsOf.parse(asOf, this.clock), this.user.seesDrafts())
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

	@PatchMapping(path = "/api/plots/{id}", produces = GeoJson.MEDIA_TYPE_VALUE)
	@Operation(summary = "Change a plot: only the fields given; based on its version (body or If-Match), else 409",
			description = "With \"draft\": true a change of a published plot is checked like any change, then kept as "
					+ "the plot's draft instead of applied: the answer is the plot as the draft makes it (as GET "
					+ "/api/plots/{id}/draft), and the public keeps seeing the published plot until POST "
					+ "/api/plots/{id}/publish. A newer draft replaces the older one. \"publish\": false on a published "
					+ "plot is refused with 422 (published_stays_published): save a draft, or delete the plot.")
	String update(@PathVariable long id, @RequestBody PlotChange change,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		boolean drafted = this.edits.update(id,
				change.version() != null || ifMatch == null ? change : change.withVersion(Versions.ifMatch(ifMatch)));
		return drafted ? draft(id) : plot(id, null);
	}

	@PostMapping(path = "/api/plots/{id}/publish", produces = GeoJson.MEDIA_TYPE_VALUE)
	@Operation(summary = "Publish a plot: a new plot, or the pending draft of a published one",
			description = "A draft plot becomes public. A published plot's pending draft is applied as one change "
					+ "(attributed to the publisher, with the draft's reason), checked again like a direct change. "
					+ "409 stale_version when 'version' is not the plot's; 409 stale_draft (with currentVersion and "
					+ "draftBaseVersion) when the plot changed after the draft was saved: the draft is kept.")
	String publish(@PathVariable long id, @RequestBody PlotChange change) {
		this.edits.publish(id, change.version(), change.reason());
		return plot(id, null);
	}

	@GetMapping(path = "/api/plots/{id}/draft", produces = { GeoJson.MEDIA_TYPE_VALUE, GeoJson.JSON_VALUE })
	@Operation(summary = "The pending draft of a published plot: the plot as the draft makes it (authority only)",
			description = "properties.draft holds its author, savedAt, reason, baseVersion, the columns it changes, and "
					+ "stale: whether the plot changed after the draft was saved. 404 when there is no draft.")
	String draft(@PathVariable long id) {
		return this.features.draft(id, AsOf.parse(null, this.clock))
			.orElseThrow(() -> new NotFoundException("plot " + id + " has no pending draft"));
	}

	@DeleteMapping("/api/plots/{id}/draft")
	@Operation(summary = "Discard the pending draft of a plot (authority only); the published plot stays as it is")
	ResponseEntity<Void> discardDraft(@PathVariable long id) {
		this.edits.discardDraft(id);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/plots/{id}")
	@Operation(summary = "Delete a plot (softly; kept in the history); 409 while it has a lease in force or to come")
	ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String reason,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.edits.delete(id, version != null || ifMatch == null ? version : Long.valueOf(Versions.ifMatch(ifMatch)), reason);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/api/plots/{id}/restore", produces = GeoJson.MEDIA_TYPE_VALUE)
	@Operation(summary = "Put back the plot as it was after one change of its history (a deleted one too), as a new change")
	String restore(@PathVariable long id, @RequestBody Restore restore) {
		this.edits.restore(id, restore.changeId(), restore.version(), restore.reason());
		return plot(id, null);
	}

	record Restore(long changeId, Long version, String reason) {
	}

	@PostMapping(path = "/api/plots/{id}/split", produces = GeoJson.MEDIA_TYPE_VALUE)
	@Operation(summary = "Cut a plot along a line into new plots (the old one is deleted softly)")
	ResponseEntity<String> split(@PathVariable long id, @RequestBody PlotSplit split) {
		List<Long> parts = this.edits.split(id, split);
		return ResponseEntity.status(201).contentType(GeoJson.MEDIA_TYPE).body(collection(parts));
	}

	@PostMapping(path = "/api/plots/merge", produces = GeoJson.MEDIA_TYPE_VALUE)
	@Operation(summary = "Join touching plots of one zone into one new plot (the old ones are deleted softly)")
	ResponseEntity<String> merge(@RequestBody PlotMerge merge) {
		long id = this.edits.merge(merge);
		return ResponseEntity.created(URI.create("/api/plots/" + id)).contentType(GeoJson.MEDIA_TYPE).body(plot(id, null));
	}

	private String collection(List<Long> ids) {
		return GeoJson.collectionOf(ids.stream().map(id -> plot(id, null)).toList());
	}

}
