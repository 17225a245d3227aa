package vn.landregistry.shared;

/**
 * SQL that takes geometries between storage (SRID 4326) and a VN-2000 TM-3 plane: transverse
 * Mercator about a central meridian, k = 0.9999, false easting 500 km (Circular 973/2001/TT-TCĐC),
 * on VN-2000 with the official 7-parameter shift (EPSG:6960) — EPSG:9214 for Bắc Giang (107°E),
 * 9209 for 105°30', and the other zones of EPSG:9205–9218.
 * <p>
 * PostGIS's spatial_ref_sys lacks them and the registry's role may not add rows to it, while a
 * PROJ-string transform costs about a millisecond per row. So each is composed from SRIDs PostGIS
 * has and caches: VN-2000 geographic (EPSG:4756), longitudes moved by the meridian's distance from
 * 105°E, then EPSG:5897 (VN-2000 / TM-3 zone 482: the same projection about 105°E). A transverse
 * Mercator depends only on the longitude from its central meridian, so this is the zone's own
 * projection exactly; OgcCrsTest compares it with PROJ's EPSG:9214 and with proj4j.
 */
public final class Vn2000Plane {

	/** The central meridian of Bắc Giang's plane, EPSG:9214. */
	public static final double BAC_GIANG = 107;

	private Vn2000Plane() {
	}

	/** SQL of a stored {@code geometry} (SRID 4326) in the plane about {@code meridian} (SRID 5897 set). */
	public static String fromStorage(String geometry, double meridian) {
		return "ST_Transform(ST_Translate(ST_Transform(" + geometry + ", 4756), " + (105 - meridian) + ", 0), 5897)";
	}

	/** SQL of {@code geometry}, coordinates of the plane about {@code meridian} (any SRID), as stored (SRID 4326). */
	public static String toStorage(String geometry, double meridian) {
		return "ST_Transform(ST_Translate(ST_Transform(ST_SetSRID(" + geometry + ", 5897), 4756), " + (meridian - 105)
				+ ", 0), 4326)";
	}

}
