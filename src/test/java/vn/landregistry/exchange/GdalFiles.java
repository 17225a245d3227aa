package vn.landregistry.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test files in every format, written by GDAL's ogr2ogr from GeoJSON, and zips made by hand. */
final class GdalFiles {

	private GdalFiles() {
	}

	/** Runs ogr2ogr; fails the test with GDAL's message when it fails. */
	static void ogr2ogr(Path dir, String... args) {
		List<String> command = new ArrayList<>(List.of("ogr2ogr"));
		command.addAll(List.of(args));
		run(dir, command);
	}

	static String ogrinfo(Path dir, String... args) {
		List<String> command = new ArrayList<>(List.of("ogrinfo"));
		command.addAll(List.of(args));
		return run(dir, command);
	}

	private static String run(Path dir, List<String> command) {
		try {
			Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(command + " failed: " + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A GeoJSON file {@code name} in {@code dir} with this text. */
	static Path write(Path dir, String name, String text) {
		try {
			return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The GeoJSON converted by ogr2ogr to {@code driver} as {@code name} (extra ogr2ogr options after). */
	static Path convert(Path geoJson, String driver, String name, String... options) {
		Path out = geoJson.getParent().resolve(name);
		List<String> args = new ArrayList<>(List.of("-f", driver, out.toString(), geoJson.toString()));
		args.addAll(List.of(options));
		ogr2ogr(geoJson.getParent(), args.toArray(String[]::new));
		return out;
	}

	/** The files of a Shapefile {@code base}.shp (and its siblings) as one zip. */
	static byte[] zipShapefile(Path shp) {
		String base = shp.getFileName().toString().replaceFirst("\\.shp$", "");
		try (Stream<Path> files = Files.list(shp.getParent())) {
			List<Path> parts = files.filter(p -> p.getFileName().toString().startsWith(base + ".")).sorted().toList();
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
				for (Path part : parts) {
					zip.putNextEntry(new ZipEntry(part.getFileName().toString()));
					zip.write(Files.readAllBytes(part));
					zip.closeEntry();
				}
			}
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A zip of one entry with this name holding {@code size} zero bytes. */
	static byte[] zip(String entryName, long size) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry(entryName));
			byte[] zeros = new byte[1 << 20];
			for (long left = size; left > 0; left -= zeros.length) {
				zip.write(zeros, 0, (int) Math.min(left, zeros.length));
			}
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
