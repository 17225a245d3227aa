package vn.landregistry.ogc;

import java.util.Arrays;
import java.util.stream.Collectors;

import vn.landregistry.shared.InvalidParameterException;
import vn.landregistry.shared.Vn2000Plane;

/**
 * The coordinate reference systems the service answers in (OGC API – Features Part 2, CRS by
 * reference). Storage is SRID 4326 in longitude, latitude order, i.e. CRS84; PostGIS does every
 * transformation.
 * <p>
 * Bắc Giang's VN-2000 plane is EPSG:9214, "VN-2000 / TM-3 107-00", done in PostGIS as
 * {@link Vn2000Plane} explains.
 */
enum OgcCrs {

	CRS84(Uri.CRS84, "WGS 84, longitude and latitude (degrees)", 7) {
		@Override
		String fromStorage(String geometry) {
			return geometry;
		}

		@Override
		String box() {
			return "ST_MakeEnvelope(:bx0, :by0, :bx1, :by1, 4326)";
		}
	},

	WGS84(Uri.EPSG_4326, "WGS 84, latitude and longitude (degrees)", 7) {
		@Override
		String fromStorage(String geometry) {
			return "ST_FlipCoordinates(" + geometry + ")";
		}

		@Override
		String box() {
			return "ST_MakeEnvelope(:by0, :bx0, :by1, :bx1, 4326)";
		}
	},

	VN2000_BAC_GIANG(Uri.EPSG_9214,
			"VN-2000 / TM-3 107-00 (Bắc Giang), easting and northing (metres)", 3) {
		@Override
		String fromStorage(String geometry) {
			return Vn2000Plane.fromStorage(geometry, Vn2000Plane.BAC_GIANG);
		}

		/** The box's edges are densified to 500 m so that they stay straight in the plane. */
		@Override
		String box() {
			return Vn2000Plane.toStorage("ST_Segmentize(ST_MakeEnvelope(:bx0, :by0, :bx1, :by1, 5897), 500)", Vn2000Plane.BAC_GIANG);
		}
	};

	/** The identifiers, as constants for the API definition's annotations. */
	static final class Uri {

		static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

		static final String EPSG_4326 = "http://www.opengis.net/def/crs/EPSG/0/4326";

		static final String EPSG_9214 = "http://www.opengis.net/def/crs/EPSG/0/9214";

		private Uri() {
		}

	}

	private final String uri;

	private final String title;

	private final int decimals;

	OgcCrs(String uri, String title, int decimals) {
		this.uri = uri;
		this.title = title;
		this.decimals = decimals;
	}

	String uri() {
		return this.uri;
	}

	String title() {
		return this.title;
	}

	/** Decimals kept in coordinates: 7 for degrees (about 1 cm), 3 for metres. */
	int decimals() {
		return this.decimals;
	}

	/** The header value of OGC API – Features Part 2. */
	String header() {
		return "<" + this.uri + ">";
	}

	boolean geographic() {
		return this != VN2000_BAC_GIANG;
	}

	/** SQL of a stored geometry (SRID 4326) in this CRS. */
	abstract String fromStorage(String geometry);

	/**
	 * SQL of the stored-CRS polygon of the box given in this CRS's axis order, from the parameters
	 * bx0, by0, bx1, by1 (first axis min, second axis min, first axis max, second axis max).
	 */
	abstract String box();

	/** The CRS a parameter names; CRS84 when absent. */
	static OgcCrs parse(String parameter, String uri) {
		if (uri == null || uri.isBlank()) {
			return CRS84;
		}
		for (OgcCrs crs : values()) {
			if (crs.uri.equals(uri.trim())) {
				return crs;
			}
		}
		throw new InvalidParameterException(parameter, uri, parameter + " '" + uri + "' is not supported; use one of "
				+ Arrays.stream(values()).map(OgcCrs::uri).collect(Collectors.joining(", ")));
	}

}
