package vn.landregistry.clearance;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Land clearance settings.
 *
 * @param publicFigures the figures of a phase that anonymous readers see besides its area and
 * progress: {@code households} (affected, relocated) and {@code amounts} (compensation planned,
 * paid). Empty by default: households and money are for signed-in staff.
 */
@ConfigurationProperties("registry.clearance")
record ClearanceProperties(Set<Figure> publicFigures) {

	ClearanceProperties {
		publicFigures = publicFigures == null ? Set.of() : Set.copyOf(publicFigures);
	}

	/** Figures whose publication is a setting. */
	enum Figure {

		HOUSEHOLDS, AMOUNTS

	}

}
