package vn.landregistry.clearance;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import vn.landregistry.clearance.ClearanceProperties.Figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** registry.clearance.public-figures as written in application.yml or an environment variable. */
class ClearancePropertiesTest {

	@Test
	void householdsAndAmountsAreHiddenFromTheAnonymousUnlessMadePublic() {
		assertThat(figures("").hidden(false)).containsExactlyInAnyOrder(Figure.HOUSEHOLDS, Figure.AMOUNTS);
		assertThat(figures("households").hidden(false)).containsExactly(Figure.AMOUNTS);
		assertThat(figures("households, AMOUNTS").hidden(false)).isEmpty();
		assertThat(figures("").hidden(true)).as("signed in").isEmpty();
		assertThat(ClearanceFigures.names(Set.of(Figure.AMOUNTS))).containsExactly("amounts");
	}

	@Test
	void anUnknownFigureStopsTheStart() {
		assertThatThrownBy(() -> figures("tenants")).isInstanceOf(BindException.class)
			.hasMessageContaining("registry.clearance.public-figures");
	}

	private static ClearanceFigures figures(String value) {
		ClearanceProperties properties = new Binder(
				new MapConfigurationPropertySource(Map.of("registry.clearance.public-figures", value)))
			.bindOrCreate("registry.clearance", ClearanceProperties.class);
		return new ClearanceFigures(properties, null);
	}

}
