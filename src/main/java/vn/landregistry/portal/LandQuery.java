package vn.landregistry.portal;

import java.math.BigDecimal;
import java.util.Set;

/** A parsed land search: every field already checked; empty sets mean "any"; units: of today, by the zone's shape. */
record LandQuery(BigDecimal minHa, BigDecimal maxHa, Set<String> units, Set<String> zones, Set<String> kinds,
		Readiness ready, Set<Industry> industries, BigDecimal maxPriceUsd, LandSort sort, double[] near, int limit,
		int offset) {
}
