package vn.landregistry.clearance;

import java.math.BigDecimal;

/**
 * Clearance figures of one group on a day. clearedPct is area-weighted (Σ cleared ÷ Σ area to
 * clear); cleanLandHa is the plots that are cleared and not leased (AVAILABLE_CLEAN).
 */
record ClearanceRow(String key, String name, String nameEn, long phases, BigDecimal areaHa, BigDecimal clearedHa,
		BigDecimal clearedPct, long handedOver, long blocked, long overdue, Long householdsAffected,
		Long householdsRelocated, BigDecimal amountPlannedVnd, BigDecimal amountPaidVnd, BigDecimal cleanLandHa) {
}
