package vn.landregistry;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

	@Test
	void featureModulesOnlyUseEachOthersPublicTypes() {
		ApplicationModules.of(LandRegistryApplication.class).verify();
	}

}
