package vn.landregistry.clearance;

import java.math.BigDecimal;
import java.util.Set;

import vn.landregistry.clearance.ClearanceProperties.Figure;

/**
 * Clearance figures of one group on a day. clearedPct is area-weighted (Σ cleared ÷ Σ area to
 * clear); cleanLandHa is the plots that are cleared and not leased (AVAILABLE_CLEAN).
 */
record ClearanceRow(String key, String name, String nameEn, long phases, BigDecimal areaHa, BigDecimal clearedHa,
		BigDecimal clearedPct, long handedOver, long blocked, long overdue, Long householdsAffected,
		Long householdsRelocated, BigDecimal amountPlannedVnd, BigDecimal amountPaidVnd, BigDecimal cleanLandHa) {

	ClearanceRow without(Set<Figure> hidden) {
		boolean households = hidden.contains(Figure.HOUSEHOLDS);
		boolean amounts = hidden.contains(Figure.AMOUNTS);
		return new ClearanceRow(key, name, nameEn, phases, areaHa, clearedHa, clearedPct, handedOver, blocked, overdue,
				households ? null : householdsAffected, households ? null : householdsRelocated,
				amounts ? null : amountPlannedVnd, amounts ? null : amountPaidVnd, cleanLandHa);
	}

}
