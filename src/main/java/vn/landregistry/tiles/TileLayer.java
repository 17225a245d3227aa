package vn.landregistry.tiles;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The layers served as vector tiles, as mvt_tile() (migrations/V10) makes them: their first
 * zoom, the zoom from which tiles carry every public attribute, and the attributes.
 */
enum TileLayer {

	ZONES("Industrial zones and clusters (KCN/CCN)",
			"Published zones; boundaries marked APPROXIMATE were not surveyed", 0, 11,
			fields("id", "Number", "code", "String", "kind", "String", "planStatus", "String", "boundaryAccuracy", "String"),
			fields("name", "String", "nameEn", "String", "district", "String", "lifecycle", "String", "legalAreaHa",
					"Number", "leaseLandHa", "Number", "leasedHa", "Number", "occupancyRate", "Number")),

	PLOTS("Plots (lô đất)", "Published plots of published zones with their lease status today", 12, 14,
			fields("id", "Number", "code", "String", "status", "String", "boundaryAccuracy", "String"),
			fields("zone", "String", "zoneName", "String", "areaHa", "Number", "landUse", "String", "clearedOn", "String",
					"demo", "Boolean")),

	CLEARANCE("Land clearance phases (GPMB)", "Clearance phases of published zones with their current status", 8, 11,
			fields("id", "Number", "code", "String", "status", "String", "zone", "String"),
			fields("name", "String", "district", "String", "blockedReason", "String", "areaHa", "Number", "clearedHa",
					"Number", "clearedPct", "Number", "targetDate", "String", "overdue", "Boolean")),

	DISTRICTS("Districts (huyện, thị xã, thành phố)", "District-level units with their validity dates", 0, 9,
			fields("id", "Number", "code", "String", "name", "String", "boundaryAccuracy", "String"),
			fields("nameEn", "String", "unitType", "String", "validFrom", "String", "validTo", "String"));

	static final int MAX_ZOOM = 22;

	private final String title;

	private final String description;

	private final int minZoom;

	private final int detailZoom;

	private final Map<String, String> always;

	private final Map<String, String> fields = new LinkedHashMap<>();

	TileLayer(String title, String description, int minZoom, int detailZoom, Map<String, String> always,
			Map<String, String> detailed) {
		this.title = title;
		this.description = description;
		this.minZoom = minZoom;
		this.detailZoom = detailZoom;
		this.always = always;
		this.fields.putAll(always);
		this.fields.putAll(detailed);
	}

	/** The name in URLs and inside the tiles. */
	String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	String title() {
		return this.title;
	}

	String description() {
		return this.description + "; attributes other than " + String.join(", ", this.always.keySet()) + " from zoom "
				+ this.detailZoom;
	}

	int minZoom() {
		return this.minZoom;
	}

	int detailZoom() {
		return this.detailZoom;
	}

	/** Attribute names and their types (String, Number, Boolean). */
	Map<String, String> fields() {
		return this.fields;
	}

	static Optional<TileLayer> find(String id) {
		return Arrays.stream(values()).filter(layer -> layer.id().equals(id)).findFirst();
	}

	private static Map<String, String> fields(String... namesAndTypes) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < namesAndTypes.length; i += 2) {
			fields.put(namesAndTypes[i], namesAndTypes[i + 1]);
		}
		return fields;
	}

}
