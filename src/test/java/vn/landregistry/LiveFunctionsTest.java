package vn.landregistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL functions are defined once: a function that changed after its first V-migration has its live
 * definition in one repeatable file (migrations/R__*.sql), and V-migrations from V24 on, written
 * after those files came, restate none of them.
 */
class LiveFunctionsTest {

	private static final Pattern FUNCTION = Pattern.compile("(?im)^CREATE\\s+(?:OR\\s+REPLACE\\s+)?FUNCTION\\s+(\\w+)\\s*\\(");

	private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

	/** The first V-migration written after the repeatable files. */
	private static final int FIRST_AFTER_REPEATABLES = 24;

	@Test
	void aFunctionRedefinedByVersionedMigrationsLivesInARepeatableFile() {
		Map<String, List<String>> versioned = definitions("V");
		Map<String, List<String>> repeatable = definitions("R");
		List<String> restated = versioned.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();

		assertThat(restated).as("functions that V-migrations define more than once").isNotEmpty();
		assertThat(repeatable.keySet()).containsAll(restated);
	}

	@Test
	void aRepeatableFunctionIsDefinedInOneFileOnly() {
		Map<String, List<String>> repeatable = definitions("R");

		assertThat(repeatable).isNotEmpty();
		assertThat(repeatable).allSatisfy((name, files) -> assertThat(files).as(name).hasSize(1));
	}

	@Test
	void newVersionedMigrationsDoNotRestateALiveFunction() {
		Map<String, List<String>> repeatable = definitions("R");
		List<String> restated = new ArrayList<>();
		definitions("V").forEach((name, files) -> files.stream()
			.filter(file -> version(file) >= FIRST_AFTER_REPEATABLES && repeatable.containsKey(name))
			.forEach(file -> restated.add(name + " in " + file)));

		assertThat(restated).as("edit the function in its R__ file instead").isEmpty();
	}

	@Test
	void theRulesAreReadFromTheFiles() {
		assertThat(definitions("R")).containsKeys("plot_status", "zone_occupancy", "record_change", "mvt_tile", "lease_in_force");
		assertThat(definitions("V").get("mvt_tile")).contains("V10__vector_tiles.sql", "V22__generalised_plot_tiles.sql");
		assertThat(version("V22__generalised_plot_tiles.sql")).isEqualTo(22);
	}

	/** Function name to the files (of migrations/) that create or replace it, for V or R files. */
	private static Map<String, List<String>> definitions(String prefix) {
		try (Stream<Path> files = Files.list(Path.of("migrations"))) {
			Map<String, List<String>> byName = new TreeMap<>();
			for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix + "__")
					|| f.getFileName().toString().matches(prefix + "\\d+__.*")).sorted().toList()) {
				Matcher m = FUNCTION.matcher(Files.readString(file));
				while (m.find()) {
					byName.computeIfAbsent(m.group(1).toLowerCase(), k -> new ArrayList<>()).add(file.getFileName().toString());
				}
			}
			byName.replaceAll((name, list) -> list.stream().distinct().collect(Collectors.toList()));
			return byName;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int version(String file) {
		Matcher m = VERSIONED.matcher(file);
		return m.matches() ? Integer.parseInt(m.group(1)) : -1;
	}

}
