package vn.landregistry.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folders where an upload waits while it is read, and where an export is written: one per
 * import or export, under registry.exchange.work-dir (else the temporary folder), deleted after.
 */
final class WorkFolders {

	private WorkFolders() {
	}

	static Path create(ExchangeProperties properties, String prefix) {
		try {
			Path base = properties.workDir().isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "registry-exchange")
					: Path.of(properties.workDir());
			return Files.createTempDirectory(Files.createDirectories(base), prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void delete(Path folder) {
		if (folder == null || !Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a leftover temporary folder is harmless
		}
	}

}
