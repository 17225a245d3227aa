package vn.landregistry.portal;

import java.math.BigDecimal;
import java.util.Set;

/** A parsed land search: every field already checked; empty sets mean "any"; units: of today, by the zone's shape. */
record LandQuery(BigDecimal minHa, BigDecimal maxHa, Set<String> units, Set<String> zones, Set<String> kinds,
		Readiness ready, Set<Industry> industries, BigDecimal maxPriceUsd, LandSort sort, double[] near, int limit,
		int offset) {

	/** The same search without its area bounds, largest first: what is there of any size. */
	LandQuery anyArea(int limit) {
		return new LandQuery(null, null, this.units, this.zones, this.kinds, this.ready, this.industries, this.maxPriceUsd,
				LandSort.AREA_DESC, null, limit, 0);
	}

	/** Every plot on offer, largest first. */
	static LandQuery everything(int limit) {
		return new LandQuery(null, null, Set.of(), Set.of(), Set.of(), Readiness.ANY, Set.of(), null, LandSort.AREA_DESC,
				null, limit, 0);
	}

}
