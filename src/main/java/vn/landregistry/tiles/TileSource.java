package vn.landregistry.tiles;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tiles from PostGIS (mvt_tile(), migrations/V10 and V11), and what a TileJSON document says of the data. */
@Repository
class TileSource {

	/** The province as the data draws it: its outline, its districts and the public zones. */
	private static final String BOUNDS = """
			SELECT ST_XMin(e) AS w, ST_YMin(e) AS s, ST_XMax(e) AS e, ST_YMax(e) AS n FROM (
			  SELECT ST_Extent(b) AS e FROM (
			    SELECT boundary AS b FROM admin_unit WHERE level IN ('PROVINCE', 'DISTRICT')
			    UNION ALL
			    SELECT boundary FROM public_zone) all_boundaries) extent""";

	private final JdbcClient jdbc;

	TileSource(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	byte[] tile(TileLayer layer, TileAddress address) {
		return this.jdbc.sql("SELECT mvt_tile(:layer, :z, :x, :y)").param("layer", layer.id()).param("z", address.z())
			.param("x", address.x()).param("y", address.y()).query(byte[].class).single();
	}

	/** West, south, east, north in degrees; empty when there is no data yet. */
	List<Double> bounds() {
		return this.jdbc.sql(BOUNDS).query((rs, row) -> {
			double west = rs.getDouble("w");
			return rs.wasNull() ? List.<Double>of()
					: List.of(west, rs.getDouble("s"), rs.getDouble("e"), rs.getDouble("n"));
		}).single();
	}

	/** How many features the layer's tiles draw in all. */
	long count(TileLayer layer) {
		return this.jdbc.sql(switch (layer) {
			case ZONES -> "SELECT count(*) FROM public_zone WHERE boundary IS NOT NULL";
			case PLOTS -> "SELECT count(*) FROM public_plot";
			case CLEARANCE -> "SELECT count(*) FROM public_clearance_phase";
			case DISTRICTS -> "SELECT count(*) FROM admin_unit WHERE level = 'DISTRICT' AND boundary IS NOT NULL";
		}).query(Long.class).single();
	}

}
