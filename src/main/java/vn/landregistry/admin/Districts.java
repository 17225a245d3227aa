package vn.landregistry.admin;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.springframework.stereotype.Service;

/** What other features may ask about districts. */
@Service
public class Districts {

	private final JdbcClient jdbc;

	Districts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The id of the district-level unit with this code (any case). */
	public Optional<Long> id(String code) {
		return this.jdbc.sql("SELECT id FROM admin_unit WHERE code = upper(:code) AND level = 'DISTRICT'")
			.param("code", code.trim()).query(Long.class).optional();
	}

	/**
	 * The district that holds most of a GeoJSON shape, preferring those in force today, then the
	 * latest (Vietnam abolished the district level in 2025: its last districts still place things).
	 */
	public Optional<Long> holding(String geoJson) {
		return this.jdbc.sql("SELECT " + holdingSql("ST_SetSRID(ST_GeomFromGeoJSON(CAST(:geometry AS text)), 4326)"))
			.param("geometry", geoJson).query(Long.class).optional();
	}

	/** SQL of the id of the district {@link #holding} a shape, for a stored geometry {@code shape} (a column, say). */
	public static String holdingSql(String shape) {
		return """
				(SELECT d.id FROM admin_unit d, (SELECT %s AS shape) g
				  WHERE d.level = 'DISTRICT' AND ST_Intersects(d.boundary, g.shape)
				  ORDER BY (d.valid_to IS NULL OR d.valid_to >= registry_today()) DESC, d.valid_to DESC NULLS FIRST,
				           ST_Area(ST_Intersection(d.boundary, g.shape)) DESC
				  LIMIT 1)""".formatted(shape);
	}

}
