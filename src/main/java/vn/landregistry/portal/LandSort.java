package vn.landregistry.portal;

/** Orders of the land search; DISTANCE needs a point ({@code near=lon,lat}). */
enum LandSort {

	AREA_DESC("p.area_ha DESC, p.id", "p.area_ha + 0 DESC, p.id"),
	AREA_ASC("p.area_ha ASC, p.id DESC", "p.area_ha + 0 ASC, p.id DESC"),
	/** Fullest zones first (ranked apart, see LandSearch), then larger plots. */
	FILL_RATE("p.area_ha DESC, p.id", "p.area_ha DESC, p.id"),
	/** Nearest first, by the index (planar distance in degrees; the answer gives kilometres on the spheroid). */
	DISTANCE("p.boundary <-> ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)",
			"ST_Distance(p.boundary, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)), p.id");

	/** The order as the indexes give it: fast when the matches are spread over the whole registry. */
	final String sql;

	/**
	 * The same order computed after filtering: for a search within a few zones, where walking a
	 * registry-wide index in that order would pass over most plots before reaching theirs.
	 */
	final String filteredSql;

	LandSort(String sql, String filteredSql) {
		this.sql = sql;
		this.filteredSql = filteredSql;
	}

}
