package vn.landregistry.tiles;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tiles an edited area reaches, with the buffer mvt_tile() draws around each tile. */
class AreaTest {

	@Test
	void aSmallAreaInTheMiddleOfATileReachesThatTileOnly() {
		// tile 14/13020/7202 spans lon 106.0840–106.1060, lat 21.2257–21.2462 (about)
		int[] range = new Area(106.094, 21.235, 106.096, 21.237).tileRanges()[14];
		assertThat(range).containsExactly(13020, 7202, 13020, 7202);
	}

	@Test
	void anAreaJustOutsideATileStillReachesItThroughItsBuffer() {
		// just east of the tile's east edge (106.10596), within 1/64 of a tile (0.00034°)
		int[] range = new Area(106.1061, 21.235, 106.1062, 21.236).tileRanges()[14];
		assertThat(range[0]).isEqualTo(13020);
		assertThat(range[2]).isEqualTo(13021);
	}

	@Test
	void everyZoomIsCoveredAndTheWorldTileAlwaysReached() {
		int[][] ranges = new Area(106.0, 21.0, 106.5, 21.5).tileRanges();
		assertThat(ranges.length).isEqualTo(TileLayer.MAX_ZOOM + 1);
		assertThat(ranges[0]).containsExactly(0, 0, 0, 0);
		assertThat(ranges[22][2] - ranges[22][0]).isGreaterThan(1000);
	}

}
