package vn.landregistry.zones;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tolerances of the spatial checks on edits: zones of the same kind may touch but not overlap by
 * more than {@code overlapToleranceM2}; a drawn area more than {@code areaWarningPercent} away from
 * the legal area gives a warning, not an error.
 */
@ConfigurationProperties("registry.edit")
record EditRules(@DefaultValue("100") double overlapToleranceM2, @DefaultValue("10") double areaWarningPercent,
		@DefaultValue("1") double outsideToleranceM2) {
}
