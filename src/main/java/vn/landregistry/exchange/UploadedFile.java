package vn.landregistry.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * An uploaded file in its own working folder, with its SHA-256, and the dataset GDAL is to read in
 * it. Archives (.zip, .kmz) are unpacked here, not by GDAL, so that every entry is checked first:
 * a name that leaves the folder, too many entries, or more bytes than allowed once inflated (counted
 * while inflating, not taken from the headers) refuse the file.
 */
record UploadedFile(Path folder, String name, String checksum, long size, Path dataset, Format format) {

	/** The formats taken in. */
	enum Format {

		GEOJSON("GeoJSON"), KML("KML"), SHAPEFILE("ESRI Shapefile"), GEOPACKAGE("GeoPackage"), DXF("DXF"), CSV("CSV"),
		XLSX("XLSX");

		private final String title;

		Format(String title) {
			this.title = title;
		}

		String title() {
			return this.title;
		}

		/** Whether the format names its CRS (else the editor says it, or it is worked out). */
		boolean namesItsCrs() {
			return this == GEOJSON || this == KML || this == SHAPEFILE || this == GEOPACKAGE;
		}

		static Format of(String fileName) {
			String lower = fileName.toLowerCase(Locale.ROOT);
			if (lower.endsWith(".geojson") || lower.endsWith(".json")) {
				return GEOJSON;
			}
			if (lower.endsWith(".kml")) {
				return KML;
			}
			if (lower.endsWith(".shp")) {
				return SHAPEFILE;
			}
			if (lower.endsWith(".gpkg")) {
				return GEOPACKAGE;
			}
			if (lower.endsWith(".dxf")) {
				return DXF;
			}
			if (lower.endsWith(".csv")) {
				return CSV;
			}
			if (lower.endsWith(".xlsx")) {
				return XLSX;
			}
			return null;
		}

	}

	static final String ACCEPTED = ".geojson, .json, .kml, .kmz, .zip (Shapefile .shp/.shx/.dbf/.prj/.cpg, or one of the others), "
			+ ".gpkg, .dxf, .csv, .xlsx";

	/** Saves {@code content} as {@code name} in {@code folder}, unpacking an archive. */
	static UploadedFile save(Path folder, String name, InputStream content, ExchangeProperties limits) {
		String safeName = safeName(name);
		String lower = safeName.toLowerCase(Locale.ROOT);
		boolean archive = lower.endsWith(".zip") || lower.endsWith(".kmz");
		if (!archive && Format.of(safeName) == null) {
			throw new ExchangeException("format_unknown", "'" + safeName + "' is not a format the registry reads; send "
					+ ACCEPTED + ". A Shapefile is sent as one .zip of its files.");
		}
		try {
			Files.createDirectories(folder);
			Path saved = folder.resolve("upload-" + safeName);
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			long size;
			try (InputStream in = new DigestInputStream(content, sha)) {
				size = Files.copy(in, saved);
			}
			String checksum = HexFormat.of().formatHex(sha.digest());
			if (size == 0) {
				throw new ExchangeException("file_empty", "'" + safeName + "' is empty");
			}
			if (!archive) {
				Path dataset = folder.resolve("data").resolve(safeName);
				Files.createDirectories(dataset.getParent());
				Files.move(saved, dataset);
				return new UploadedFile(folder, safeName, checksum, size, dataset, Format.of(safeName));
			}
			Path unpacked = folder.resolve("data");
			unzip(saved, unpacked, limits);
			Files.delete(saved);
			Path dataset = dataset(unpacked, safeName);
			return new UploadedFile(folder, safeName, checksum, size, dataset, Format.of(dataset.getFileName().toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String safeName(String name) {
		String base = name == null ? "" : name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").trim();
		if (base.isEmpty() || base.equals(".") || base.equals("..")) {
			throw new ExchangeException("file_name", "the file has no usable name; send it with its name and extension");
		}
		return base.length() > 200 ? base.substring(base.length() - 200) : base;
	}

	private static void unzip(Path zip, Path target, ExchangeProperties limits) throws IOException {
		Files.createDirectories(target);
		long budget = limits.maxUncompressed().toBytes();
		int entries = 0;
		byte[] buffer = new byte[64 * 1024];
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				if (++entries > limits.maxZipEntries()) {
					throw new ExchangeException("zip_entries", "the archive holds more than " + limits.maxZipEntries()
							+ " entries");
				}
				Path out = target.resolve(entry.getName()).normalize();
				if (entry.getName().contains("..") || entry.getName().startsWith("/") || entry.getName().contains(":")
						|| !out.startsWith(target)) {
					throw new ExchangeException("zip_traversal", "the archive entry '" + entry.getName()
							+ "' points outside the archive (path traversal); the file was refused");
				}
				if (entry.isDirectory()) {
					Files.createDirectories(out);
					continue;
				}
				Files.createDirectories(out.getParent());
				try (OutputStream file = Files.newOutputStream(out)) {
					int read;
					while ((read = in.read(buffer)) > 0) {
						budget -= read;
						if (budget < 0) {
							throw new ExchangeException("zip_bomb", "the archive inflates to more than "
									+ limits.maxUncompressed().toMegabytes() + " MB; the file was refused");
						}
						file.write(buffer, 0, read);
					}
				}
			}
		}
		catch (ZipException ex) {
			throw new ExchangeException("zip_unreadable", "the archive cannot be read: " + ex.getMessage());
		}
		if (entries == 0) {
			throw new ExchangeException("zip_unreadable", "the archive is empty or not a zip file");
		}
	}

	/** The one dataset in an unpacked archive (a KMZ's main KML). */
	private static Path dataset(Path unpacked, String archiveName) throws IOException {
		List<Path> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(unpacked)) {
			files.filter(Files::isRegularFile)
				.filter(path -> !path.getFileName().toString().startsWith("._"))
				.filter(path -> Format.of(path.getFileName().toString()) != null)
				.sorted()
				.forEach(found::add);
		}
		if (archiveName.toLowerCase(Locale.ROOT).endsWith(".kmz")) {
			found.removeIf(path -> Format.of(path.getFileName().toString()) != Format.KML);
			found.sort((a, b) -> Boolean.compare(!a.getFileName().toString().equalsIgnoreCase("doc.kml"),
					!b.getFileName().toString().equalsIgnoreCase("doc.kml")));
			if (!found.isEmpty()) {
				return found.get(0);
			}
		}
		if (found.size() == 1) {
			return found.get(0);
		}
		if (found.isEmpty()) {
			throw new ExchangeException("archive_no_dataset", "the archive holds no file the registry reads; it may hold "
					+ ACCEPTED + " (a Shapefile with its .shp)");
		}
		throw new ExchangeException("archive_many_datasets", "the archive holds " + found.size() + " datasets ("
				+ found.stream().map(p -> unpacked.relativize(p).toString()).toList()
				+ "); send one per import");
	}

}
