package vn.landregistry.tiles;

import java.util.Set;

/** An edit (a change_history row): the layers whose tiles it changes within an area. */
final class TileChange {

	private static final int[] NONE = { 1, 1, 0, 0 };

	private final long historyId;

	private final Set<TileLayer> layers;

	private final int[][] ranges;

	TileChange(long historyId, Set<TileLayer> layers, Area area) {
		this(historyId, layers, area, TileLayer.MAX_ZOOM);
	}

	/** An edit that changes tiles of these layers up to {@code maxZoom} only. */
	TileChange(long historyId, Set<TileLayer> layers, Area area, int maxZoom) {
		this.historyId = historyId;
		this.layers = layers;
		this.ranges = area.tileRanges();
		for (int z = maxZoom + 1; z <= TileLayer.MAX_ZOOM; z++) {
			this.ranges[z] = NONE;
		}
	}

	long historyId() {
		return this.historyId;
	}

	Set<TileLayer> layers() {
		return this.layers;
	}

	/** The tiles reached at zoom z: {minX, minY, maxX, maxY}. */
	int[] range(int z) {
		return this.ranges[z];
	}

	boolean reaches(TileKey key) {
		TileAddress a = key.address();
		int[] range = this.ranges[a.z()];
		return this.layers.contains(key.layer()) && a.x() >= range[0] && a.y() >= range[1] && a.x() <= range[2]
				&& a.y() <= range[3];
	}

}
