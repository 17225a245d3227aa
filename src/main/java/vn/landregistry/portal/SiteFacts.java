package vn.landregistry.portal;

import java.util.Map;

/**
 * What investors compare between sites, as one JSON property {@code facts} built in SQL for a
 * shape in a zone {@code z}: whether the price is on request, the zone's utilities and land term,
 * and the nearest place of each kind (Hà Nội, the airport, the sea port, an expressway exit)
 * with its distance and an estimated drive time.
 */
final class SiteFacts {

	/** Roads are longer than the straight line: the distance is multiplied by this for the drive. */
	static final double ROAD_FACTOR = 1.3;

	/** The average speed of the estimated drive, km/h (a stated estimate: there is no routing offline). */
	static final int AVERAGE_KMH = 50;

	/** The kinds of places, in the order pages list them. */
	static final String KINDS = "ARRAY['CITY', 'AIRPORT', 'SEAPORT', 'EXPRESSWAY_EXIT']";

	private SiteFacts() {
	}

	/** The {@code 'facts', json} pair for json_build_object, distances measured from {@code shape}. */
	static String property(String shape) {
		return """
				'facts', json_build_object('priceOnRequest', z.lease_price_min_usd IS NULL,
				  'priceDemo', z.lease_price_min_usd IS NOT NULL AND coalesce(z.figure_sources ->> 'leasePrice', '') LIKE 'demo%%',
				  'utilities', (SELECT json_build_object('powerMva', u.power_mva, 'waterM3Day', u.water_m3_day,
				       'wastewaterM3Day', u.wastewater_m3_day, 'telecomFibre', u.telecom_fibre,
				       'landTermUntil', u.land_term_until,
				       'demo', ARRAY(SELECT f.key FROM jsonb_each_text(u.sources) f WHERE f.value LIKE 'demo%%' ORDER BY 1))
				     FROM zone_utilities u WHERE u.zone_id = z.id),
				  'access', (SELECT coalesce(json_agg(json_build_object('kind', n.kind, 'code', n.code, 'name', n.name_vi,
				       'nameEn', n.name_en, 'km', n.km, 'minutes', %s, 'demo', n.demo)
				       ORDER BY array_position(%s, n.kind)), '[]'::json) FROM nearest_places(%s) n))"""
			.formatted(minutes("n.km"), KINDS, shape);
	}

	/** Estimated minutes of driving for a straight-line distance in km, to the next 5 minutes. */
	static String minutes(String km) {
		return "CAST(greatest(5, ceil(" + km + " * " + ROAD_FACTOR + " / " + AVERAGE_KMH + " * 60 / 5) * 5) AS int)";
	}

	/** The estimate's terms, for the sentence that states them on the pages. */
	static Map<String, Object> estimate() {
		return Map.of("roadFactor", ROAD_FACTOR, "averageKmh", AVERAGE_KMH);
	}

}
