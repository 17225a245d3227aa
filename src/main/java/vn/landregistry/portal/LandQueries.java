package vn.landregistry.portal;

import java.util.HashSet;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.landregistry.admin.Units;

/** Reads a land search from a query string the way /api/portal/land does, for the routes that take the same filters. */
@Component
class LandQueries {

	private final PublicProfiles profiles;

	private final Units units;

	LandQueries(PublicProfiles profiles, Units units) {
		this.profiles = profiles;
		this.units = units;
	}

	LandQuery parse(Map<String, String> q, Integer limit) {
		return LandSearch.parse(q.get("minHa"), q.get("maxHa"), this.units.asked(q.get("unit"), q.get("district"), null),
				q.get("zone"), q.get("kind"), q.get("ready"), q.get("industry"), q.get("maxPriceUsd"), q.get("sort"),
				q.get("near"), limit, null, new HashSet<>(this.profiles.zoneCodes()));
	}

}
