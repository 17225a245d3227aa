package vn.landregistry.tiles;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.landregistry.support.PostgisTest;
import vn.landregistry.support.TileClient;

import static org.assertj.core.api.Assertions.assertThat;

/** GDAL (the library under QGIS) reads the tiles of every layer straight from their URL. */
class TilesInGdalTest extends PostgisTest {

	private TileClient tiles;

	@BeforeEach
	void client() {
		this.tiles = new TileClient(this.port);
	}

	@Test
	void gdalReadsEveryLayerFromItsTileUrl() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ogrinfo")),
				"gdal-bin is not installed (bin/test installs it): skipping the GDAL check");
		Map<String, Object> place = this.jdbc.sql("""
				SELECT ST_X(ST_PointOnSurface(c.boundary)) AS lon, ST_Y(ST_PointOnSurface(c.boundary)) AS lat
				  FROM clearance_phase c JOIN zone z ON z.id = c.zone_id
				 WHERE c.deleted_at IS NULL AND z.published AND z.deleted_at IS NULL ORDER BY c.id LIMIT 1""")
			.query().singleRow();
		double lon = ((Number) place.get("lon")).doubleValue();
		double lat = ((Number) place.get("lat")).doubleValue();
		for (String layer : List.of("zones", "plots", "clearance", "districts")) {
			String path = TileClient.path(layer, 14, lon, lat);
			HttpResponse<byte[]> tile = this.tiles.get(path);
			assertThat(tile.statusCode()).as(path).isEqualTo(200);
			int features = Mvt.decode(tile.body()).layer(layer).size();

			ProcessBuilder command = new ProcessBuilder("/usr/bin/ogrinfo", "-ro", "-so", "-al",
					"/vsicurl/http://127.0.0.1:" + this.port + path)
				.redirectErrorStream(true);
			// one tile, not a folder to list
			command.environment().put("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR");
			Process ogrinfo = command.start();
			String output = new String(ogrinfo.getInputStream().readAllBytes());
			assertThat(ogrinfo.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(ogrinfo.exitValue()).as(output).isZero();
			assertThat(output).as(layer).contains("Layer name: " + layer).contains("Feature Count: " + features)
				.contains("Pseudo-Mercator");
		}
	}

}
