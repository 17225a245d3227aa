package vn.landregistry.shared;

/**
 * A WGS 84 bounding box, {@code minLon,minLat,maxLon,maxLat}, as OGC API Features and RFC 7946
 * write it.
 */
public record BBox(double minLon, double minLat, double maxLon, double maxLat) {

	/** Parses the {@code bbox} parameter; null or blank means no box. */
	public static BBox parse(String parameter, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String[] parts = text.split(",", -1);
		if (parts.length != 4) {
			throw new InvalidParameterException(parameter, text,
					"bbox must be four comma-separated numbers: minLon,minLat,maxLon,maxLat");
		}
		double[] v = new double[4];
		for (int i = 0; i < 4; i++) {
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
		BBox box = new BBox(v[0], v[1], v[2], v[3]);
		if (box.minLon < -180 || box.maxLon > 180 || box.minLat < -90 || box.maxLat > 90) {
			throw new InvalidParameterException(parameter, text,
					"bbox is outside WGS 84: longitudes must lie in [-180, 180] and latitudes in [-90, 90]");
		}
		if (box.minLon > box.maxLon || box.minLat > box.maxLat) {
			throw new InvalidParameterException(parameter, text,
					"bbox minimum is greater than its maximum: write minLon,minLat,maxLon,maxLat");
		}
		return box;
	}

}
