package vn.landregistry.zones;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import vn.landregistry.admin.Units;
import vn.landregistry.security.CurrentUser;
import vn.landregistry.shared.AsOf;
import vn.landregistry.shared.GeoJson;
import vn.landregistry.shared.NotFoundException;
import vn.landregistry.shared.Versions;

@RestController
@RequestMapping("/api/zones")
@Tag(name = "Zones", description = "Industrial zones (KCN) and clusters (CCN)")
class ZoneController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ZoneFeatures features;

	private final ZoneService service;

	private final Units units;

	private final CurrentUser user;

	private final Clock clock;

	ZoneController(ZoneFeatures features, ZoneService service, Units units, CurrentUser user, Clock clock) {
		this.features = features;
		this.service = service;
		this.units = units;
		this.user = user;
		this.clock = clock;
	}

	@GetMapping(produces = { GeoJson.MEDIA_TYPE_VALUE, GeoJson.JSON_VALUE })
	@Operation(summary = "Zones as a GeoJSON FeatureCollection (RFC 7946, lon/lat)",
			description = "Each filter takes one value or several separated by commas; filters combine with AND. "
					+ "A value the registry does not know is answered with 400 and a problem detail. "
					+ "asOf replays the registry as it was then (from its history). Drafts only for signed-in users.")
	String zones(@Parameter(description = "KCN, CCN") @RequestParam(required = false) String kind,
			@Parameter(description = "Unit code(s): zones lying in them, e.g. BN-P-NENH or BG-VY (see /api/units)") @RequestParam(required = false) String unit,
			@Parameter(description = "Same as unit") @RequestParam(required = false) String district,
			@Parameter(description = "Same as unit") @RequestParam(required = false) String commune,
			@Parameter(description = "EXISTING, NEW, EXPANDED, MERGED_INTO_KCN, REMOVED") @RequestParam(required = false) String planStatus,
			@Parameter(description = "minLon,minLat,maxLon,maxLat (WGS 84)") @RequestParam(required = false) String bbox,
			@Parameter(description = "YYYY-MM-DD (end of that day) or an instant; default now") @RequestParam(required = false) String asOf) {
		ZoneFilter filter = ZoneFilter.parse(kind, this.units.asked(unit, district, commune), planStatus, bbox);
		return this.features.collection(filter, AsOf.parse(asOf, this.clock), this.user.seesDrafts());
	}

	@GetMapping(path = "/{id}", produces = { GeoJson.MEDIA_TYPE_VALUE, GeoJson.JSON_VALUE })
	@Operation(summary = "One zone as a GeoJSON Feature; the ETag is its version and a hash of the answer (If-Match takes it)")
	ResponseEntity<String> zone(@PathVariable long id, @RequestParam(required = false) String asOf) {
		return feature(id, AsOf.parse(asOf, this.clock), List.of());
	}

	@PostMapping(produces = GeoJson.MEDIA_TYPE_VALUE)
	@Operation(summary = "Draw a new zone (a draft unless publish=true)",
			description = "422 when the shape is invalid (with ST_MakeValid's suggestion), outside the province, or overlaps "
					+ "a zone of the same kind (overlaps listed with their area and shape). A drawn area far from the legal "
					+ "area comes back in 'warnings'.")
	ResponseEntity<String> create(@RequestBody ZoneChange zone) {
		ZoneService.Saved saved = this.service.create(zone);
		ResponseEntity<String> body = feature(saved.id(), AsOf.parse(null, this.clock), saved.warnings());
		return ResponseEntity.created(URI.create("/api/zones/" + saved.id())).headers(body.getHeaders()).body(body.getBody());
	}

	@PatchMapping(path = "/{id}", produces = GeoJson.MEDIA_TYPE_VALUE)
	@Operation(summary = "Change a zone: only the fields given; based on its version (body or If-Match), else 409",
			description = "With \"draft\": true a change of a published zone is checked like any change, then kept as "
					+ "the zone's draft instead of applied: the answer is the zone as the draft makes it (as GET "
					+ "/api/zones/{id}/draft), and the public keeps seeing the published zone until POST "
					+ "/api/zones/{id}/publish. A newer draft replaces the older one. \"publish\": false on a published "
					+ "zone is refused with 422 (published_stays_published): save a draft, or delete the zone.")
	ResponseEntity<String> update(@PathVariable long id, @RequestBody ZoneChange change,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		ZoneChange based = change.version() != null || ifMatch == null ? change : change.withVersion(Versions.ifMatch(ifMatch));
		ZoneService.Saved saved = this.service.update(id, based);
		return saved.draft() ? draft(id, saved.warnings()) : feature(id, AsOf.parse(null, this.clock), saved.warnings());
	}

	@PostMapping(path = "/{id}/publish", produces = GeoJson.MEDIA_TYPE_VALUE)
	@Operation(summary = "Publish a zone: a new zone, or the pending draft of a published one",
			description = "A draft zone becomes public. A published zone's pending draft is applied as one change "
					+ "(attributed to the publisher, with the draft's reason), checked again like a direct change. "
					+ "409 stale_version when 'version' is not the zone's; 409 stale_draft (with currentVersion and "
					+ "draftBaseVersion) when the zone changed after the draft was saved: the draft is kept.")
	ResponseEntity<String> publish(@PathVariable long id, @RequestBody ZoneChange change) {
		return feature(id, AsOf.parse(null, this.clock), this.service.publish(id, change.version(), change.reason()).warnings());
	}

	@GetMapping(path = "/{id}/draft", produces = { GeoJson.MEDIA_TYPE_VALUE, GeoJson.JSON_VALUE })
	@Operation(summary = "The pending draft of a published zone: the zone as the draft makes it (authority only)",
			description = "properties.draft holds its author, savedAt, reason, baseVersion, the columns it changes, and "
					+ "stale: whether the zone changed after the draft was saved. 404 when there is no draft.")
	ResponseEntity<String> draft(@PathVariable long id) {
		return draft(id, List.of());
	}

	@DeleteMapping("/{id}/draft")
	@Operation(summary = "Discard the pending draft of a zone (authority only); the published zone stays as it is")
	ResponseEntity<Void> discardDraft(@PathVariable long id) {
		this.service.discardDraft(id);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a zone (softly: it stays in the history and can be shown asOf an earlier day)")
	ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String reason,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.service.delete(id, version != null || ifMatch == null ? version : Long.valueOf(Versions.ifMatch(ifMatch)), reason);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/{id}/restore", produces = GeoJson.MEDIA_TYPE_VALUE)
	@Operation(summary = "Put back the zone as it was after one change of its history, as a new change")
	ResponseEntity<String> restore(@PathVariable long id, @RequestBody Restore restore) {
		return feature(id, AsOf.parse(null, this.clock),
				this.service.restore(id, restore.changeId(), restore.version(), restore.reason()).warnings());
	}

	record Restore(long changeId, Long version, String reason) {
	}

	private ResponseEntity<String> draft(long id, List<String> warnings) {
		String feature = this.features.draft(id, AsOf.parse(null, this.clock))
			.orElseThrow(() -> new NotFoundException("zone " + id + " has no pending draft"));
		return answer(feature, warnings);
	}

	private ResponseEntity<String> feature(long id, AsOf asOf, List<String> warnings) {
		String feature = this.features.one(id, asOf, this.user.seesDrafts())
			.orElseThrow(() -> new NotFoundException("no zone with id " + id + (asOf.now() ? "" : " on " + asOf.day())));
		return answer(feature, warnings);
	}

	private static ResponseEntity<String> answer(String feature, List<String> warnings) {
		String body = warnings.isEmpty() ? feature
				: feature.substring(0, feature.lastIndexOf('}')) + ",\"warnings\":" + JSON.writeValueAsString(warnings) + "}";
		String version = JSON.readTree(feature).path("properties").path("version").asString();
		return ResponseEntity.ok().eTag(Versions.etag(version, body)).contentType(GeoJson.MEDIA_TYPE).body(body);
	}

}
