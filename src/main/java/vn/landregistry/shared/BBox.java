package vn.landregistry.shared;

/**
 * A WGS 84 bounding box, {@code minLon,minLat,maxLon,maxLat}, as OGC API Features and RFC 7946
 * write it; and the one parser of {@code bbox} parameters, which OGC API's boxes in other CRSs
 * share.
 */
public record BBox(double minLon, double minLat, double maxLon, double maxLat) {

	private static final String LON_LAT = "minLon,minLat,maxLon,maxLat";

	/** Parses the {@code bbox} parameter; null or blank means no box. */
	public static BBox parse(String parameter, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		double[] v = corners(parameter, text, false, LON_LAT);
		BBox box = new BBox(v[0], v[1], v[2], v[3]);
		if (!onTheGlobe(box.minLon, box.minLat, box.maxLon, box.maxLat)) {
			throw new InvalidParameterException(parameter, text,
					"bbox is outside WGS 84: longitudes must lie in [-180, 180] and latitudes in [-90, 90]");
		}
		ascending(parameter, text, v, LON_LAT);
		return box;
	}

	/**
	 * The corners of a box written as {@code order} says, {@code min0,min1,max0,max1}; with
	 * {@code heights}, six numbers are also taken and the heights (the third and sixth) dropped.
	 */
	public static double[] corners(String parameter, String text, boolean heights, String order) {
		String[] parts = text.split(",", -1);
		if (parts.length != 4 && !(heights && parts.length == 6)) {
			throw new InvalidParameterException(parameter, text, heights
					? "bbox must be four comma-separated numbers (six with heights), " + order
					: "bbox must be four comma-separated numbers: " + order);
		}
		double[] v = new double[parts.length];
		for (int i = 0; i < parts.length; i++) {
			try {
				v[i] = Double.parseDouble(parts[i].trim());
			}
			catch (NumberFormatException ex) {
				throw new InvalidParameterException(parameter, text, "bbox value '" + parts[i] + "' is not a number");
			}
			if (!Double.isFinite(v[i])) {
				throw new InvalidParameterException(parameter, text, "bbox values must be finite numbers");
			}
		}
		int half = parts.length / 2;
		return new double[] { v[0], v[1], v[half], v[half + 1] };
	}

	/** Refuses corners whose minimum lies above their maximum on either axis. */
	public static void ascending(String parameter, String text, double[] corners, String order) {
		if (corners[0] > corners[2] || corners[1] > corners[3]) {
			throw new InvalidParameterException(parameter, text,
					"bbox minimum is greater than its maximum: write " + order);
		}
	}

	public static boolean onTheGlobe(double minLon, double minLat, double maxLon, double maxLat) {
		return minLon >= -180 && maxLon <= 180 && minLat >= -90 && maxLat <= 90;
	}

}
