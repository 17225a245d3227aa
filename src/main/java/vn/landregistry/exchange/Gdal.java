package vn.landregistry.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Runs GDAL's command-line tools (Debian's gdal-bin) as sandboxed subprocesses: files are read
 * and written by GDAL's well-kept drivers, not by parsers of ours. Each run has a time limit,
 * memory, CPU and file-size limits (prlimit), an empty environment but for PATH, no network
 * (requests go to a closed proxy port) and works only on files under the import's own folder.
 */
@Component
@EnableConfigurationProperties(ExchangeProperties.class)
class Gdal {

	private static final long MEMORY_LIMIT = 4L << 30;

	private static final long FILE_LIMIT = 2L << 30;

	private final ExchangeProperties properties;

	Gdal(ExchangeProperties properties) {
		this.properties = properties;
	}

	/** Whether ogr2ogr can be run here. */
	boolean available() {
		return Files.isExecutable(Path.of("/usr/bin/ogr2ogr"));
	}

	/** Runs ogr2ogr with these arguments; its standard output goes to {@code stdout} as it comes. */
	void ogr2ogr(Path workDir, List<String> args, Consumer<InputStream> stdout) {
		run(workDir, "ogr2ogr", args, stdout);
	}

	/** Runs ogr2ogr writing to files; what it prints is dropped. */
	void ogr2ogr(Path workDir, List<String> args) {
		run(workDir, "ogr2ogr", args, in -> {
			try {
				in.transferTo(OutputStream.nullOutputStream());
			}
			catch (IOException ex) {
				throw new ExchangeException("gdal_failed", "ogr2ogr output could not be read: " + ex.getMessage());
			}
		});
	}

	/** Runs a GDAL tool and answers what it printed. */
	String output(Path workDir, String tool, List<String> args) {
		StringBuilder text = new StringBuilder();
		run(workDir, tool, args, in -> {
			try {
				text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new ExchangeException("gdal_failed", tool + " output could not be read: " + ex.getMessage());
			}
		});
		return text.toString();
	}

	private void run(Path workDir, String tool, List<String> args, Consumer<InputStream> stdout) {
		if (!available()) {
			throw new ExchangeException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "gdal_missing",
					"GDAL (Debian package gdal-bin) is not installed on the server: files cannot be converted");
		}
		List<String> command = new ArrayList<>(List.of("prlimit", "--as=" + MEMORY_LIMIT,
				"--cpu=" + this.properties.gdalTimeout().toSeconds(), "--fsize=" + FILE_LIMIT, "--", tool));
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
		Map<String, String> env = builder.environment();
		env.clear();
		env.put("PATH", "/usr/bin:/bin");
		env.put("HOME", workDir.toString());
		env.put("CPL_TMPDIR", workDir.toString());
		env.put("GDAL_HTTP_PROXY", "127.0.0.1:9");
		env.put("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", ".none");
		env.put("GDAL_HTTP_TIMEOUT", "1");
		env.put("OGR_SKIP", "OAPIF,WFS,ESRIJSON,CARTO,ElasticSearch,Geoconcept,PostgreSQL,MySQL,ODBC,PGDUMP");
		Path errors = workDir.resolve(tool + ".err");
		builder.redirectError(errors.toFile());
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new ExchangeException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "gdal_missing", tool + " could not be started: " + ex.getMessage());
		}
		try {
			process.getOutputStream().close();
			stdout.accept(process.getInputStream());
			if (!process.waitFor(this.properties.gdalTimeout().toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new ExchangeException("gdal_timeout", tool + " took longer than " + this.properties.gdalTimeout()
						.toSeconds() + " s and was stopped: the file is too large or too complex");
			}
			if (process.exitValue() != 0) {
				throw new ExchangeException("file_unreadable", firstErrors(errors, tool));
			}
		}
		catch (IOException ex) {
			throw new ExchangeException("gdal_failed", tool + " failed: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new ExchangeException("gdal_failed", tool + " was interrupted");
		}
		finally {
			process.destroyForcibly();
		}
	}

	/** GDAL's own error lines, without the paths of our working folder. */
	static String firstErrors(Path errors, String tool) {
		try {
			List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8).stream()
				.filter(line -> line.startsWith("ERROR") || line.startsWith("FAILURE"))
				.map(line -> line.replaceAll("/[^\\s:'\"]*/", ""))
				.limit(3)
				.toList();
			return lines.isEmpty() ? tool + " could not read the file" : String.join("; ", lines);
		}
		catch (IOException ex) {
			return tool + " could not read the file";
		}
	}

}
