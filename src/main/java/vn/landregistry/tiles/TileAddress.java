package vn.landregistry.tiles;

import vn.landregistry.shared.InvalidParameterException;

/** A tile of the XYZ (Web Mercator, EPSG:3857) grid: x from the west, y from the north. */
record TileAddress(int z, int x, int y) {

	/** From the path of a request; anything but whole numbers within the grid is a 400. */
	static TileAddress parse(String z, String x, String y) {
		int zoom = number("z", z, TileLayer.MAX_ZOOM);
		int last = (1 << zoom) - 1;
		return new TileAddress(zoom, number("x", x, last), number("y", y, last));
	}

	private static int number(String name, String text, int max) {
		int value = text.matches("\\d{1,9}") ? Integer.parseInt(text) : -1;
		if (value < 0 || value > max) {
			throw new InvalidParameterException(name, text,
					name + " '" + text + "' is not a whole number from 0 to " + max + ("z".equals(name) ? "" : " (2^z - 1)"));
		}
		return value;
	}

}
