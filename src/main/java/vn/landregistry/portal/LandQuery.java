package vn.landregistry.portal;

import java.math.BigDecimal;
import java.util.Set;

/** A parsed land search: every field already checked; empty sets mean "any". */
record LandQuery(BigDecimal minHa, BigDecimal maxHa, Set<String> districts, Set<String> zones, Set<String> kinds,
		Readiness ready, Set<Industry> industries, BigDecimal maxPriceUsd, LandSort sort, double[] near, int limit,
		int offset) {
}
