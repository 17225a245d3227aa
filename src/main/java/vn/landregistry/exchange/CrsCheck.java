package vn.landregistry.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decides the CRS of a staged file — the editor's choice, else the file's own (.prj, GeoPackage,
 * KML), else degrees when the numbers are degrees in Vietnam — and refuses coordinates that land
 * outside Vietnam or outside every province of the registry with the likely cause: metres read as
 * degrees, latitude and longitude swapped, or the wrong VN-2000 central meridian (with the zone that
 * fits and how far the shapes were shifted).
 */
@Component
class CrsCheck {

	/** Vietnam (mainland and islands), and the provinces the registry holds. */
	static final String SERVICE_AREA = "(SELECT ST_Union(ST_MakeEnvelope(102.0, 6.0, 117.9, 23.5, 4326), "
			+ "coalesce(ST_Union(ST_Envelope(boundary)), ST_MakeEnvelope(102.0, 6.0, 117.9, 23.5, 4326))) "
			+ "FROM admin_unit WHERE level = 'PROVINCE')";

	private static final String PROVINCES = "(SELECT ST_Union(boundary) FROM admin_unit WHERE level = 'PROVINCE' AND boundary IS NOT NULL)";

	private final JdbcClient jdbc;

	CrsCheck(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The CRS a batch was read in and how it was known (CHOSEN, FILE, ASSUMED). */
	record Decision(ExchangeCrs crs, String origin) {
	}

	Decision decide(long batch, ExchangeCrs chosen, Optional<String> fileProj) {
		Map<String, Object> extent = this.jdbc.sql("""
				SELECT ST_XMin(e) AS x0, ST_YMin(e) AS y0, ST_XMax(e) AS x1, ST_YMax(e) AS y1,
				       ST_X(ST_Centroid(e)) AS cx, ST_Y(ST_Centroid(e)) AS cy
				  FROM (SELECT ST_Extent(source_geom)::geometry AS e FROM import_feature WHERE batch_id = :b) s""")
			.param("b", batch).query().singleRow();
		if (extent.get("cx") == null) {
			return new Decision(chosen != null ? chosen : ExchangeCrs.WGS_84, chosen != null ? "CHOSEN" : "NONE");
		}
		double cx = ((Number) extent.get("cx")).doubleValue();
		double cy = ((Number) extent.get("cy")).doubleValue();
		Decision decision;
		if (chosen != null) {
			decision = new Decision(chosen, "CHOSEN");
		}
		else if (fileProj.isPresent()) {
			ExchangeCrs known = ExchangeCrs.fromProj(fileProj.get()).orElseThrow(() -> new ExchangeException("crs_unsupported",
					"the file's CRS is not one the registry converts (" + fileProj.get() + "); choose its CRS explicitly "
							+ "(crs=EPSG:9214 for Bắc Giang's VN-2000 plane, EPSG:4326 for degrees)"));
			decision = new Decision(known, "FILE");
		}
		else if (Math.abs(cx) <= 180 && Math.abs(cy) <= 90 && inArea(ExchangeCrs.WGS_84, cx, cy)) {
			decision = new Decision(ExchangeCrs.WGS_84, "ASSUMED");
		}
		else {
			throw new ExchangeException("crs_required", "the file does not say its CRS and its coordinates (" + round(cx) + ", "
					+ round(cy) + ") are not degrees in Vietnam" + suggestion(cx, cy, null)
					+ "; choose the CRS the file was drawn in");
		}
		refuseIfMisplaced(decision.crs(), cx, cy);
		return decision;
	}

	private void refuseIfMisplaced(ExchangeCrs crs, double cx, double cy) {
		if (inProvince(crs, cx, cy)) {
			return;
		}
		boolean inVietnam = inArea(crs, cx, cy);
		if (crs.geographic() && (Math.abs(cx) > 180 || Math.abs(cy) > 90 || Math.abs(cx) > 1000)) {
			throw new ExchangeException("crs_mismatch", "coordinates (" + round(cx) + ", " + round(cy) + ") read as "
					+ crs.code() + " fall outside Vietnam: they look like VN-2000 metres read as degrees"
					+ suggestion(cx, cy, null));
		}
		if (crs.geographic() && inArea(ExchangeCrs.WGS_84, cy, cx)) {
			throw new ExchangeException("crs_mismatch", "coordinates read as " + crs.code()
					+ " fall outside Vietnam: latitude and longitude look swapped (" + round(cx) + ", " + round(cy)
					+ "); write longitude first, as GeoJSON, KML and Shapefiles do");
		}
		if (!crs.geographic()) {
			String fit = suggestion(cx, cy, crs);
			if (!fit.isEmpty()) {
				throw new ExchangeException("crs_mismatch", "coordinates read as " + crs.code() + " (" + crs.title() + ") "
						+ (inVietnam ? "fall outside every province of the registry" : "fall outside Vietnam") + fit);
			}
		}
		if (!inVietnam) {
			throw new ExchangeException("crs_mismatch", "coordinates read as " + crs.code() + " fall outside Vietnam "
					+ "(centre " + round(cx) + ", " + round(cy) + " in the file); check the CRS the file was drawn in");
		}
	}

	/**
	 * The VN-2000 TM-3 zones that put the point inside a province of the registry, said as the
	 * likely cause: "wrong central meridian: shifted ~X km" when compared with {@code read}.
	 */
	private String suggestion(double cx, double cy, ExchangeCrs read) {
		List<String> fits = new ArrayList<>();
		double shiftKm = 0;
		for (ExchangeCrs zone : ExchangeCrs.tm3Zones()) {
			if (zone.code().startsWith("EPSG:58") || !inProvince(zone, cx, cy)) {
				continue;
			}
			fits.add(zone.code() + " (" + zone.title() + ")");
			if (read != null && shiftKm == 0) {
				shiftKm = this.jdbc.sql("SELECT ST_Distance(" + read.toStorage(point()) + "::geography, "
						+ zone.toStorage(point()) + "::geography) / 1000")
					.param("x", cx).param("y", cy).query(Double.class).single();
			}
		}
		if (fits.isEmpty()) {
			return "";
		}
		String zones = String.join(" or ", fits);
		if (read != null && read.kind() == ExchangeCrs.Kind.VN2000_TM3) {
			return ": wrong central meridian: shifted ~" + Math.round(shiftKm) + " km; the coordinates fit " + zones;
		}
		if (read != null) {
			return ": the coordinates fit " + zones;
		}
		return "; they fit VN-2000 " + zones;
	}

	private boolean inArea(ExchangeCrs crs, double x, double y) {
		return test(crs, x, y, SERVICE_AREA);
	}

	private boolean inProvince(ExchangeCrs crs, double x, double y) {
		return test(crs, x, y, PROVINCES);
	}

	private boolean test(ExchangeCrs crs, double x, double y, String area) {
		if (crs.geographic() && (Math.abs(x) > 180 || Math.abs(y) > 90)) {
			return false;
		}
		if (!crs.geographic() && Math.abs(x) < 1000 && Math.abs(y) < 1000) {
			return false;  // degrees read as metres: a few hundred metres from the projection's origin
		}
		Boolean inside = this.jdbc.sql("SELECT coalesce(ST_Intersects(" + crs.toStorage(point()) + ", " + area + "), false)")
			.param("x", x).param("y", y).query(Boolean.class).single();
		return Boolean.TRUE.equals(inside);
	}

	private static String point() {
		return "ST_MakePoint(CAST(:x AS float8), CAST(:y AS float8))";
	}

	private static String round(double value) {
		return Math.abs(value) >= 1000 ? String.valueOf(Math.round(value)) : String.valueOf(Math.round(value * 10000) / 10000.0);
	}

}
