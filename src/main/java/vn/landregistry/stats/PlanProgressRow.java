package vn.landregistry.stats;

import java.math.BigDecimal;

/**
 * A plan target beside what the registry holds. Areas are legal areas; zones without one are
 * counted in {@code zonesWithoutLegalArea} and their drawn area is in {@code registryMapAreaHa}.
 */
record PlanProgressRow(String kind, int targetYear, String metric, String comparison, String description,
		String source, Integer targetCount, BigDecimal targetAreaHa, long registryCount,
		BigDecimal registryLegalAreaHa, long zonesWithoutLegalArea, BigDecimal registryMapAreaHa,
		BigDecimal countProgress, BigDecimal areaProgress) {
}
