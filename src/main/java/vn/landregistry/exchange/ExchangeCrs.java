package vn.landregistry.exchange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import vn.landregistry.shared.Vn2000Plane;

/**
 * A coordinate reference system files come in or go out in, and the PostGIS SQL that takes a
 * geometry between it and storage (SRID 4326, longitude/latitude).
 * <p>
 * VN-2000 TM-3 zones (EPSG:9205–9218 and the older 5896–5899) go through {@link Vn2000Plane}, as
 * the OGC service's EPSG:9214 does.
 */
record ExchangeCrs(String code, String title, Kind kind, int srid, double centralMeridian) {

	enum Kind {

		/** Longitude/latitude on WGS 84: stored as it is. */
		WGS84,
		/** A CRS PostGIS's spatial_ref_sys holds. */
		SRID,
		/** VN-2000 TM-3 about {@link ExchangeCrs#centralMeridian()}. */
		VN2000_TM3

	}

	/** VN-2000 to WGS 84 (EPSG:6960, the official 7 parameters) as PROJ's +towgs84 takes them. */
	private static final String VN2000_TOWGS84 = "-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278";

	static final ExchangeCrs WGS_84 = new ExchangeCrs("EPSG:4326", "WGS 84 (kinh độ, vĩ độ / longitude, latitude)",
			Kind.WGS84, 4326, 0);

	private static final List<ExchangeCrs> PRESETS = build();

	private static List<ExchangeCrs> build() {
		List<ExchangeCrs> list = new ArrayList<>();
		list.add(WGS_84);
		list.add(new ExchangeCrs("EPSG:3857", "WGS 84 / Pseudo-Mercator (web map)", Kind.SRID, 3857, 0));
		list.add(new ExchangeCrs("EPSG:4756", "VN-2000 (kinh độ, vĩ độ / longitude, latitude)", Kind.SRID, 4756, 0));
		list.add(new ExchangeCrs("EPSG:3405", "VN-2000 / UTM 48N", Kind.SRID, 3405, 0));
		list.add(new ExchangeCrs("EPSG:3406", "VN-2000 / UTM 49N", Kind.SRID, 3406, 0));
		list.add(new ExchangeCrs("EPSG:32648", "WGS 84 / UTM 48N", Kind.SRID, 32648, 0));
		list.add(new ExchangeCrs("EPSG:32649", "WGS 84 / UTM 49N", Kind.SRID, 32649, 0));
		double[] meridians = { 103, 104, 104.5, 104.75, 105.5, 105.75, 106, 106.25, 106.5, 107, 107.25, 107.5, 108.25,
				108.5 };
		for (int i = 0; i < meridians.length; i++) {
			list.add(tm3("EPSG:" + (9205 + i), meridians[i]));
		}
		list.add(tm3("EPSG:5896", 102));
		list.add(tm3("EPSG:5897", 105));
		list.add(tm3("EPSG:5898", 108));
		list.add(tm3("EPSG:5899", 107.75));
		return List.copyOf(list);
	}

	private static ExchangeCrs tm3(String code, double meridian) {
		int degrees = (int) Math.floor(meridian);
		int minutes = (int) Math.round((meridian - degrees) * 60);
		return new ExchangeCrs(code, "VN-2000 / TM-3 %d-%02d".formatted(degrees, minutes), Kind.VN2000_TM3, 0, meridian);
	}

	/** Every CRS offered by name, in the order a person would look for them. */
	static List<ExchangeCrs> presets() {
		return PRESETS;
	}

	/** VN-2000 TM-3 zones, for guessing the central meridian a file was really written in. */
	static List<ExchangeCrs> tm3Zones() {
		return PRESETS.stream().filter(crs -> crs.kind == Kind.VN2000_TM3).toList();
	}

	/** The preset named {@code text}: "EPSG:9214", "epsg:9214" or "9214". */
	static ExchangeCrs parse(String parameter, String text) {
		String code = text.trim().toUpperCase(Locale.ROOT);
		String full = code.startsWith("EPSG:") ? code : "EPSG:" + code;
		return PRESETS.stream().filter(crs -> crs.code.equals(full)).findFirst()
			.orElseThrow(() -> new ExchangeException("crs_unknown", parameter + " '" + text
					+ "' is not offered; use one of " + PRESETS.stream().map(ExchangeCrs::code).toList()));
	}

	/**
	 * The CRS of a PROJ string as GDAL prints a file's CRS (gdalsrsinfo -o proj4), when it is one
	 * of ours; VN-2000 TM-3 zones are recognised by their parameters, whatever their name says.
	 */
	static Optional<ExchangeCrs> fromProj(String proj) {
		Map<String, String> p = new HashMap<>();
		for (String token : proj.trim().split("\\s+")) {
			if (token.startsWith("+")) {
				int eq = token.indexOf('=');
				p.put(eq < 0 ? token.substring(1) : token.substring(1, eq), eq < 0 ? "" : token.substring(eq + 1));
			}
		}
		boolean wgs84Ellipsoid = "WGS84".equals(p.get("ellps")) || "WGS84".equals(p.get("datum"));
		boolean vn2000 = p.getOrDefault("towgs84", "").startsWith("-191.9");
		String projection = p.getOrDefault("proj", "");
		if (projection.equals("longlat") && wgs84Ellipsoid) {
			return Optional.of(vn2000 ? byCode("EPSG:4756") : WGS_84);
		}
		if (projection.equals("merc") && "6378137".equals(p.get("a")) && "6378137".equals(p.get("b"))) {
			return Optional.of(byCode("EPSG:3857"));
		}
		if (!projection.equals("tmerc") || !wgs84Ellipsoid || number(p, "lat_0") != 0 || number(p, "x_0") != 500000
				|| number(p, "y_0") != 0) {
			return Optional.empty();
		}
		double meridian = number(p, "lon_0");
		double k = p.containsKey("k") ? number(p, "k") : number(p, "k_0");
		if (Math.abs(k - 0.9999) < 1e-9) {
			return Optional.of(tm3Zones().stream().filter(crs -> crs.centralMeridian == meridian).findFirst()
				.orElseGet(() -> new ExchangeCrs("VN-2000/TM-3/" + meridian, "VN-2000 / TM-3 " + meridian,
						Kind.VN2000_TM3, 0, meridian)));
		}
		if (Math.abs(k - 0.9996) < 1e-9 && (meridian == 105 || meridian == 111)) {
			int zone = meridian == 105 ? 48 : 49;
			return Optional.of(byCode(vn2000 ? "EPSG:" + (zone == 48 ? 3405 : 3406) : "EPSG:326" + zone));
		}
		return Optional.empty();
	}

	private static double number(Map<String, String> p, String key) {
		try {
			return Double.parseDouble(p.getOrDefault(key, "0"));
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	private static ExchangeCrs byCode(String code) {
		return PRESETS.stream().filter(crs -> crs.code.equals(code)).findFirst().orElseThrow();
	}

	boolean geographic() {
		return this.kind == Kind.WGS84 || this.srid == 4756;
	}

	/** EPSG number to declare in files written in this CRS (0 for an unnamed TM-3 meridian). */
	int epsg() {
		return this.code.startsWith("EPSG:") ? Integer.parseInt(this.code.substring(5)) : 0;
	}

	/** A VN-2000 TM-3 zone as a PROJ string, for files written in a meridian EPSG does not name. */
	String proj() {
		if (this.kind != Kind.VN2000_TM3) {
			throw new IllegalStateException(this.code + " is named by its EPSG code");
		}
		return "+proj=tmerc +lat_0=0 +lon_0=" + BigDecimal.valueOf(this.centralMeridian).stripTrailingZeros().toPlainString()
				+ " +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=" + VN2000_TOWGS84 + " +units=m +no_defs";
	}

	/** SQL of {@code geometry}, in this CRS's coordinates (any SRID), as stored (SRID 4326). */
	String toStorage(String geometry) {
		return switch (this.kind) {
			case WGS84 -> "ST_SetSRID(" + geometry + ", 4326)";
			case SRID -> "ST_Transform(ST_SetSRID(" + geometry + ", " + this.srid + "), 4326)";
			case VN2000_TM3 -> Vn2000Plane.toStorage(geometry, this.centralMeridian);
		};
	}

	/** SQL of a stored {@code geometry} (SRID 4326) in this CRS. */
	String fromStorage(String geometry) {
		return switch (this.kind) {
			case WGS84 -> geometry;
			case SRID -> "ST_Transform(" + geometry + ", " + this.srid + ")";
			case VN2000_TM3 -> Vn2000Plane.fromStorage(geometry, this.centralMeridian);
		};
	}

	/** Decimals that keep a millimetre: 9 for degrees, 3 for metres. */
	int decimals() {
		return geographic() ? 9 : 3;
	}

}
