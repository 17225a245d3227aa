package vn.landregistry.tiles;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The layers served as vector tiles, as mvt_tile() (migrations/V10, V22 for plots) makes them:
 * their first zoom, the zoom from which tiles carry every public attribute, the attributes, and
 * what the tiles draw in place of the records where those are too small to see.
 */
enum TileLayer {

	ZONES("Industrial zones and clusters (KCN/CCN)",
			"Published zones; boundaries marked APPROXIMATE were not surveyed", 0, 11,
			fields("id", "Number", "code", "String", "kind", "String", "planStatus", "String", "boundaryAccuracy", "String"),
			fields("name", "String", "nameEn", "String", "district", "String", "lifecycle", "String", "legalAreaHa",
					"Number", "leaseLandHa", "Number", "leasedHa", "Number", "occupancyRate", "Number")),

	PLOTS("Plots (lô đất)", "Published plots of published zones with their lease status today, generalised below zoom "
			+ Levels.PLOT_FROM + ": zone outlines with their fill rate, then plots merged by status", 8, Levels.PLOT_FROM,
			fields("level", "String", "zone", "String", "zoneName", "String", "boundaryAccuracy", "String", "status",
					"String", "areaHa", "Number", "plotCount", "Number", "leaseLandHa", "Number", "leasedHa", "Number",
					"occupancyRate", "Number"),
			fields("id", "Number", "code", "String", "landUse", "String", "clearedOn", "String", "demo", "Boolean"),
			List.of(new Generalisation("zone", 8, Levels.STATUS_FROM - 1,
					"one feature per zone holding public plots: its outline (simplified as the zones layer's) with its "
							+ "fill rate today",
					List.of("level", "zone", "zoneName", "boundaryAccuracy", "leaseLandHa", "leasedHa", "occupancyRate")),
					new Generalisation("status", Levels.STATUS_FROM, Levels.PLOT_FROM - 1,
							"the plots of a zone merged by their status today, one (multi)polygon per zone and status; "
									+ "gaps under 20 m closed, edges simplified to 5 m",
							List.of("level", "status", "zone", "zoneName", "boundaryAccuracy", "plotCount", "areaHa")),
					new Generalisation("plot", Levels.PLOT_FROM, TileLayer.MAX_ZOOM, "every plot with all its public attributes",
							List.of("level", "id", "code", "status", "zone", "zoneName", "boundaryAccuracy", "areaHa",
									"landUse", "clearedOn", "demo")))),

	CLEARANCE("Land clearance phases (GPMB)", "Clearance phases of published zones with their current status", 8, 11,
			fields("id", "Number", "code", "String", "status", "String", "zone", "String"),
			fields("name", "String", "district", "String", "blockedReason", "String", "areaHa", "Number", "clearedHa",
					"Number", "clearedPct", "Number", "targetDate", "String", "overdue", "Boolean")),

	DISTRICTS("Districts (huyện, thị xã, thành phố)", "District-level units with their validity dates", 0, 9,
			fields("id", "Number", "code", "String", "name", "String", "boundaryAccuracy", "String"),
			fields("nameEn", "String", "unitType", "String", "validFrom", "String", "validTo", "String"));

	static final int MAX_ZOOM = 22;

	/** The zooms at which mvt_plot_level() changes. */
	private static final class Levels {

		static final int STATUS_FROM = 13;

		static final int PLOT_FROM = 14;

	}

	private final String title;

	private final String description;

	private final int minZoom;

	private final int detailZoom;

	private final Map<String, String> always;

	private final Map<String, String> fields = new LinkedHashMap<>();

	private final List<Generalisation> generalisation;

	TileLayer(String title, String description, int minZoom, int detailZoom, Map<String, String> always,
			Map<String, String> detailed) {
		this(title, description, minZoom, detailZoom, always, detailed, List.of());
	}

	TileLayer(String title, String description, int minZoom, int detailZoom, Map<String, String> always,
			Map<String, String> detailed, List<Generalisation> generalisation) {
		this.generalisation = generalisation;
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
		if (!this.generalisation.isEmpty()) {
			return this.description + "; the attribute level tells which (" + this.generalisation.stream()
				.map(g -> g.level() + ": z" + g.minZoom() + "–" + g.maxZoom()).reduce((a, b) -> a + ", " + b).orElseThrow()
					+ ")";
		}
		return this.description + "; attributes other than " + String.join(", ", this.always.keySet()) + " from zoom "
				+ this.detailZoom;
	}

	/** What the tiles draw by zoom, from the first zoom; empty when they draw every record at every zoom. */
	List<Generalisation> generalisation() {
		return this.generalisation;
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
