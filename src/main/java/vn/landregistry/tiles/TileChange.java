package vn.landregistry.tiles;

import java.util.Set;

/** An edit: the layers whose tiles it changes within an area. */
final class TileChange {

	private final Set<TileLayer> layers;

	private final int[][] ranges;

	TileChange(Set<TileLayer> layers, Area area) {
		this.layers = layers;
		this.ranges = area.tileRanges();
	}

	boolean reaches(TileKey key) {
		TileAddress a = key.address();
		int[] range = this.ranges[a.z()];
		return this.layers.contains(key.layer()) && a.x() >= range[0] && a.y() >= range[1] && a.x() <= range[2]
				&& a.y() <= range[3];
	}

}
