package vn.landregistry.stats;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A figure a source document reports beside the same figure computed from the registry on the
 * same day; {@code computed} is null where the registry does not track the figure.
 */
record ReportedRow(String kind, String metric, LocalDate asOf, String unit, BigDecimal reported, BigDecimal computed,
		BigDecimal difference, String description, String source) {
}
