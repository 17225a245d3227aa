package vn.landregistry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's module diagram is the one the code has: each module and the modules it uses, as
 * Spring Modulith finds them. {@code mvn test -Dtest=ModuleDiagramTest -Dmodules.write=true}
 * writes it into the README; otherwise a README that lags behind the code fails here.
 */
class ModuleDiagramTest {

	static final Path README = Path.of("README.md");

	static final String START = "<!-- modules:start (written by ModuleDiagramTest) -->";

	static final String END = "<!-- modules:end -->";

	@Test
	void theReadmeShowsTheModulesAndTheirDependenciesAsTheCodeHasThem() throws IOException {
		String readme = Files.readString(README, StandardCharsets.UTF_8);
		int start = readme.indexOf(START);
		int end = readme.indexOf(END);
		assertThat(start).as("README.md has the markers " + START + " … " + END).isNotNegative();
		assertThat(end).isGreaterThan(start);
		String diagram = diagram(ApplicationModules.of(LandRegistryApplication.class));
		String current = readme.substring(start + START.length(), end);
		if (Boolean.getBoolean("modules.write")) {
			Files.writeString(README, readme.substring(0, start + START.length()) + diagram + readme.substring(end),
					StandardCharsets.UTF_8);
			return;
		}
		assertThat(current).as("the module diagram in README.md (run this test with -Dmodules.write=true to write it)")
			.isEqualTo(diagram);
	}

	/** A Mermaid flowchart: one arrow from each module to each module it uses directly. */
	static String diagram(ApplicationModules modules) {
		StringBuilder sb = new StringBuilder("\n```mermaid\nflowchart LR\n");
		modules.stream().sorted(Comparator.comparing(ApplicationModule::getName)).forEach(module -> {
			String uses = module.getDirectDependencies(modules).uniqueModules().map(ApplicationModule::getName).sorted()
				.collect(Collectors.joining(" & "));
			sb.append("  ").append(module.getName());
			if (!uses.isEmpty()) {
				sb.append(" --> ").append(uses);
			}
			sb.append('\n');
		});
		return sb.append("```\n").toString();
	}

}
