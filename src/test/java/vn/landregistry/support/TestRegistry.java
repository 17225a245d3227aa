package vn.landregistry.support;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hand-built registry data for tests, far from Bắc Giang (around 100 E, 10 N) in its own province
 * TST and districts TST-1, TST-2, so that it never mixes with the demo data; {@link #clear()}
 * removes it.
 */
public final class TestRegistry {

	public static final String PROVINCE = "TST";

	private final JdbcClient jdbc;

	public TestRegistry(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The test province and its two districts, side by side, each 0.5° wide. */
	public TestRegistry create() {
		clear();
		this.jdbc.sql("""
				INSERT INTO admin_unit (code, level, unit_type, name_vi, boundary)
				VALUES ('TST', 'PROVINCE', 'tỉnh', 'Tỉnh thử', ST_Multi(ST_MakeEnvelope(100, 10, 101, 10.5, 4326)))""").update();
		for (int i = 1; i <= 2; i++) {
			this.jdbc.sql("""
					INSERT INTO admin_unit (code, level, unit_type, name_vi, parent_id, boundary)
					SELECT :code, 'DISTRICT', 'huyện', :name, id, ST_Multi(ST_MakeEnvelope(:x, 10, :x + 0.5, 10.5, 4326))
					  FROM admin_unit WHERE code = 'TST'""")
				.param("code", district(i)).param("name", "Huyện thử " + i).param("x", 100 + (i - 1) * 0.5).update();
		}
		return this;
	}

	public static String district(int i) {
		return "TST-" + i;
	}

	/** A square zone of about 1.1 km side at (lon, lat); returns its id. */
	public long zone(String code, String kind, String district, double lon, double lat, BigDecimal leaseLandHa) {
		return this.jdbc.sql("""
				INSERT INTO zone (kind, code, name_vi, district_id, plan_status, lifecycle, boundary, lease_land_ha, source)
				SELECT :kind, :code, 'Khu thử ' || :code, id, 'EXISTING', 'OPERATING',
				       ST_Multi(ST_MakeEnvelope(:lon, :lat, :lon + 0.01, :lat + 0.01, 4326)), :land, 'test'
				  FROM admin_unit WHERE code = :district
				RETURNING id""")
			.param("kind", kind).param("code", code).param("district", district).param("lon", lon).param("lat", lat)
			.param("land", leaseLandHa).query(Long.class).single();
	}

	/** GeoJSON of a square inside zone square at (lon, lat), offset (dx, dy) and side {@code side} degrees. */
	public static String square(double lon, double lat, double side) {
		return "{\"type\":\"Polygon\",\"coordinates\":[[[%1$s,%2$s],[%3$s,%2$s],[%3$s,%4$s],[%1$s,%4$s],[%1$s,%2$s]]]}"
			.formatted(lon, lat, lon + side, lat + side);
	}

	/** Inserts a plot directly (bypassing the API); returns its id. */
	public long plot(long zoneId, String code, double lon, double lat, double side, LocalDate clearedOn) {
		return this.jdbc.sql("""
				INSERT INTO plot (zone_id, code, boundary, area_ha, cleared_on)
				VALUES (:zone, :code, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(:g), 4326)), 0, :cleared)
				RETURNING id""")
			.param("zone", zoneId).param("code", code).param("g", square(lon, lat, side)).param("cleared", clearedOn)
			.query(Long.class).single();
	}

	public void lease(long plotId, LocalDate signedOn, LocalDate endedOn) {
		this.jdbc.sql("""
				INSERT INTO lease (plot_id, investor_name, signed_on, ended_on)
				VALUES (:plot, 'Test investor', :signed, :ended)""")
			.param("plot", plotId).param("signed", signedOn).param("ended", endedOn).update();
	}

	public BigDecimal plotArea(long plotId) {
		return this.jdbc.sql("SELECT area_ha FROM plot WHERE id = :id").param("id", plotId).query(BigDecimal.class)
			.single();
	}

	/** Deletes everything in the test province. */
	public void clear() {
		String zones = "SELECT z.id FROM zone z JOIN admin_unit d ON d.id = z.district_id JOIN admin_unit p ON p.id = d.parent_id WHERE p.code = 'TST'";
		removeClearance(this.jdbc, zones);
		this.jdbc.sql("DELETE FROM enquiry WHERE zone_id IN (" + zones + ")").update();
		this.jdbc.sql("DELETE FROM zone_document WHERE zone_id IN (" + zones + ")").update();
		this.jdbc.sql("DELETE FROM lease WHERE plot_id IN (SELECT id FROM plot WHERE zone_id IN (" + zones + "))").update();
		this.jdbc.sql("DELETE FROM plot WHERE zone_id IN (" + zones + ")").update();
		this.jdbc.sql("DELETE FROM zone WHERE id IN (" + zones + ")").update();
		this.jdbc.sql("DELETE FROM app_user_unit WHERE unit_id IN (SELECT id FROM admin_unit WHERE code LIKE 'TST%')")
			.update();
		this.jdbc.sql("DELETE FROM admin_unit WHERE parent_id IN (SELECT id FROM admin_unit WHERE code LIKE 'TST-%')").update();
		this.jdbc.sql("DELETE FROM admin_unit WHERE parent_id IN (SELECT id FROM admin_unit WHERE code = 'TST')").update();
		this.jdbc.sql("DELETE FROM admin_unit WHERE code = 'TST'").update();
	}

	/**
	 * Deletes the clearance phases of the zones {@code zoneIds} (a SQL query of zone ids) with their
	 * events. Events are append-only, so the table owner lifts that rule for this one statement.
	 */
	public static void removeClearance(JdbcClient jdbc, String zoneIds) {
		jdbc.sql("""
				DO $$ BEGIN
				  ALTER TABLE clearance_event DISABLE TRIGGER clearance_event_append_only;
				  DELETE FROM clearance_event WHERE phase_id IN (SELECT id FROM clearance_phase WHERE zone_id IN (%1$s));
				  DELETE FROM clearance_phase WHERE zone_id IN (%1$s);
				  ALTER TABLE clearance_event ENABLE TRIGGER clearance_event_append_only;
				END $$""".formatted(zoneIds)).update();
	}

}
