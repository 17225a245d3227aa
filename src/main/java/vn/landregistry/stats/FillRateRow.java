package vn.landregistry.stats;

import java.math.BigDecimal;

/**
 * Fill rate of a group of zones. {@code zones} counts the zones with land for lease;
 * {@code excludedZones} those without, which are left out of the rate.
 */
record FillRateRow(String key, String name, String nameEn, Long zoneId, String kind, String district, long zones,
		long excludedZones, BigDecimal leaseLandHa, BigDecimal leasedHa, BigDecimal occupancyRate) {
}
