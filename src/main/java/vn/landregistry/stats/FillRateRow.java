package vn.landregistry.stats;

import java.math.BigDecimal;

/**
 * Fill rate of a group of zones. {@code zones} counts the zones with land for lease;
 * {@code excludedZones} those without, which are left out of the rate. {@code unit} and
 * {@code level} name the administrative unit of the row on the day (DISTRICT, COMMUNE, PROVINCE);
 * {@code demo} says the figures come from demo plots and leases, invented for illustration.
 */
record FillRateRow(String key, String name, String nameEn, Long zoneId, String kind, String unit, String level,
		long zones, long excludedZones, BigDecimal leaseLandHa, BigDecimal leasedHa, BigDecimal occupancyRate,
		boolean demo) {
}
