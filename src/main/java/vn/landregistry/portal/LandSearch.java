package vn.landregistry.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.landregistry.shared.GeoJson;
import vn.landregistry.shared.InvalidParameterException;
import vn.landregistry.shared.Paging;
import vn.landregistry.shared.Parameters;
import vn.landregistry.admin.Units;
import vn.landregistry.shared.SqlWhere;

/**
 * Available land for investors: published plots of published zones with no lease or reservation
 * in force or to come, ready now (cleared) or later (with the target date of the clearance phase
 * over them). Only public fields leave the server: no tenant, capital or internal note.
 */
@Repository
class LandSearch {

	static final int MAX_LIMIT = 200;

	static final int COUNT_CAP = 1_000;

	private static final String PROPERTIES = """
			json_build_object('id', p.id, 'code', p.code, 'areaHa', round(p.area_ha, 2), 'landUse', p.land_use,
			  'readyNow', p.cleared_on IS NOT NULL AND p.cleared_on <= CAST(:today AS date), 'clearedOn', p.cleared_on,
			  'expectedOn', """ + OfferSql.EXPECTED_ON + """
			  ,
			  'zone', z.code, 'zoneName', z.name_vi, 'zoneNameEn', z.name_en, 'kind', z.kind,
			  'unit', d.code, 'unitName', d.name_vi, 'unitNameEn', d.name_en, 'unitLevel', d.level,
			  'province', pv.code, 'provinceName', pv.name_vi, 'provinceNameEn', pv.name_en,
			  'occupancyRate', round(o.occupancy_rate, 4), 'industries', z.industries,
			  'leasePriceMinUsd', z.lease_price_min_usd, 'leasePriceMaxUsd', z.lease_price_max_usd,
			  'distanceKm', round(CAST(distance_km AS numeric), 1), 'boundaryAccuracy', z.boundary_accuracy,
			  'url', '/portal/plots/' || p.id,
			  """ + SiteFacts.property("p.boundary") + ")";

	private final JdbcClient jdbc;

	LandSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A GeoJSON FeatureCollection of one page, with numberReturned and numberMatched (counted up to
	 * {@link #COUNT_CAP}; above it, {@code numberMatchedAtLeast} says the count stopped there). The
	 * page is chosen on plain columns first, in an order the indexes give (area, or nearest first),
	 * so that only its rows are turned into GeoJSON.
	 */
	String search(LandQuery query, LocalDate today) {
		SqlWhere where = where(query, today);
		String from = " FROM public_plot p JOIN zone z ON z.id = p.zone_id" + where.sql();
		List<Long> ids = query.sort() == LandSort.FILL_RATE ? byFillRate(query, where, from) : pageIds(query, where, from);
		long matched = this.jdbc.sql("SELECT count(*) FROM (SELECT 1" + from + " LIMIT " + (COUNT_CAP + 1) + ") x")
			.params(where.params()).query(Long.class).single();
		String distance = query.near() == null ? "NULL::float8"
				: "ST_Distance(p.boundary::geography, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography) / 1000";
		String features = this.jdbc.sql("SELECT coalesce(json_agg(f.feature ORDER BY f.ord), '[]'::json)::text FROM ("
				+ "SELECT array_position(CAST(:ids AS bigint[]), p.id) AS ord, "
				+ GeoJson.feature("p.id", "p.boundary", PROPERTIES) + " AS feature"
				+ " FROM plot p JOIN zone z ON z.id = p.zone_id"
				// the commune or ward holding the plot today (the search filters by its zone's units)
				+ Units.joinOnDay("p.boundary", "today", "d", "pv")
				+ " LEFT JOIN zone_occupancy(CAST(:today AS date)) o ON o.zone_id = z.id"
				+ " CROSS JOIN LATERAL (SELECT " + distance + " AS distance_km) dist"
				+ " WHERE p.id = ANY (CAST(:ids AS bigint[]))) f")
			.params(where.params()).param("ids", ids.toArray(Long[]::new)).query(String.class).single();
		return "{\"type\":\"FeatureCollection\",\"numberMatched\":" + Math.min(matched, COUNT_CAP)
				+ ",\"numberMatchedAtLeast\":" + (matched > COUNT_CAP) + ",\"numberReturned\":" + ids.size()
				+ ",\"features\":" + features + "}";
	}

	private List<Long> pageIds(LandQuery query, SqlWhere where, String from) {
		boolean narrow = !query.units().isEmpty() || !query.zones().isEmpty();
		String order = narrow ? query.sort().filteredSql : query.sort().sql;
		return this.jdbc.sql("SELECT p.id" + from + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
			.params(where.params()).param("limit", query.limit()).param("offset", query.offset()).query(Long.class).list();
	}

	/**
	 * Fullest zones first, then larger plots: the zones are few, so they are ranked first and their
	 * plots read zone by zone (by the zone index) until the page is full, instead of sorting every
	 * available plot of the registry.
	 */
	private List<Long> byFillRate(LandQuery query, SqlWhere where, String from) {
		List<Long> zones = this.jdbc.sql("""
				SELECT z.id FROM public_zone z
				  LEFT JOIN zone_occupancy(CAST(:today AS date)) o ON o.zone_id = z.id
				 ORDER BY o.occupancy_rate DESC NULLS LAST, z.id""").param("today", where.params().get("today"))
			.query(Long.class).list();
		List<Long> ids = new java.util.ArrayList<>();
		long wanted = (long) query.offset() + query.limit();
		for (Long zone : zones) {
			ids.addAll(this.jdbc.sql("SELECT p.id" + from + " AND p.zone_id = :zone ORDER BY p.area_ha DESC, p.id LIMIT :n")
				.params(where.params()).param("zone", zone).param("n", wanted - ids.size()).query(Long.class).list());
			if (ids.size() >= wanted) {
				break;
			}
		}
		return ids.subList((int) Math.min(query.offset(), ids.size()), ids.size());
	}

	static SqlWhere where(LandQuery query, LocalDate today) {
		// public_plot: published plots of published zones, none deleted (V17)
		SqlWhere where = Units.within(new SqlWhere().condition(OfferSql.FREE), "z.boundary", query.units(), "today")
			.in("z.code", "zones", query.zones())
			.in("z.kind", "kinds", query.kinds())
			.param("today", today);
		if (query.minHa() != null) {
			where.condition("p.area_ha >= :minHa").param("minHa", query.minHa());
		}
		if (query.maxHa() != null) {
			where.condition("p.area_ha <= :maxHa").param("maxHa", query.maxHa());
		}
		if (query.ready() == Readiness.NOW) {
			where.condition("p.cleared_on <= CAST(:today AS date)");
		}
		else if (query.ready() == Readiness.LATER) {
			where.condition("(p.cleared_on IS NULL OR p.cleared_on > CAST(:today AS date))");
		}
		if (!query.industries().isEmpty()) {
			where.condition("z.industries @> CAST(:industries AS text[])").param("industries",
					query.industries().stream().map(Enum::name).toArray(String[]::new));
		}
		if (query.maxPriceUsd() != null) {
			where.condition("z.lease_price_min_usd <= :maxPrice").param("maxPrice", query.maxPriceUsd());
		}
		if (query.near() != null) {
			where.param("lon", query.near()[0]).param("lat", query.near()[1]);
		}
		return where;
	}

	/** Parses the query string of a search; every bad value is a 400 naming it. */
	static LandQuery parse(String minHa, String maxHa, Set<String> units, String zone, String kind, String ready,
			String industry, String maxPrice, String sort, String near, Integer limit, Integer offset,
			Set<String> zones) {
		BigDecimal min = number("minHa", minHa);
		BigDecimal max = number("maxHa", maxHa);
		if (min != null && max != null && min.compareTo(max) > 0) {
			throw new InvalidParameterException("minHa", minHa, InvalidParameterException.RANGE, "minHa (" + minHa + ") is above maxHa (" + maxHa
					+ "): swap them");
		}
		double[] point = near == null || near.isBlank() ? null : point(near);
		LandSort order = Parameters.oneEnum("sort", sort, LandSort.class, point == null ? LandSort.AREA_DESC : LandSort.DISTANCE);
		if (order == LandSort.DISTANCE && point == null) {
			throw new InvalidParameterException("near", null, InvalidParameterException.REQUIRED, "sort=DISTANCE needs near=lon,lat");
		}
		Paging page = Paging.of(limit, offset, 50, MAX_LIMIT);
		Set<String> kinds = Parameters.enums("kind", kind, KindParameter.class).stream().map(Enum::name)
			.collect(java.util.stream.Collectors.toSet());
		return new LandQuery(min, max, units,
				Parameters.codes("zone", zone, zones), kinds, Parameters.oneEnum("ready", ready, Readiness.class, Readiness.ANY),
				Parameters.enums("industry", industry, Industry.class), number("maxPriceUsd", maxPrice), order, point, page.limit(),
				page.offset());
	}

	/** The kinds a search accepts (the zones module's own enum is not part of its public API). */
	enum KindParameter {

		KCN, CCN

	}

	private static BigDecimal number(String name, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			BigDecimal value = new BigDecimal(text.trim());
			if (value.signum() < 0) {
				throw new InvalidParameterException(name, text, InvalidParameterException.NEGATIVE,
						name + " cannot be negative");
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new InvalidParameterException(name, text, InvalidParameterException.NUMBER,
					name + " '" + text + "' is not a number (use a dot: 2.5)");
		}
	}

	private static double[] point(String text) {
		String[] parts = text.split(",");
		try {
			if (parts.length == 2) {
				double lon = Double.parseDouble(parts[0].trim());
				double lat = Double.parseDouble(parts[1].trim());
				if (lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90) {
					return new double[] { lon, lat };
				}
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new InvalidParameterException("near", text, InvalidParameterException.FORMAT, "near is lon,lat in WGS 84, e.g. near=106.2,21.27");
	}

}
