package vn.landregistry.maps;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageIO;

import jakarta.annotation.PreDestroy;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.sqlite.SQLiteConfig;

/**
 * The raster tiles of an MBTiles file (registry.map.mbtiles): an SQLite database whose rows are
 * addressed in TMS order (row 0 at the south), so an XYZ tile y is row 2^z − 1 − y. One read-only
 * connection, used by one request at a time (SQLite connections are not shared between threads).
 */
@Component
class BaseMapTiles {

	/** What a tile the file does not hold looks like: transparent, so that the map shows no error. */
	static final byte[] EMPTY = emptyPng();

	private final Connection connection;

	private final MediaType type;

	private final String attribution;

	BaseMapTiles(MapProperties properties) {
		if (!properties.selfHosted()) {
			this.connection = null;
			this.type = null;
			this.attribution = null;
			return;
		}
		Path file = Path.of(properties.mbtiles());
		if (!Files.isReadable(file)) {
			throw new IllegalStateException("registry.map.mbtiles: cannot read " + file.toAbsolutePath());
		}
		try {
			SQLiteConfig config = new SQLiteConfig();
			config.setReadOnly(true);
			this.connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
			String format = metadata("format").orElse("png").toLowerCase(Locale.ROOT);
			this.type = switch (format) {
				case "png" -> MediaType.IMAGE_PNG;
				case "jpg", "jpeg" -> MediaType.IMAGE_JPEG;
				case "webp" -> MediaType.parseMediaType("image/webp");
				default -> throw new IllegalStateException("registry.map.mbtiles: " + file
						+ " holds '" + format + "' tiles; a base map needs raster tiles (png, jpg or webp)");
			};
			this.attribution = metadata("attribution").map(HtmlUtils::htmlEscape).orElse(null);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("registry.map.mbtiles: " + file + " is not an MBTiles file: "
					+ ex.getMessage(), ex);
		}
	}

	boolean configured() {
		return this.connection != null;
	}

	MediaType type() {
		return this.type;
	}

	/** The file's attribution (as text), null when it names none. */
	String attribution() {
		return this.attribution;
	}

	/** The tile at XYZ z/x/y, empty when the file does not hold it. */
	synchronized Optional<byte[]> tile(int z, int x, int y) {
		long row = (1L << z) - 1 - y;
		try (PreparedStatement select = this.connection.prepareStatement(
				"SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?")) {
			select.setInt(1, z);
			select.setInt(2, x);
			select.setLong(3, row);
			try (ResultSet result = select.executeQuery()) {
				return result.next() ? Optional.ofNullable(result.getBytes(1)) : Optional.empty();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read the base map's tile " + z + "/" + x + "/" + y, ex);
		}
	}

	private synchronized Optional<String> metadata(String name) throws SQLException {
		try (PreparedStatement select = this.connection.prepareStatement("SELECT value FROM metadata WHERE name = ?")) {
			select.setString(1, name);
			try (ResultSet result = select.executeQuery()) {
				return result.next() ? Optional.ofNullable(result.getString(1)).filter(value -> !value.isBlank())
						: Optional.empty();
			}
		}
	}

	@PreDestroy
	synchronized void close() throws SQLException {
		if (this.connection != null) {
			this.connection.close();
		}
	}

	private static byte[] emptyPng() {
		try {
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			ImageIO.write(new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB), "png", png);
			return png.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
