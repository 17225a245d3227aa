package vn.landregistry.maps;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.landregistry.shared.InvalidParameterException;
import vn.landregistry.shared.NotFoundException;

/**
 * The self-hosted base map (registry.map.mbtiles) as XYZ raster tiles, for every page's map when
 * the deployment has no internet. A tile outside the file is transparent, not an error: the map
 * simply has no background there.
 */
@RestController
class BaseMapController {

	static final String TEMPLATE = "/basemap/{z}/{x}/{y}";

	static final int MAX_ZOOM = 24;

	private final BaseMapTiles tiles;

	BaseMapController(BaseMapTiles tiles) {
		this.tiles = tiles;
	}

	@GetMapping(TEMPLATE)
	ResponseEntity<byte[]> tile(@PathVariable int z, @PathVariable int x, @PathVariable int y) {
		if (!this.tiles.configured()) {
			throw new NotFoundException("this server has no base map of its own (registry.map.mbtiles is not set)");
		}
		if (z < 0 || z > MAX_ZOOM) {
			throw new InvalidParameterException("z", String.valueOf(z), "z is a zoom level from 0 to " + MAX_ZOOM);
		}
		long size = 1L << z;
		if (x < 0 || x >= size) {
			throw new InvalidParameterException("x", String.valueOf(x), "x is a tile column from 0 to " + (size - 1));
		}
		if (y < 0 || y >= size) {
			throw new InvalidParameterException("y", String.valueOf(y), "y is a tile row from 0 to " + (size - 1));
		}
		CacheControl cache = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();
		return this.tiles.tile(z, x, y)
			.map(tile -> ResponseEntity.ok().contentType(this.tiles.type()).cacheControl(cache).body(tile))
			.orElseGet(() -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(cache)
				.body(BaseMapTiles.EMPTY));
	}

}
