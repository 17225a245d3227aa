package vn.landregistry.portal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The picture shared with a plot's or zone's link (Open Graph image, 1200 × 630): the plot (or the
 * plots on offer) filled over the zone's outline and the other plots, drawn by Java2D from the shapes (Web Mercator metres, put
 * to pixels by PostGIS), with its code, area and zone written beside. No base-map tiles.
 */
@Component
class PreviewImage {

	static final int WIDTH = 1200;

	static final int HEIGHT = 630;

	private static final int MAP = 630;

	private static final int MARGIN = 40;

	private final JdbcClient jdbc;

	PreviewImage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The PNG of a published plot, filled over its zone, or empty when there is none. */
	Optional<byte[]> plot(long id, List<String> lines) {
		return draw("(SELECT zone_id FROM public_plot WHERE id = :id)", "o.id = :id", Map.of("id", id), lines);
	}

	/** The PNG of a published zone, its plots on offer that day filled, or empty when there is none. */
	Optional<byte[]> zone(String code, java.time.LocalDate today, List<String> lines) {
		return draw("(SELECT id FROM public_zone WHERE code = :code)",
				"(o.committed_until IS NULL OR o.committed_until <= CAST(:today AS date))", Map.of("code", code, "today", today),
				lines);
	}

	/** The zone {@code zoneId} (SQL) with its plots, those matching {@code filled} (SQL over plot o) in green. */
	private Optional<byte[]> draw(String zoneId, String filled, Map<String, ?> params, List<String> lines) {
		Map<String, Object> box = this.jdbc.sql("""
				SELECT ST_XMin(e) AS x0, ST_YMin(e) AS y0, greatest(ST_XMax(e) - ST_XMin(e), ST_YMax(e) - ST_YMin(e), 1) AS size
				  FROM (SELECT ST_Extent(ST_Transform(z.boundary, 3857)) AS e FROM public_zone z WHERE z.id = """ + zoneId + """
				       ) x
				 WHERE e IS NOT NULL""").params(params).query().listOfRows().stream().findFirst().orElse(null);
		if (box == null) {
			return Optional.empty();
		}
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(new Color(0xf4f7fa));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, MAP, HEIGHT);
		String layers = "SELECT 0 AS layer, 'zone' AS role, z.boundary_accuracy = 'APPROXIMATE' AS approximate, z.boundary AS g"
				+ " FROM public_zone z WHERE z.id = " + zoneId
				+ " UNION ALL SELECT CASE WHEN " + filled + " THEN 2 ELSE 1 END, CASE WHEN " + filled
				+ " THEN 'plot' ELSE 'other' END, false, o.boundary FROM public_plot o WHERE o.zone_id = " + zoneId;
		List<Map<String, Object>> shapes = this.jdbc.sql("""
				SELECT s.role, s.approximate, ST_AsText(ST_Affine(ST_Transform(s.g, 3857), :scale, 0, 0, -:scale,
				         :margin - :x0 * :scale, :height - :margin + :y0 * :scale)) AS wkt
				  FROM (""" + layers + ") s ORDER BY s.layer")
			.params(params).param("scale", (MAP - 2.0 * MARGIN) / ((Number) box.get("size")).doubleValue())
			.param("margin", MARGIN).param("height", HEIGHT).param("x0", box.get("x0")).param("y0", box.get("y0"))
			.query().listOfRows();
		for (Map<String, Object> shape : shapes) {
			Path2D path = path((String) shape.get("wkt"));
			switch ((String) shape.get("role")) {
				case "zone" -> {
					g.setColor(new Color(0xe8eef3));
					g.fill(path);
					g.setColor(new Color(0x5b6b7a));
					g.setStroke(Boolean.TRUE.equals(shape.get("approximate"))
							? new BasicStroke(3, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] { 12, 8 }, 0)
							: new BasicStroke(3));
					g.draw(path);
				}
				case "other" -> {
					g.setColor(new Color(0xcfd8e0));
					g.fill(path);
					g.setColor(new Color(0x9aa8b5));
					g.setStroke(new BasicStroke(1));
					g.draw(path);
				}
				default -> {
					g.setColor(new Color(0x1e8e3e));
					g.fill(path);
					g.setColor(new Color(0x0b3d91));
					g.setStroke(new BasicStroke(4));
					g.draw(path);
				}
			}
		}
		g.setColor(new Color(0x14507a));
		g.fillRect(MAP, 0, 8, HEIGHT);
		int y = 120;
		for (int i = 0; i < lines.size(); i++) {
			g.setFont(new Font(Font.SANS_SERIF, i == 0 ? Font.BOLD : Font.PLAIN, i == 0 ? 44 : 30));
			g.setColor(i == 0 ? new Color(0x0b2540) : new Color(0x33404d));
			for (String part : wrap(g, lines.get(i), WIDTH - MAP - 2 * MARGIN)) {
				g.drawString(part, MAP + MARGIN, y);
				y += i == 0 ? 56 : 42;
			}
			y += 16;
		}
		g.dispose();
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Optional.of(png.toByteArray());
	}

	/** A (multi)polygon's rings in pixels, from WKT (rings holed by the even-odd rule). */
	static Path2D path(String wkt) {
		Path2D path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
		String body = wkt.substring(wkt.indexOf('('));
		for (String ring : body.split("\\)\\s*,\\s*\\(|\\)\\),\\s*\\(\\(")) {
			String[] points = ring.replaceAll("[()]", "").trim().split("\\s*,\\s*");
			for (int i = 0; i < points.length; i++) {
				String[] xy = points[i].trim().split("\\s+");
				double x = Double.parseDouble(xy[0]);
				double y = Double.parseDouble(xy[1]);
				if (i == 0) {
					path.moveTo(x, y);
				}
				else {
					path.lineTo(x, y);
				}
			}
			path.closePath();
		}
		return path;
	}

	private static List<String> wrap(Graphics2D g, String text, int width) {
		List<String> lines = new java.util.ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			String next = line.isEmpty() ? word : line + " " + word;
			if (!line.isEmpty() && g.getFontMetrics().stringWidth(next) > width) {
				lines.add(line.toString());
				line = new StringBuilder(word);
			}
			else {
				line = new StringBuilder(next);
			}
		}
		lines.add(line.toString());
		return lines;
	}

}
