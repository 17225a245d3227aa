package vn.landregistry.tiles;

/**
 * A lon/lat rectangle an edit touched, and the tiles it reaches: those whose envelope, with the
 * buffer mvt_tile() draws around each tile (64/4096 of its width), meets the rectangle.
 */
record Area(double west, double south, double east, double north) {

	/** Tile buffer of mvt_tile() (64 of 4096, migrations/V11), with a little room for rounding. */
	private static final double MARGIN = 64.0 / 4096 + 0.01;

	private static final double MAX_LATITUDE = 85.0511287798066;

	/** The tile ranges at every zoom, as {minX, minY, maxX, maxY} by zoom. */
	int[][] tileRanges() {
		int[][] ranges = new int[TileLayer.MAX_ZOOM + 1][];
		for (int z = 0; z <= TileLayer.MAX_ZOOM; z++) {
			int n = 1 << z;
			ranges[z] = new int[] { clamp(Math.floor(x(this.west) * n - MARGIN), n),
					clamp(Math.floor(y(this.north) * n - MARGIN), n), clamp(Math.floor(x(this.east) * n + MARGIN), n),
					clamp(Math.floor(y(this.south) * n + MARGIN), n) };
		}
		return ranges;
	}

	/** 0 at 180° W, 1 at 180° E. */
	private static double x(double lon) {
		return (lon + 180) / 360;
	}

	/** 0 at the north edge of the Web Mercator square, 1 at its south edge. */
	private static double y(double lat) {
		double phi = Math.toRadians(Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)));
		return (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2;
	}

	private static int clamp(double tile, int n) {
		return (int) Math.max(0, Math.min(n - 1, tile));
	}

}
