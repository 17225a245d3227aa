package vn.landregistry.ogc;

import vn.landregistry.shared.BBox;
import vn.landregistry.shared.InvalidParameterException;
import vn.landregistry.shared.SqlWhere;

/**
 * The {@code bbox} parameter in the CRS {@code bbox-crs} names, in that CRS's axis order: four
 * numbers, or six when a height range is given (ignored: the layers are flat). {@link BBox} reads
 * the numbers; this checks them against the CRS's area of use.
 */
record OgcBox(OgcCrs crs, double min0, double min1, double max0, double max1) {

	/**
	 * The plane of a VN-2000 TM-3 zone covers Vietnam (8–24° N, within a few degrees of the central
	 * meridian, false easting 500 km) well inside these bounds; a box beyond them is not a place in
	 * Vietnam, and transforming it would only cost the database time.
	 */
	static final double PLANE_MAX_EASTING = 1_000_000;

	static final double PLANE_MAX_NORTHING = 3_000_000;

	/** Null when there is no box. */
	static OgcBox parse(String text, OgcCrs crs) {
		if (text == null || text.isBlank()) {
			return null;
		}
		double[] v = BBox.corners("bbox", text, true, order(crs));
		BBox.ascending("bbox", text, v, order(crs));
		OgcBox box = new OgcBox(crs, v[0], v[1], v[2], v[3]);
		if (!crs.geographic() && !box.withinVietnamPlane()) {
			throw invalid(text, "bbox lies outside the area of use of VN-2000 (Vietnam): eastings must lie in [0, "
					+ PLANE_MAX_EASTING + "] and northings in [0, " + PLANE_MAX_NORTHING + "] metres; write " + order(crs));
		}
		if (crs.geographic() && !box.withinTheGlobe()) {
			throw invalid(text, "bbox is outside WGS 84: longitudes must lie in [-180, 180] and latitudes in [-90, 90]; write "
					+ order(crs));
		}
		return box;
	}

	/** Adds "geometry intersects the box" to {@code where}; the box is built once per query. */
	void restrict(SqlWhere where, String geometry) {
		where.condition("ST_Intersects(" + geometry + ", (SELECT " + this.crs.box() + "))")
			.param("bx0", this.min0)
			.param("by0", this.min1)
			.param("bx1", this.max0)
			.param("by1", this.max1);
	}

	private boolean withinVietnamPlane() {
		return this.min0 >= 0 && this.max0 <= PLANE_MAX_EASTING && this.min1 >= 0 && this.max1 <= PLANE_MAX_NORTHING;
	}

	private boolean withinTheGlobe() {
		return this.crs == OgcCrs.WGS84 ? BBox.onTheGlobe(this.min1, this.min0, this.max1, this.max0)
				: BBox.onTheGlobe(this.min0, this.min1, this.max0, this.max1);
	}

	private static String order(OgcCrs crs) {
		return switch (crs) {
			case CRS84 -> "minLon,minLat,maxLon,maxLat";
			case WGS84 -> "minLat,minLon,maxLat,maxLon (bbox-crs EPSG:4326 has latitude first)";
			case VN2000_BAC_GIANG -> "minEasting,minNorthing,maxEasting,maxNorthing in metres";
		};
	}

	private static InvalidParameterException invalid(String text, String message) {
		return new InvalidParameterException("bbox", text, message);
	}

}
